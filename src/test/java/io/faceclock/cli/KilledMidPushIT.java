package io.faceclock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faceclock.fakeodoo.FakeOdoo;
import io.faceclock.fakeodoo.OdooVersion;
import io.faceclock.json.Json;
import io.faceclock.support.OdooRelay;
import io.faceclock.support.RunningService;
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

    private static final int PEOPLE = 50;
    private static final int DAYS = 20;

    @Test
    void a_push_killed_after_odoo_committed_is_completed_after_a_restart_with_every_record_once() throws Exception {
        Path work = Files.createTempDirectory("faceclock-kill");
        Path data = work.resolve("data");
        int port = RunningService.freePort();
        try (FakeOdoo odoo = FakeOdoo.start(OdooVersion.V18); OdooRelay relay = OdooRelay.start(odoo.url())) {
            Set<Integer> employees = new HashSet<>();
            for (int p = 1; p <= PEOPLE; p++) {
                employees.add(odoo.addEmployee(Map.of("name", "Kim Kill " + p, "barcode", String.format("KILL%03d", p))));
            }
            JarNode first = JarNode.startOn("first", port, data, work.resolve("first.log"), "--timezone", "UTC",
                    "--set", "faceclock.odoo.outbox-cron=0 0 0 1 1 ? 2099");
            String key;
            try {
                first.awaitHealthy();
                key = first.adminKey();
                assertEquals(200, first.post(key, "/api/v1/sync/odoo/config", Map.of("url", relay.url(), "db",
                        odoo.db(), "username", "admin", "password", "admin")).statusCode());
                assertEquals(200, first.post(key, "/api/v1/sync/odoo/pull", Map.of()).statusCode());
                Instant day = Instant.parse("2025-03-01T08:00:00Z");
                for (int d = 0; d < DAYS; d++) {
                    for (int p = 1; p <= PEOPLE; p++) {
                        Instant in = day.plus(Duration.ofDays(d));
                        HttpResponse<String> r = first.post(key, "/api/v1/attendance", Map.of("person_id",
                                String.format("KILL%03d", p), "check_in", in.toString(),
                                "check_out", in.plus(Duration.ofHours(8)).toString()));
                        assertEquals(201, r.statusCode(), r.body());
                    }
                }
                OdooRelay.Hold held = relay.holdAnswerTo(OdooRelay.call("hr.attendance", "create"));
                CompletableFuture.runAsync(() -> first.post(key, "/api/v1/sync/odoo/push",
                        Map.of("start_date", "2025-03-01", "end_date", "2025-03-31")));
                assertTrue(held.awaitCommitted(Duration.ofSeconds(60)), "the push reached Odoo's create");
                assertEquals(PEOPLE * DAYS, attendances(odoo, employees).size(), "Odoo committed the whole batch");
            } finally {
                first.kill();   // SIGKILL: no shutdown hook, no lease released, no outbox row touched
            }

            Instant restart = Instant.now();
            try (JarNode second = JarNode.startOn("second", port, data, work.resolve("second.log"), "--timezone",
                    "UTC", "--set", "faceclock.odoo.outbox-cron=*/2 * * * * ?")) {
                second.awaitHealthy();
                JsonNode status = null;
                while (Duration.between(restart, Instant.now()).compareTo(Duration.ofMinutes(2)) < 0) {
                    status = second.syncStatus(key);
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
                JsonNode again = Json.MAPPER.readTree(second.post(key, "/api/v1/sync/odoo/push",
                        Map.of("start_date", "2025-03-01", "end_date", "2025-03-31")).body());
                assertEquals(0, again.get("pushed").asInt(), again.toString());
                assertEquals(PEOPLE * DAYS, again.get("unchanged").asInt(), again.toString());
                System.out.println("killed mid-push: outbox drained " + Duration.between(restart, Instant.now())
                        .toMillis() + " ms after the restart");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> attendances(FakeOdoo odoo, Set<Integer> employees) {
        return (List<Map<String, Object>>) odoo.execute(FakeOdoo.ADMIN_UID, "hr.attendance", "search_read",
                List.of(List.of(List.of("employee_id", "in", List.copyOf(employees)))),
                Map.of("fields", List.of("employee_id", "check_in", "check_out")));
    }
}
