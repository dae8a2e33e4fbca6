package io.faceclock.app;

import io.faceclock.security.NewApiKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes the first-start admin key to a file only its owner can read. */
final class AdminKeyFile {

    static final String NAME = "admin-api-key.txt";

    private AdminKeyFile() {
    }

    static Path write(Path dataDir, NewApiKey key) throws IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(NAME);
        Files.deleteIfExists(file);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, key.secret() + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        return file;
    }
}
