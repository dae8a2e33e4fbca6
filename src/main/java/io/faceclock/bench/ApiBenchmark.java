package io.faceclock.bench;

import io.faceclock.app.FaceclockConfiguration;
import io.faceclock.config.Settings;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Seeds people and attendance straight into a database, starts faceclock as its own process,
 * times start to healthy, then loads the two busiest read endpoints over HTTP.
 */
public final class ApiBenchmark {

    private static final String[] NAMES = {"Ann", "Bob", "Chen", "Dana", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jun"};

    private final int people;
    private final int attendances;
    private final int connections;
    private final Duration warmup;
    private final Duration measure;
    private final List<String> serverJavaOptions;

    public ApiBenchmark(int people, int attendances, int connections, Duration warmup, Duration measure,
                        List<String> serverJavaOptions) {
        this.people = people;
        this.attendances = attendances;
        this.connections = connections;
        this.warmup = warmup;
        this.measure = measure;
        this.serverJavaOptions = List.copyOf(serverJavaOptions);
    }

    public List<String> run(Path dataDir, String dbUrl) throws Exception {
        List<String> report = new ArrayList<>();
        Files.createDirectories(dataDir);
        Map<String, String> base = dbUrl == null ? Map.of(Settings.DATA_DIR, dataDir.toString())
                : Map.of(Settings.DATA_DIR, dataDir.toString(), Settings.DB_URL, dbUrl);
        long seedStart = System.nanoTime();
        String key;
        try (FaceclockConfiguration s = FaceclockConfiguration.of(Settings.of(base))) {
            seed(s);
            key = s.apiKeys().create("benchmark", io.faceclock.security.Scope.READ).secret();
        }
        report.add(String.format("seeded %d people and %d attendances in %.1f s", people, attendances,
                (System.nanoTime() - seedStart) / 1e9));

        int port = freePort();
        Path log = dataDir.resolve("bench-server.log");
        List<String> cmd = new ArrayList<>(List.of(javaBin()));
        cmd.addAll(serverJavaOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "io.faceclock.cli.FaceclockCommand", "serve", "--port", String.valueOf(port), "--data",
                dataDir.toString()));
        if (dbUrl != null) {
            cmd.addAll(List.of("--db-url", dbUrl));
        }
        long t0 = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("ORT_DISABLE_TELEMETRY", "1");   // onnxruntime telemetry can crash the JVM at start
        Process server = pb.start();
        try {
            double healthyMs = waitHealthy(port, server, log, t0);
            report.add(String.format("start to healthy: %.0f ms (JVM launch included)", healthyMs));
            HttpLoad load = new HttpLoad("127.0.0.1", port, key, server.toHandle());
            report.add(load.run("GET /attendance/today", () -> "/api/v1/attendance/today", connections, warmup,
                    measure).toString());
            report.add(load.run("GET /persons?q=", () -> "/api/v1/persons?q="
                    + NAMES[ThreadLocalRandom.current().nextInt(NAMES.length)].toLowerCase()
                    + ThreadLocalRandom.current().nextInt(10), connections, warmup, measure).toString());
        } finally {
            server.destroy();
            server.waitFor();
        }
        return report;
    }

    private void seed(FaceclockConfiguration s) throws Exception {
        ZoneId zone = s.siteClock().zone();
        LocalDate today = s.siteClock().today();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        int perPerson = Math.max(1, attendances / people);
        try (Connection c = s.database().connection()) {
            c.setAutoCommit(false);
            long firstId;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO person (person_id, name, email, department, "
                    + "metadata, active, created_at, updated_at) VALUES (?,?,?,?,'{}',TRUE,?,?)")) {
                for (int i = 0; i < people; i++) {
                    String name = NAMES[i % NAMES.length] + i + " " + NAMES[(i / 10) % NAMES.length] + "son";
                    ps.setString(1, String.format("BENCH%05d", i));
                    ps.setString(2, name);
                    ps.setString(3, "p" + i + "@example.com");
                    ps.setString(4, "Dept " + (i % 20));
                    ps.setTimestamp(5, Timestamp.from(now));
                    ps.setTimestamp(6, Timestamp.from(now));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT MIN(id) FROM person "
                    + "WHERE person_id LIKE 'BENCH%'")) {
                rs.next();
                firstId = rs.getLong(1);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO attendance (person_ref, check_in, check_out, "
                    + "source, closed_automatically, created_at, updated_at) VALUES (?,?,?,'bench',FALSE,?,?)")) {
                int rows = 0;
                for (int p = 0; p < people && rows < attendances; p++) {
                    for (int d = 0; d < perPerson && rows < attendances; d++, rows++) {
                        // day 0 is today (still open), the others go back one day each
                        Instant in = today.minusDays(d).atTime(8, 0).atZone(zone).toInstant()
                                .plusSeconds(p % 3600);
                        Instant out = d == 0 ? null : in.plus(Duration.ofHours(8));
                        if (in.isAfter(now)) {
                            in = now.minusSeconds(60 + p % 3600);
                        }
                        ps.setLong(1, firstId + p);
                        ps.setObject(2, in.atOffset(java.time.ZoneOffset.UTC));
                        ps.setObject(3, out == null ? null : out.atOffset(java.time.ZoneOffset.UTC),
                                java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                        ps.setTimestamp(4, Timestamp.from(now));
                        ps.setTimestamp(5, Timestamp.from(now));
                        ps.addBatch();
                        if (rows % 5000 == 0) {
                            ps.executeBatch();
                        }
                    }
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }

    private static double waitHealthy(int port, Process server, Path log, long t0) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        while (System.nanoTime() - t0 < Duration.ofSeconds(120).toNanos()) {
            if (!server.isAlive()) {
                throw new IllegalStateException("faceclock exited during start: " + Files.readString(log));
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/observe/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return (System.nanoTime() - t0) / 1e6;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("faceclock was not healthy within 120 s; see " + log);
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
