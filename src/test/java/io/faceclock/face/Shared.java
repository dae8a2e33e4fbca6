package io.faceclock.face;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The read-only models and labelled photos beside the checkout, found through -Dfaceclock.shared. */
public final class Shared {

    public static final String PROPERTY = "faceclock.shared";

    private Shared() {
    }

    public static Path root() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + PROPERTY + " is not set: point it at the shared"
                    + " folder holding models/ and faces/ (Maven passes ${project.basedir}/../shared)");
        }
        Path root = Path.of(value);
        if (!Files.isDirectory(root.resolve("models")) || !Files.isDirectory(root.resolve("faces"))) {
            throw new IllegalStateException("system property " + PROPERTY + " = " + root.toAbsolutePath()
                    + " is not a folder holding models/ and faces/");
        }
        return root;
    }

    public static Path models() {
        return root().resolve("models");
    }

    public static Path labels() {
        return root().resolve("faces/labels.tsv");
    }

    public static byte[] photo(String pathInFaces) {
        try {
            return Files.readAllBytes(root().resolve("faces").resolve(pathInFaces));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FaceSettings settings() {
        return FaceSettings.defaults(models());
    }
}
