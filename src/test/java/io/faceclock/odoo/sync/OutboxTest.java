package io.faceclock.odoo.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faceclock.fakeodoo.FakeOdoo;
import io.faceclock.fakeodoo.OdooVersion;
import io.faceclock.support.RunningService;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The automatic path: every change queued with it, drained every second here, nothing lost or doubled. */
class OutboxTest {

    @Test
    void punches_made_while_odoo_is_down_reach_it_once_after_a_restart() throws Exception {
        int port = FakeOdoo.unusedPort();
        FakeOdoo odoo = FakeOdoo.startOnPort(OdooVersion.V18, port);
        int emp = odoo.addEmployee(Map.of("name", "Olga Outbox", "barcode", "OUT1"));
        try (RunningService service = RunningService.start(Files.createTempDirectory("faceclock-outbox"), null, "UTC",
                Map.of("faceclock.odoo.outbox-cron", "* * * * * ?"))) {
            service.post("/api/v1/sync/odoo/config", Map.of("url", odoo.url(), "db", odoo.db(),
                    "username", "admin", "password", "admin"));
            assertEquals(200, service.post("/api/v1/sync/odoo/pull", Map.of()).status());

            service.post("/api/v1/attendance", Map.of("person_id", "OUT1", "check_in", "2025-09-01T08:00:00Z",
                    "check_out", "2025-09-01T12:00:00Z"));
            await(service, s -> s.get("outbox_depth").asInt() == 0, "the first punch is sent within seconds");
            assertEquals(1, attendances(odoo, emp).size());

            odoo.goDown();
            long open = service.post("/api/v1/attendance", Map.of("person_id", "OUT1",
                    "check_in", "2025-09-01T13:00:00Z")).data().get("id").asLong();
            service.patch("/api/v1/attendance/" + open, Map.of("check_out", "2025-09-01T17:00:00Z"));
            JsonNode waiting = await(service, s -> s.get("outbox_depth").asInt() == 1 && !s.get("last_error").isNull(),
                    "a change made while Odoo is down waits in the outbox");
            assertTrue(waiting.get("oldest_unsent_seconds").asLong() >= 0);
            assertEquals("error", waiting.get("last_sync_status").asText());

            service.restart();
            assertEquals(1, service.get("/api/v1/sync/status").data().get("odoo").get("outbox_depth").asInt(),
                    "the outbox survives a restart");
            odoo = FakeOdoo.startOnPort(OdooVersion.V18, port);
            emp = odoo.addEmployee(Map.of("name", "Olga Outbox", "barcode", "OUT1"));
            // the new Odoo is empty: faceclock links by barcode again and sends the waiting punch once
            try (var c = service.app().beans().database().connection(); var st = c.createStatement()) {
                st.executeUpdate("UPDATE person SET odoo_employee_id = NULL WHERE person_id = 'OUT1'");
                // skip the back-off wait rather than sleep through it
                st.executeUpdate("UPDATE odoo_outbox SET next_attempt_at = CURRENT_TIMESTAMP");
            }
            await(service, s -> s.get("outbox_depth").asInt() == 0, "sent once Odoo is back");
            List<Map<String, Object>> sent = attendances(odoo, emp);
            assertEquals(1, sent.size(), sent.toString());
            assertEquals("2025-09-01 17:00:00", sent.get(0).get("check_out"));
            for (int i = 0; i < 2; i++) {
                service.app().beans().odooSync().drainOutbox();
            }
            assertEquals(1, attendances(odoo, emp).size(), "later drains send nothing twice");
        } finally {
            odoo.close();
        }
    }

    @Test
    void back_off_grows_while_odoo_stays_down() {
        assertEquals(Duration.ofSeconds(30), OdooSyncService.backoff(0));
        assertEquals(Duration.ofSeconds(120), OdooSyncService.backoff(2));
        assertEquals(Duration.ofHours(1), OdooSyncService.backoff(20));
    }

    private static JsonNode await(RunningService service, Predicate<JsonNode> condition, String what)
            throws InterruptedException {
        Instant end = Instant.now().plusSeconds(20);
        JsonNode odoo = null;
        while (Instant.now().isBefore(end)) {
            odoo = service.get("/api/v1/sync/status").data().get("odoo");
            if (condition.test(odoo)) {
                return odoo;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(what + "; status: " + odoo);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> attendances(FakeOdoo odoo, int employeeId) {
        return (List<Map<String, Object>>) odoo.execute(FakeOdoo.ADMIN_UID, "hr.attendance", "search_read",
                List.of(List.of(List.of("employee_id", "=", employeeId))),
                Map.of("fields", List.of("id", "check_in", "check_out")));
    }
}
