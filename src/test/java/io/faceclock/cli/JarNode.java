package io.faceclock.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.faceclock.json.Json;
import io.faceclock.support.RunningService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One cluster node as a user starts it: the packaged jar in its own JVM, with its own port, data
 * folder and log, on the shared PostgreSQL; and an HTTP client to drive it with an API key.
 */
final class JarNode implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String id;
    private final int port;
    private final Path data;
    private final Path log;
    private final Process process;

    private JarNode(String id, int port, Path data, Path log, Process process) {
        this.id = id;
        this.port = port;
        this.data = data;
        this.log = log;
        this.process = process;
    }

    /** Starts node id on database db with its folders under work and the given settings (name=value). */
    static JarNode start(Path work, String id, String db, String... settings) throws IOException {
        List<String> args = new ArrayList<>(List.of("--db-url", db, "--timezone", "UTC", "--set",
                "faceclock.node.id=" + id));
        for (String s : settings) {
            args.add("--set");
            args.add(s);
        }
        return startOn(id, RunningService.freePort(), work.resolve(id), work.resolve(id + ".log"),
                args.toArray(String[]::new));
    }

    /**
     * Starts the jar serving on port with the data folder data (a later process may take over both), its
     * output in log, and the other command-line arguments as given.
     */
    static JarNode startOn(String id, int port, Path data, Path log, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("--port", String.valueOf(port), "--data", data.toString()));
        all.addAll(List.of(args));
        return new JarNode(id, port, data, log, PackagedJar.start(log, all.toArray(String[]::new)));
    }

    String id() {
        return id;
    }

    Path data() {
        return data;
    }

    int port() {
        return port;
    }

    /** The admin API key the first start wrote to the data folder. */
    String adminKey() {
        try {
            return Files.readString(data.resolve("admin-api-key.txt")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until /observe/health answers 200; fails with the node's log if it exits or takes too long. */
    JarNode awaitHealthy() throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new AssertionError(id + " exited: " + Files.readString(log));
            }
            try {
                if (send(HttpRequest.newBuilder(uri("/observe/health"))).statusCode() == 200) {
                    return this;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError(id + " not healthy within 120 s: " + Files.readString(log));
    }

    /** kill -9: no shutdown hook, no claim or lease released. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** What the node printed so far. */
    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** The data of GET path's answer, which must be 200. */
    JsonNode get(String key, String path) {
        return ok(send(request(key, path).GET()), "GET " + path).get("data");
    }

    HttpResponse<String> post(String key, String path, Object body) {
        return send(request(key, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))));
    }

    HttpResponse<String> patch(String key, String path, Object body) {
        return send(request(key, path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(Json.write(body))));
    }

    HttpResponse<String> bytes(String key, String path, byte[] body, String type) {
        return send(request(key, path).header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    HttpResponse<String> delete(String key, String path) {
        return send(request(key, path).DELETE());
    }

    /** The odoo block of GET /sync/status. */
    JsonNode syncStatus(String key) {
        return get(key, "/api/v1/sync/status").get("odoo");
    }

    static JsonNode ok(HttpResponse<String> r, String what) {
        if (r.statusCode() != 200) {
            throw new AssertionError(what + " answered " + r.statusCode() + ": " + r.body());
        }
        try {
            return Json.MAPPER.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest.Builder request(String key, String path) {
        return HttpRequest.newBuilder(uri(path)).header("X-API-Key", key).timeout(Duration.ofSeconds(60));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    @Override
    public String toString() {
        return id + " on port " + port;
    }
}
