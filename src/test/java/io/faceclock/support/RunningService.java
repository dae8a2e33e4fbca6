package io.faceclock.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.faceclock.app.FaceclockApp;
import io.faceclock.config.Settings;
import io.faceclock.json.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The real faceclock service on a free loopback port, and an HTTP client to drive it. */
public final class RunningService implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Map<String, String> settings;
    private final Clock clock;
    private FaceclockApp app;
    private final String adminKey;

    private RunningService(Map<String, String> settings, Clock clock) throws IOException {
        this.settings = settings;
        this.clock = clock;
        this.app = FaceclockApp.start(Settings.of(settings), clock);
        this.adminKey = Files.readString(dataDir().resolve("admin-api-key.txt")).trim();
    }

    /** Starts faceclock with its data in dataDir and the given database URL (null: H2 in dataDir). */
    public static RunningService start(Path dataDir, String dbUrl, String timezone, Map<String, String> extra)
            throws IOException {
        return start(dataDir, dbUrl, timezone, extra, Clock.systemUTC());
    }

    /** With the given clock (a {@link TestClock} to move time instead of sleeping). */
    public static RunningService start(Path dataDir, String dbUrl, String timezone, Map<String, String> extra,
                                       Clock clock) throws IOException {
        Map<String, String> s = new HashMap<>(extra);
        s.put(Settings.PORT, String.valueOf(freePort()));
        s.put(Settings.HOST, "127.0.0.1");
        s.put(Settings.DATA_DIR, dataDir.toString());
        if (dbUrl != null) {
            s.put(Settings.DB_URL, dbUrl);
        }
        s.put(Settings.TIMEZONE, timezone);
        return new RunningService(s, clock);
    }

    /** Stops and starts again on the same data and database. */
    public void restart() {
        app.close();
        app = FaceclockApp.start(Settings.of(settings), clock);
    }

    public FaceclockApp app() {
        return app;
    }

    public Path dataDir() {
        return Path.of(settings.get(Settings.DATA_DIR));
    }

    public String adminKey() {
        return adminKey;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + settings.get(Settings.PORT);
    }

    public Reply get(String path) {
        return send("GET", path, null, adminKey);
    }

    public Reply post(String path, Object body) {
        return send("POST", path, body, adminKey);
    }

    public Reply put(String path, Object body) {
        return send("PUT", path, body, adminKey);
    }

    public Reply patch(String path, Object body) {
        return send("PATCH", path, body, adminKey);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null, adminKey);
    }

    /** Sends a JSON body (a String is sent as it is); key may be null for none. */
    public Reply send(String method, String path, Object body, String key) {
        String text = body == null ? null : body instanceof String s ? s : Json.write(body);
        return raw(method, path, text, body == null ? null : "application/json", key);
    }

    public Reply raw(String method, String path, String body, String contentType, String key) {
        return bytes(method, path, body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                contentType, key);
    }

    /** Sends the body's bytes exactly as given (invalid UTF-8 included). */
    public Reply bytes(String method, String path, byte[] body, String contentType, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30));
        if (key != null) {
            b.header("X-API-Key", key);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r.headers().map());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        }
    }

    @Override
    public void close() {
        app.close();
    }

    /**
     * A free port below Linux's ephemeral range (32768 and up): a port the kernel handed out with
     * bind(0) can be handed out again to the next bind(0) (an H2 AUTO_SERVER, another process)
     * before the service binds it, and requests then reach that other server.
     */
    public static int freePort() throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 20_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(12_000);
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new java.net.InetSocketAddress(port));
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** An HTTP answer with its JSON parsed when it is JSON. */
    public record Reply(int status, String body, Map<String, java.util.List<String>> headers) {
        public JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (status " + status + "): " + body);
            }
        }

        public JsonNode data() {
            return json().get("data");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
