package io.faceclock.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * faceclock's HTTP server: where it listens, the largest request body it reads, how long a
 * connection may take to deliver a request, and for HTTPS the
 * key store holding its certificate and key (null: plain HTTP).
 */
public record HttpSettings(String host, int port, int maxBodyBytes, Duration requestTimeout, Path keyStore,
                           String keyStorePassword) {

    public static final String KEY_STORE = "faceclock.https.key-store";
    public static final String KEY_STORE_PASSWORD = "faceclock.https.key-store-password";

    static HttpSettings read(Settings s) {
        Path store = s.path(KEY_STORE);
        if (store != null && !Files.isReadable(store)) {
            throw new IllegalArgumentException("Setting " + KEY_STORE + ": cannot read " + store.toAbsolutePath());
        }
        Duration requestTimeout = s.seconds("faceclock.http.request-timeout-seconds");
        if (requestTimeout.isZero() || requestTimeout.isNegative()) {
            throw new IllegalArgumentException("Setting faceclock.http.request-timeout-seconds must be at least 1");
        }
        return new HttpSettings(s.text(Settings.HOST), s.integer(Settings.PORT), s.integer(Settings.MAX_BODY_BYTES),
                requestTimeout, store == null ? null : store.toAbsolutePath().normalize(), s.get(KEY_STORE_PASSWORD));
    }

    public boolean https() {
        return keyStore != null;
    }

    public String scheme() {
        return https() ? "https" : "http";
    }

    @Override
    public String toString() {
        return "HttpSettings[host=" + host + ", port=" + port + ", maxBodyBytes=" + maxBodyBytes + ", requestTimeout="
                + requestTimeout + ", keyStore="
                + keyStore + "]";
    }
}
