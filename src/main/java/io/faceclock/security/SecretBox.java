package io.faceclock.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets kept in the database (the Odoo password) with AES-256-GCM. The key comes from
 * FACECLOCK_SECRET_KEY (base64 of 32 bytes; give every node of a cluster the same one) or from
 * {@code secret.key} in the data folder, created on first use readable only by its owner.
 */
public final class SecretBox {

    public static final String ENV = "FACECLOCK_SECRET_KEY";
    static final String FILE = "secret.key";
    private static final String PREFIX = "v1:";

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    private SecretBox(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    public static SecretBox open(String envKey, Path dataDir) {
        if (envKey != null && !envKey.isBlank()) {
            return new SecretBox(decodeKey(envKey.trim(), ENV));
        }
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Files.createDirectories(dataDir);
                // written whole to a private temp file, then linked into place (a link never replaces an
                // existing file): nobody reads a half-written key, and two first starts agree on one key
                Path tmp = Files.createTempFile(dataDir, FILE, ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                try {
                    Files.writeString(tmp, Base64.getEncoder().encodeToString(fresh) + "\n");
                    Files.createLink(file, tmp);
                } catch (FileAlreadyExistsException raced) {
                    // another process made it first: use theirs
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
            return new SecretBox(decodeKey(Files.readString(file).trim(), file.toString()));
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("Cannot read or create the secret key file " + file + ": " + e.getMessage());
        }
    }

    public String encrypt(String plain) {
        try {
            byte[] iv = new byte[12];
            random.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    public String decrypt(String sealed) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new IllegalStateException("A stored secret is not in the expected format");
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
            return new String(c.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A stored secret cannot be decrypted: was " + ENV
                    + " or the data folder's " + FILE + " changed? Save the Odoo configuration again.");
        }
    }

    private static byte[] decodeKey(String text, String where) {
        byte[] k;
        try {
            k = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " must hold a base64 key (32 bytes: `openssl rand -base64 32`)");
        }
        if (k.length != 32) {
            throw new IllegalStateException(where + " must hold 32 bytes in base64 (`openssl rand -base64 32`)");
        }
        return k;
    }
}
