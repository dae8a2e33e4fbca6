package io.faceclock.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data folder belongs to faceclock's OS user alone: the folder and every folder in it 0700,
 * every file 0600 (database, key files, uploads, anything). A folder made by an older version,
 * with the usual 0755/0644, is tightened at start.
 */
public final class DataFolder {

    private static final Logger LOG = LoggerFactory.getLogger(DataFolder.class);
    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private DataFolder() {
    }

    /** Creates the folder when missing and takes every permission of group and others off it and its content. */
    public static Path secure(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
            }
            if (!posix()) {
                return dir;
            }
            Files.setPosixFilePermissions(dir, FOLDER);
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) all::iterator) {
                    tighten(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Cannot make the data folder " + dir + " private to its owner: "
                    + e.getMessage(), e);
        }
        return dir;
    }

    /**
     * The secret in a private file of the folder, made on first use: 32 random bytes as hex,
     * written whole to a private temp file and linked into place, so two first starts agree on one.
     */
    public static String secret(Path dir, String name) {
        Path file = dir.resolve(name);
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Path tmp = Files.createTempFile(dir, name, ".tmp", PosixFilePermissions.asFileAttribute(FILE));
                try {
                    Files.writeString(tmp, HexFormat.of().formatHex(fresh) + "\n");
                    Files.createLink(file, tmp);
                } catch (FileAlreadyExistsException raced) {
                    // another process made it first: use theirs
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
            String s = Files.readString(file).trim();
            if (s.isEmpty()) {
                throw new IllegalStateException("The file " + file + " is empty; restore it from a backup");
            }
            return s;
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("Cannot read or create " + file + ": " + e.getMessage(), e);
        }
    }

    private static void tighten(Path p) throws IOException {
        if (Files.isSymbolicLink(p)) {
            return; // a link's own mode means nothing; what it points to is not ours to change
        }
        boolean folder = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
        Set<PosixFilePermission> wanted = folder ? FOLDER : FILE;
        if (!wanted.containsAll(now) || (folder && !now.containsAll(FOLDER))) {
            try {
                Files.setPosixFilePermissions(p, folder ? FOLDER : narrowed(now));
            } catch (IOException e) {
                LOG.warn("Cannot make {} private ({}); other users may read it", p, e.getMessage());
            }
        }
    }

    /** Only the owner's own bits stay (a file the owner could not write stays read-only). */
    private static Set<PosixFilePermission> narrowed(Set<PosixFilePermission> now) {
        Set<PosixFilePermission> s = new java.util.HashSet<>(now);
        s.retainAll(List.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        s.add(PosixFilePermission.OWNER_READ);
        return s;
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
