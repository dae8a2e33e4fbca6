package io.faceclock.face;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** The models folder: finds each model file and checks its sha256 before anything loads it. */
public final class FaceModels {

    private FaceModels() {
    }

    /** Up when every file is present with the expected hash, otherwise the first problem. */
    public static FaceEngineStatus verify(Path dir, List<ModelFile> files) {
        try {
            for (ModelFile file : files) {
                require(dir, file);
            }
            return FaceEngineStatus.ok();
        } catch (FaceEngineUnavailableException e) {
            return e.status();
        }
    }

    /** @return the path of a present, correct model file */
    public static Path require(Path dir, ModelFile file) {
        if (dir == null) {
            throw unavailable("no models folder configured", null);
        }
        if (!Files.isDirectory(dir)) {
            throw unavailable("models folder " + dir.toAbsolutePath() + " does not exist"
                    + " (run `models install --dir " + dir + "`)", null);
        }
        Path path = dir.resolve(file.fileName());
        if (!Files.isRegularFile(path)) {
            throw unavailable("model file " + file.fileName() + " missing in " + dir.toAbsolutePath()
                    + " (run `models install --dir " + dir + "`)", null);
        }
        String actual;
        try {
            actual = sha256(path);
        } catch (UncheckedIOException e) {
            throw unavailable("cannot read model file " + path + ": " + e.getCause().getMessage(), e);
        }
        if (!actual.equalsIgnoreCase(file.sha256())) {
            throw unavailable("model file " + path + " is not the expected one: sha256 " + actual
                    + ", expected " + file.sha256(), null);
        }
        return path;
    }

    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = sha256();
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static FaceEngineUnavailableException unavailable(String why, Throwable cause) {
        return new FaceEngineUnavailableException(FaceEngineStatus.unavailable(why), cause);
    }
}
