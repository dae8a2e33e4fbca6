package io.faceclock.config;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * faceclock's HTTP server: where it listens, the largest request body it reads, and for HTTPS the
 * key store holding its certificate and key (null: plain HTTP).
 */
public record HttpSettings(String host, int port, int maxBodyBytes, Path keyStore, String keyStorePassword) {

    public static final String KEY_STORE = "faceclock.https.key-store";
    public static final String KEY_STORE_PASSWORD = "faceclock.https.key-store-password";

    static HttpSettings read(Settings s) {
        Path store = s.path(KEY_STORE);
        if (store != null && !Files.isReadable(store)) {
            throw new IllegalArgumentException("Setting " + KEY_STORE + ": cannot read " + store.toAbsolutePath());
        }
        return new HttpSettings(s.text(Settings.HOST), s.integer(Settings.PORT), s.integer(Settings.MAX_BODY_BYTES),
                store == null ? null : store.toAbsolutePath().normalize(), s.get(KEY_STORE_PASSWORD));
    }

    public boolean https() {
        return keyStore != null;
    }

    public String scheme() {
        return https() ? "https" : "http";
    }

    @Override
    public String toString() {
        return "HttpSettings[host=" + host + ", port=" + port + ", maxBodyBytes=" + maxBodyBytes + ", keyStore="
                + keyStore + "]";
    }
}
