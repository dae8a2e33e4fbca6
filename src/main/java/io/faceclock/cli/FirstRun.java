package io.faceclock.cli;

import io.faceclock.config.Settings;
import io.faceclock.face.ModelFile;
import io.faceclock.face.ModelInstaller;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The first start without face models: on an interactive terminal, offer to fetch them (as
 * `faceclock models install`: progress, sha256 checked) instead of only warning. A service started
 * by a script or a unit file is never asked anything.
 */
final class FirstRun {

    static final String BASE_URL = "faceclock.models.base-url";

    private FirstRun() {
    }

    /** Asks and installs when the models folder holds none of the models and a person is at the terminal. */
    static void offerModels(Settings settings, Console console) {
        String folder = settings.get("faceclock.models.dir");
        Path dir = Path.of(folder == null ? "./models" : folder).toAbsolutePath().normalize();
        List<ModelFile> models = ModelsCommand.DEFAULT_MODELS;
        if (console == null || models.stream().anyMatch(m -> Files.exists(dir.resolve(m.fileName())))) {
            return;
        }
        PrintWriter out = console.writer();
        String answer = console.readLine("The face models are not in %s. Download them now (YuNet and MobileFaceNet, "
                + "checked by sha256)? [Y/n] ", dir);
        if (answer == null || !answer.isBlank() && !answer.trim().toLowerCase(Locale.ROOT).startsWith("y")) {
            out.println("Starting without faces; `faceclock models install` fetches the models later.");
            out.flush();
            return;
        }
        String base = settings.get(BASE_URL);
        try {
            for (ModelInstaller.Installed i : new ModelInstaller(base == null ? null : URI.create(base))
                    .install(dir, models, (model, done, total) -> progress(out, model, done, total))) {
                out.println("\r" + (i.downloaded() ? "installed " : "already present ") + i.path()
                        + (i.downloaded() ? " (sha256 ok)" : "") + " ".repeat(20));
            }
        } catch (IOException e) {
            out.println();
            out.println("Could not install the face models: " + e.getMessage() + ". Starting without faces; "
                    + "`faceclock models install` tries again.");
        }
        out.flush();
    }

    private static void progress(PrintWriter out, ModelFile model, long done, long total) {
        String of = total > 0 ? " of " + total / 1024 + " KiB (" + done * 100 / total + " %)" : "";
        out.print("\r" + model.fileName() + ": " + done / 1024 + " KiB" + of);
        out.flush();
    }
}
