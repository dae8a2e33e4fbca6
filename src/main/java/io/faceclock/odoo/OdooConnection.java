package io.faceclock.odoo;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach one Odoo database. The password may equally be an API key.
 * {@link #toString()} never shows the password or the trust store password.
 */
public record OdooConnection(
        URI url,
        String db,
        String username,
        String password,
        Duration connectTimeout,
        Duration callTimeout,
        boolean verifyTls,
        Path trustStore,
        String trustStorePassword,
        long maxResponseBytes) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The whole of one call, connecting and reading included: a connection test fails within this. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(15);
    /** What a create or write of many records adds to the deadline, per record. */
    public static final Duration PER_RECORD = Duration.ofMillis(100);
    /** Big enough for a page of a few thousand full employee records, small enough to protect the heap. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L * 1024 * 1024;

    public OdooConnection {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        String scheme = url.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("Odoo URL must start with http:// or https://, got " + url);
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("Odoo URL must not hold a user or password: give them as the user and password");
        }
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        callTimeout = callTimeout == null ? DEFAULT_CALL_TIMEOUT : callTimeout;
        if (maxResponseBytes <= 0) {
            maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        }
    }

    /** TLS verified, default timeouts and response cap. */
    public static OdooConnection of(String url, String db, String username, String password) {
        return new OdooConnection(URI.create(stripSlash(url)), db, username, password,
                null, null, true, null, null, 0);
    }

    /** The deadline of a call that sends this many records: longer for bigger batches. */
    public Duration deadlineFor(int records) {
        return callTimeout.plus(PER_RECORD.multipliedBy(Math.max(0, records)));
    }

    /** connect: to open the connection; call: the whole of one call (a batch gets more, see deadlineFor). */
    public OdooConnection withTimeouts(Duration connect, Duration call) {
        return new OdooConnection(url, db, username, password, connect, call, verifyTls, trustStore,
                trustStorePassword, maxResponseBytes);
    }

    public OdooConnection withMaxResponseBytes(long max) {
        return new OdooConnection(url, db, username, password, connectTimeout, callTimeout, verifyTls, trustStore,
                trustStorePassword, max);
    }

    public OdooConnection withTrustStore(Path path, String storePassword) {
        return new OdooConnection(url, db, username, password, connectTimeout, callTimeout, verifyTls, path,
                storePassword, maxResponseBytes);
    }

    /** Turns certificate and host name checks off: for test servers only, logged loudly. */
    public OdooConnection withoutTlsVerification() {
        return new OdooConnection(url, db, username, password, connectTimeout, callTimeout, false, trustStore,
                trustStorePassword, maxResponseBytes);
    }

    public OdooConnection withPassword(String newPassword) {
        return new OdooConnection(url, db, username, newPassword, connectTimeout, callTimeout, verifyTls, trustStore,
                trustStorePassword, maxResponseBytes);
    }

    public OdooConnection withDb(String newDb) {
        return new OdooConnection(url, newDb, username, password, connectTimeout, callTimeout, verifyTls, trustStore,
                trustStorePassword, maxResponseBytes);
    }

    /** "host:port" as people type it, for messages. */
    public String hostPort() {
        int port = url.getPort();
        if (port < 0) {
            port = "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        }
        return url.getHost() + ":" + port;
    }

    @Override
    public String toString() {
        return "OdooConnection[url=" + url + ", db=" + db + ", username=" + username + ", password=***"
                + ", connectTimeout=" + connectTimeout + ", callTimeout=" + callTimeout + ", verifyTls=" + verifyTls
                + ", trustStore=" + trustStore + (trustStorePassword == null ? "" : ", trustStorePassword=***")
                + ", maxResponseBytes=" + maxResponseBytes + "]";
    }

    private static String stripSlash(String url) {
        String u = url.trim();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }
}
