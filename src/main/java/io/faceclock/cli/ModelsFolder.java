package io.faceclock.cli;

import java.nio.file.Path;

/** Where the face models live when no --models option is given. */
final class ModelsFolder {

    static final String ENV = "FACECLOCK_MODELS_DIR";

    private ModelsFolder() {
    }

    /** The option if given, else $FACECLOCK_MODELS_DIR, else ./models. */
    static Path resolve(Path option) {
        if (option != null) {
            return option;
        }
        String env = System.getenv(ENV);
        return env != null && !env.isBlank() ? Path.of(env) : Path.of("models");
    }
}
