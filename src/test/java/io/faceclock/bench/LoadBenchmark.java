package io.faceclock.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.faceclock.app.FaceclockConfiguration;
import io.faceclock.config.Settings;
import io.faceclock.json.Json;
import io.faceclock.security.Scope;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * bench load: faceclock as its own process with the fake Odoo in another, 32 clients for 60 s
 * mixing GET /attendance/today, GET /persons?q=, a manual open then close, and /attendance/mark
 * with the labelled photos, while the outbox drains every second. Prints throughput, p50/p99 and
 * errors per operation, the server's RSS, how long the outbox took to empty afterwards, and
 * whether the fake Odoo holds every attendance exactly once.
 * Run with ./bench load [seconds] [clients].
 */
public final class LoadBenchmark {

    private static final int EMPLOYEES = 400;
    private static final int MANUAL_PEOPLE_PER_CLIENT = 8;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        Path shared = Path.of(System.getProperty("faceclock.shared", System.getenv().getOrDefault("FACECLOCK_SHARED",
                "../shared")));
        System.out.printf("faceclock bench load: %d clients for %d s, %d cores, load average %s%n", clients, seconds,
                Runtime.getRuntime().availableProcessors(), loadAverage());
        Path data = Files.createTempDirectory("faceclock-bench-load");
        String key;
        try (FaceclockConfiguration s = FaceclockConfiguration.of(Settings.of(Map.of(Settings.DATA_DIR, data.toString())))) {
            key = s.apiKeys().create("bench load", Scope.ADMIN).secret();
        }
        Process fake = new ProcessBuilder(java(), "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                FakeOdooProcess.class.getName(), String.valueOf(EMPLOYEES))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader fakeOut = new BufferedReader(new InputStreamReader(fake.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter fakeIn = new PrintWriter(fake.getOutputStream(), true, StandardCharsets.UTF_8);
        String[] urlDb = fakeOut.readLine().split(" ");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = data.resolve("bench-server.log");
        ProcessBuilder pb = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
                "io.faceclock.cli.FaceclockCommand", "serve", "--port", String.valueOf(port), "--data", data.toString(),
                "--timezone", "UTC", "--set", "faceclock.models.dir=" + shared.resolve("models").toAbsolutePath(),
                "--set", "faceclock.odoo.outbox-cron=* * * * * ?",
                "--set", "faceclock.attendance.cooldown-seconds=5")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("ORT_DISABLE_TELEMETRY", "1");
        Process server = pb.start();
        Setup setup = new Setup("http://127.0.0.1:" + port, key);
        try {
            setup.awaitHealthy(server, log);
            setup.post("/api/v1/sync/odoo/config", Map.of("url", urlDb[0], "db", urlDb[1], "username", "admin",
                    "password", "admin"), 200);
            setup.post("/api/v1/sync/odoo/pull", Map.of(), 200);
            List<String> badges = setup.badges();
            List<BenchClient.Photo> photos = setup.enrolPhotos(shared.resolve("faces"), badges);
            System.out.printf("setup: %d generated employees pulled, %d photos of %d enrolled people for marking%n",
                    badges.size(), photos.size(), photos.stream().map(BenchClient.Photo::badge).distinct().count());
            List<MixedLoad.Mix> mixes = new ArrayList<>();
            Instant start = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
            for (int c = 0; c < clients; c++) {
                List<String> manual = new ArrayList<>();
                for (int k = 0; k < MANUAL_PEOPLE_PER_CLIENT; k++) {
                    manual.add(badges.get(20 + (c * MANUAL_PEOPLE_PER_CLIENT + k) % (badges.size() - 20)));
                }
                mixes.add(new BenchClient(c, manual, photos, start, badges.size()));
            }
            MixedLoad load = new MixedLoad("http://127.0.0.1:" + port, key);
            List<MixedLoad.OpResult> results = load.run(mixes, Duration.ofSeconds(seconds));
            long rssKb = procStatus(server.pid(), "VmRSS");
            long peakKb = procStatus(server.pid(), "VmHWM");
            int calls = results.stream().mapToInt(MixedLoad.OpResult::calls).sum();
            System.out.printf("%d calls in %d s: %.1f calls/s, %d errors (load average %s)%n", calls, seconds,
                    calls / (double) seconds, load.totalErrors(), loadAverage());
            results.forEach(System.out::println);
            load.firstErrors().forEach(e -> System.out.println("  error: " + e));
            System.out.printf("server RSS %.0f MB at the end, peak %.0f MB%n", rssKb / 1024.0, peakKb / 1024.0);

            long t0 = System.nanoTime();
            JsonNode status = setup.awaitOutboxEmpty(Duration.ofMinutes(3));
            System.out.printf("outbox empty %.1f s after the load (depth %d)%n", (System.nanoTime() - t0) / 1e9,
                    status.get("outbox_depth").asInt());
            long attendances = 0;
            for (var e : iterable(status.get("attendance_sync_states").fields())) {
                attendances += e.getValue().asLong();
            }
            long synced = status.get("attendance_sync_states").path("synced").asLong();
            fakeIn.println("attendances");
            String[] inOdoo = fakeOut.readLine().split(" ");
            boolean once = synced == attendances && Long.parseLong(inOdoo[0]) == attendances
                    && Long.parseLong(inOdoo[1]) == attendances;
            System.out.printf("exactly once: %s (faceclock %d attendances, %d synced; Odoo %s records, %s distinct "
                    + "employee+check-in)%n", once ? "yes" : "NO", attendances, synced, inOdoo[0], inOdoo[1]);
            if (!once || load.totalErrors() > 0) {
                System.exit(1);
            }
        } finally {
            server.destroy();
            server.waitFor();
            fakeIn.println("quit");
            fake.waitFor();
        }
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
        return () -> it;
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static long procStatus(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return -1;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The calls that prepare the run, outside the measurement. */
    private record Setup(String base, String key) {
        private static final HttpClient HTTP = HttpClient.newHttpClient();

        JsonNode post(String path, Object body, int expected) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))), expected);
        }

        JsonNode get(String path) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base + path)), 200);
        }

        JsonNode send(HttpRequest.Builder b, int expected) throws Exception {
            HttpResponse<String> r = HTTP.send(b.header("X-API-Key", key).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                throw new IllegalStateException(r.statusCode() + " " + r.body());
            }
            return Json.MAPPER.readTree(r.body());
        }

        List<String> badges() throws Exception {
            List<String> out = new ArrayList<>();
            for (int offset = 0; ; offset += 500) {
                JsonNode page = get("/api/v1/persons?limit=500&offset=" + offset).get("data");
                page.forEach(p -> {
                    // the generated employees only (the fake's demo ones are not counted at the end)
                    if (!p.get("odoo_employee_id").isNull() && p.get("name").asText().startsWith("Employee ")) {
                        out.add(p.get("person_id").asText());
                    }
                });
                if (page.size() < 500) {
                    return out;
                }
            }
        }

        /** One person per label in labels.tsv: the first photo that enrols, then every photo with a usable face. */
        List<BenchClient.Photo> enrolPhotos(Path faces, List<String> badges) throws Exception {
            Map<String, List<Path>> byLabel = new LinkedHashMap<>();
            for (String line : Files.readAllLines(faces.resolve("labels.tsv"))) {
                String[] f = line.split("\t");
                if (f.length >= 3 && !line.startsWith("#")) {
                    byLabel.computeIfAbsent(f[2], k -> new ArrayList<>()).add(faces.resolve(f[0]));
                }
            }
            List<BenchClient.Photo> photos = new ArrayList<>();
            int next = 0;
            for (List<Path> files : byLabel.values()) {
                String badge = badges.get(next);
                boolean enrolled = false;
                for (Path file : files) {
                    BenchClient.Photo photo = new BenchClient.Photo(badge, Files.readAllBytes(file), type(file));
                    if (!enrolled) {
                        enrolled = HTTP.send(image(photo, "/api/v1/persons/" + badge + "/faces?force=true"),
                                HttpResponse.BodyHandlers.ofString()).statusCode() == 201;
                    }
                    if (enrolled && HTTP.send(image(photo, "/api/v1/recognize"), HttpResponse.BodyHandlers.ofString())
                            .statusCode() == 200) {
                        photos.add(photo);
                    }
                }
                if (enrolled) {
                    next++;
                }
            }
            return photos;
        }

        private HttpRequest image(BenchClient.Photo photo, String path) {
            return HttpRequest.newBuilder(URI.create(base + path)).header("X-API-Key", key)
                    .header("Content-Type", photo.type()).POST(HttpRequest.BodyPublishers.ofByteArray(photo.bytes()))
                    .build();
        }

        void awaitHealthy(Process server, Path log) throws Exception {
            Instant end = Instant.now().plusSeconds(120);
            while (Instant.now().isBefore(end)) {
                if (!server.isAlive()) {
                    throw new IllegalStateException("faceclock exited: " + Files.readString(log));
                }
                try {
                    if (HTTP.send(HttpRequest.newBuilder(URI.create(base + "/observe/health")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (java.io.IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("not healthy within 120 s; see " + log);
        }

        JsonNode awaitOutboxEmpty(Duration max) throws Exception {
            Instant end = Instant.now().plus(max);
            JsonNode odoo = get("/api/v1/sync/status").get("data").get("odoo");
            while (odoo.get("outbox_depth").asInt() > 0 && Instant.now().isBefore(end)) {
                Thread.sleep(250);
                odoo = get("/api/v1/sync/status").get("data").get("odoo");
            }
            return odoo;
        }

        private static String type(Path file) {
            String name = file.getFileName().toString().toLowerCase();
            return name.endsWith(".png") ? "image/png" : name.endsWith(".webp") ? "image/webp" : "image/jpeg";
        }
    }

    static int random(int bound) {
        return ThreadLocalRandom.current().nextInt(bound);
    }
}
