package io.faceclock.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.faceclock.app.FaceclockConfiguration;
import io.faceclock.config.Settings;
import io.faceclock.json.Json;
import io.faceclock.security.Scope;
import io.faceclock.support.PrivatePostgres;
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
import java.util.Base64;
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
 * Run with ./bench load [seconds] [clients]; ./bench cluster [seconds] [clients] does the same on a private
 * PostgreSQL with one node, then with two nodes (clients spread over both), for comparison.
 */
public final class LoadBenchmark {

    private static final int EMPLOYEES = 400;
    private static final int MANUAL_PEOPLE_PER_CLIENT = 8;

    public static void main(String[] args) throws Exception {
        boolean cluster = args.length > 0 && args[0].equals("cluster");
        int first = cluster ? 1 : 0;
        int seconds = args.length > first ? Integer.parseInt(args[first]) : 60;
        int clients = args.length > first + 1 ? Integer.parseInt(args[first + 1]) : 32;
        Path shared = Path.of(System.getProperty("faceclock.shared", System.getenv().getOrDefault("FACECLOCK_SHARED",
                "../shared")));
        System.out.printf("faceclock bench %s: %d clients for %d s, %d cores, load average %s%n",
                cluster ? "cluster" : "load", clients, seconds, Runtime.getRuntime().availableProcessors(),
                loadAverage());
        Process fake = new ProcessBuilder(java(), "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                FakeOdooProcess.class.getName(), String.valueOf(EMPLOYEES))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader fakeOut = new BufferedReader(new InputStreamReader(fake.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter fakeIn = new PrintWriter(fake.getOutputStream(), true, StandardCharsets.UTF_8);
        String[] urlDb = fakeOut.readLine().split(" ");
        PrivatePostgres pg = null;
        List<Process> servers = new ArrayList<>();
        try {
            String dbUrl = null;
            if (cluster) {
                pg = PrivatePostgres.start(PrivatePostgres.binaries().orElseThrow(() -> new IllegalStateException(
                        "bench cluster needs PostgreSQL's server under /usr/lib/postgresql/*/bin")));
                dbUrl = pg.jdbcUrl();
            }
            Path dataA = Files.createTempDirectory("faceclock-bench-load");
            String key = adminKey(dataA, dbUrl);
            Map<String, String> env = Map.of("FACECLOCK_SECRET_KEY", Base64.getEncoder().encodeToString(
                    java.security.SecureRandom.getSeed(32)));
            int portA = freePort();
            servers.add(startServer(dataA, portA, shared, dbUrl, "node-a", env));
            Setup setup = new Setup("http://127.0.0.1:" + portA, key);
            setup.awaitHealthy(servers.get(0), dataA.resolve("bench-server.log"));
            setup.post("/api/v1/sync/odoo/config", Map.of("url", urlDb[0], "db", urlDb[1], "username", "admin",
                    "password", "admin"), 200);
            setup.post("/api/v1/sync/odoo/pull", Map.of(), 200);
            List<String> badges = setup.badges();
            List<BenchClient.Photo> photos = setup.enrolPhotos(shared.resolve("faces"), badges);
            System.out.printf("setup: %d generated employees pulled, %d photos of %d enrolled people for marking%n",
                    badges.size(), photos.size(), photos.stream().map(BenchClient.Photo::badge).distinct().count());
            Instant start = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
            long errors = measure(cluster ? "one node on PostgreSQL" : "one node on H2",
                    List.of(setup.base()), key, clients(0, clients, badges, photos, start), seconds, servers);
            if (cluster) {
                Path dataB = Files.createTempDirectory("faceclock-bench-load-b");
                int portB = freePort();
                // started after the enrolment: a node loads the face gallery at start
                servers.add(startServer(dataB, portB, shared, dbUrl, "node-b", env));
                Setup nodeB = new Setup("http://127.0.0.1:" + portB, key);
                nodeB.awaitHealthy(servers.get(1), dataB.resolve("bench-server.log"));
                // as warm as node A, which the enrolment ran every photo through: a cold JVM's first marks
                // (JIT, onnxruntime's first runs) under 16 clients took seconds and made its p99
                nodeB.recognizeEach(photos);
                // later timelines for the manual attendances: the first run's stay behind
                Instant later = start.plus(Duration.ofHours(1));
                errors += measure("two nodes on PostgreSQL", List.of(setup.base(), "http://127.0.0.1:" + portB), key,
                        clients(0, clients, badges, photos, later), seconds, servers);
            }
            boolean once = exactlyOnce(setup, fakeIn, fakeOut);
            if (!once || errors > 0) {
                System.exit(1);
            }
        } finally {
            for (Process server : servers) {
                server.destroy();
                server.waitFor();
            }
            fakeIn.println("quit");
            fake.waitFor();
            if (pg != null) {
                pg.close();
            }
        }
    }

    /** Runs the clients spread over the nodes (client i on node i mod n); prints per node and together. */
    private static long measure(String title, List<String> nodes, String key, List<MixedLoad.Mix> clients,
                                int seconds, List<Process> servers) throws Exception {
        List<MixedLoad> loads = new ArrayList<>();
        List<java.util.concurrent.CompletableFuture<List<MixedLoad.OpResult>>> runs = new ArrayList<>();
        for (int n = 0; n < nodes.size(); n++) {
            MixedLoad load = new MixedLoad(nodes.get(n), key);
            List<MixedLoad.Mix> mine = new ArrayList<>();
            for (int c = n; c < clients.size(); c += nodes.size()) {
                mine.add(clients.get(c));
            }
            loads.add(load);
            runs.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return load.run(mine, Duration.ofSeconds(seconds));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        System.out.printf("%s, %d clients for %d s:%n", title, clients.size(), seconds);
        long errors = 0;
        int total = 0;
        for (int n = 0; n < nodes.size(); n++) {
            List<MixedLoad.OpResult> results = runs.get(n).get();
            int calls = results.stream().mapToInt(MixedLoad.OpResult::calls).sum();
            total += calls;
            errors += loads.get(n).totalErrors();
            Process server = servers.get(n);
            System.out.printf(" node %d: %d calls, %.1f calls/s, %d errors, RSS %.0f MB (peak %.0f MB)%n", n + 1,
                    calls, calls / (double) seconds, loads.get(n).totalErrors(),
                    procStatus(server.pid(), "VmRSS") / 1024.0, procStatus(server.pid(), "VmHWM") / 1024.0);
            System.out.println("  java heap: " + heapInfo(server.pid()));
            results.forEach(System.out::println);
            loads.get(n).firstErrors().forEach(e -> System.out.println("  error: " + e));
        }
        if (nodes.size() > 1) {
            System.out.printf(" together: %.1f calls/s, %d errors%n", total / (double) seconds, errors);
        }
        System.out.printf(" (load average %s)%n", loadAverage());
        return errors;
    }

    /** The first line of jcmd GC.heap_info: how much of the RSS is Java heap, committed and used. */
    private static String heapInfo(long pid) {
        try {
            Process p = new ProcessBuilder("jcmd", String.valueOf(pid), "GC.heap_info").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out.lines().filter(l -> l.contains("heap") && l.contains("total")).findFirst().orElse("?").trim();
        } catch (Exception e) {
            return "no jcmd: " + e.getMessage();
        }
    }

    private static boolean exactlyOnce(Setup setup, PrintWriter fakeIn, BufferedReader fakeOut) throws Exception {
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
        if (!once) {
            System.out.println(" sync states: " + status.get("attendance_sync_states"));
        }
        return once;
    }

    private static List<MixedLoad.Mix> clients(int first, int count, List<String> badges,
                                               List<BenchClient.Photo> photos, Instant start) {
        List<MixedLoad.Mix> mixes = new ArrayList<>();
        for (int c = first; c < first + count; c++) {
            List<String> manual = new ArrayList<>();
            for (int k = 0; k < MANUAL_PEOPLE_PER_CLIENT; k++) {
                manual.add(badges.get(20 + (c * MANUAL_PEOPLE_PER_CLIENT + k) % (badges.size() - 20)));
            }
            mixes.add(new BenchClient(c, manual, photos, start, badges.size()));
        }
        return mixes;
    }

    private static String adminKey(Path data, String dbUrl) {
        Map<String, String> s = new java.util.HashMap<>(Map.of(Settings.DATA_DIR, data.toString()));
        if (dbUrl != null) {
            s.put(Settings.DB_URL, dbUrl);
        }
        try (FaceclockConfiguration services = FaceclockConfiguration.of(Settings.of(s))) {
            return services.apiKeys().create("bench load", Scope.ADMIN).secret();
        }
    }

    private static Process startServer(Path data, int port, Path shared, String dbUrl, String nodeId,
                                       Map<String, String> env) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java()));
        // e.g. FACECLOCK_BENCH_SERVER_JAVA_OPTS=-Xmx512m: the same load under a smaller heap
        String serverOptions = System.getenv().getOrDefault("FACECLOCK_BENCH_SERVER_JAVA_OPTS", "").trim();
        if (!serverOptions.isEmpty()) {
            cmd.addAll(List.of(serverOptions.split("\\s+")));
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.faceclock.cli.FaceclockCommand",
                "serve", "--port", String.valueOf(port), "--data", data.toString(),
                "--timezone", "UTC", "--set", "faceclock.models.dir=" + shared.resolve("models").toAbsolutePath(),
                "--set", "faceclock.odoo.outbox-cron=* * * * * ?", "--set", "faceclock.attendance.cooldown-seconds=5",
                "--set", "faceclock.node.id=" + nodeId));
        if (dbUrl != null) {
            cmd.addAll(List.of("--db-url", dbUrl));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(data.resolve("bench-server.log").toFile());
        pb.environment().put("ORT_DISABLE_TELEMETRY", "1");
        pb.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");   // as ./faceclock and the image run it
        pb.environment().putAll(env);
        return pb.start();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
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

        /** Runs every photo through this node's face pipeline once (unmeasured). */
        void recognizeEach(List<BenchClient.Photo> photos) throws Exception {
            for (BenchClient.Photo photo : photos) {
                HTTP.send(image(photo, "/api/v1/recognize"), HttpResponse.BodyHandlers.discarding());
            }
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
