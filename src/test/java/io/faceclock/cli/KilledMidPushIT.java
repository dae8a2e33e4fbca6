package io.faceclock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faceclock.fakeodoo.FakeOdoo;
import io.faceclock.fakeodoo.OdooVersion;
import io.faceclock.json.Json;
import io.faceclock.support.OdooRelay;
import io.faceclock.support.RunningService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar killed with SIGKILL right after Odoo committed a 1,000-record create whose
 * answer never reached it: after a restart the outbox sends everything within 2 minutes, and Odoo
 * holds every attendance exactly once (the lost create is adopted, not repeated).
 */
class KilledMidPushIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int PEOPLE = 50;
    private static final int DAYS = 20;

    @Test
    void a_push_killed_after_odoo_committed_is_completed_after_a_restart_with_every_record_once() throws Exception {
        Path work = Files.createTempDirectory("faceclock-kill");
        String data = work.resolve("data").toString();
        int port = RunningService.freePort();
        try (FakeOdoo odoo = FakeOdoo.start(OdooVersion.V18); OdooRelay relay = OdooRelay.start(odoo.url())) {
            Set<Integer> employees = new HashSet<>();
            for (int p = 1; p <= PEOPLE; p++) {
                employees.add(odoo.addEmployee(Map.of("name", "Kim Kill " + p, "barcode", String.format("KILL%03d", p))));
            }
            Process first = PackagedJar.start(work.resolve("first.log"), "--port", String.valueOf(port), "--data", data,
                    "--timezone", "UTC", "--set", "faceclock.odoo.outbox-cron=0 0 0 1 1 ? 2099");
            String key;
            try {
                waitHealthy(port, first, work.resolve("first.log"));
                key = Files.readString(Path.of(data, "admin-api-key.txt")).trim();
                assertEquals(200, post(port, key, "/api/v1/sync/odoo/config", Map.of("url", relay.url(), "db",
                        odoo.db(), "username", "admin", "password", "admin")).statusCode());
                assertEquals(200, post(port, key, "/api/v1/sync/odoo/pull", Map.of()).statusCode());
                Instant day = Instant.parse("2025-03-01T08:00:00Z");
                for (int d = 0; d < DAYS; d++) {
                    for (int p = 1; p <= PEOPLE; p++) {
                        Instant in = day.plus(Duration.ofDays(d));
                        HttpResponse<String> r = post(port, key, "/api/v1/attendance", Map.of("person_id",
                                String.format("KILL%03d", p), "check_in", in.toString(),
                                "check_out", in.plus(Duration.ofHours(8)).toString()));
                        assertEquals(201, r.statusCode(), r.body());
                    }
                }
                OdooRelay.Hold held = relay.holdAnswerTo(OdooRelay.call("hr.attendance", "create"));
                CompletableFuture.runAsync(() -> post(port, key, "/api/v1/sync/odoo/push",
                        Map.of("start_date", "2025-03-01", "end_date", "2025-03-31")));
                assertTrue(held.awaitCommitted(Duration.ofSeconds(60)), "the push reached Odoo's create");
                assertEquals(PEOPLE * DAYS, attendances(odoo, employees).size(), "Odoo committed the whole batch");
            } finally {
                first.destroyForcibly();   // SIGKILL: no shutdown hook, no lease released, no outbox row touched
                first.waitFor();
            }

            Instant restart = Instant.now();
            Process second = PackagedJar.start(work.resolve("second.log"), "--port", String.valueOf(port), "--data",
                    data, "--timezone", "UTC", "--set", "faceclock.odoo.outbox-cron=*/2 * * * * ?");
            try {
                waitHealthy(port, second, work.resolve("second.log"));
                JsonNode status = null;
                while (Duration.between(restart, Instant.now()).compareTo(Duration.ofMinutes(2)) < 0) {
                    status = Json.MAPPER.readTree(get(port, key, "/api/v1/sync/status").body()).get("data").get("odoo");
                    if (status.get("outbox_depth").asInt() == 0) {
                        break;
                    }
                    Thread.sleep(500);
                }
                assertEquals(0, status.get("outbox_depth").asInt(), "the outbox drained within 2 minutes: " + status);
                assertEquals(PEOPLE * DAYS, status.get("attendance_sync_states").get("synced").asInt(),
                        status.toString());
                List<Map<String, Object>> inOdoo = attendances(odoo, employees);
                assertEquals(PEOPLE * DAYS, inOdoo.size(), "nothing created twice");
                Set<String> distinct = new HashSet<>();
                for (Map<String, Object> a : inOdoo) {
                    assertTrue(employees.contains(((List<?>) a.get("employee_id")).get(0)));
                    distinct.add(a.get("employee_id") + "@" + a.get("check_in"));
                }
                assertEquals(PEOPLE * DAYS, distinct.size(), "every attendance once");
                JsonNode again = Json.MAPPER.readTree(post(port, key, "/api/v1/sync/odoo/push",
                        Map.of("start_date", "2025-03-01", "end_date", "2025-03-31")).body());
                assertEquals(0, again.get("pushed").asInt(), again.toString());
                assertEquals(PEOPLE * DAYS, again.get("unchanged").asInt(), again.toString());
                System.out.println("killed mid-push: outbox drained " + Duration.between(restart, Instant.now())
                        .toMillis() + " ms after the restart");
            } finally {
                second.destroy();
                second.waitFor();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> attendances(FakeOdoo odoo, Set<Integer> employees) {
        return (List<Map<String, Object>>) odoo.execute(FakeOdoo.ADMIN_UID, "hr.attendance", "search_read",
                List.of(List.of(List.of("employee_id", "in", List.copyOf(employees)))),
                Map.of("fields", List.of("employee_id", "check_in", "check_out")));
    }

    private static void waitHealthy(int port, Process p, Path log) throws Exception {
        Instant end = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(end)) {
            if (!p.isAlive()) {
                throw new AssertionError("faceclock exited: " + Files.readString(log));
            }
            try {
                if (get(port, null, "/observe/health").statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not healthy within 90 s: " + Files.readString(log));
    }

    private static HttpResponse<String> get(int port, String key, String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (key != null) {
            b.header("X-API-Key", key);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(int port, String key, String path, Object body) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("X-API-Key", key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("POST " + path + ": " + e, e);
        }
    }
}
