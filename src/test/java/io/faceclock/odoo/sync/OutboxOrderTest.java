package io.faceclock.odoo.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faceclock.fakeodoo.FakeOdoo;
import io.faceclock.fakeodoo.OdooVersion;
import io.faceclock.store.SyncStore;
import io.faceclock.support.RunningService;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Odoo refuses a check-in while the employee's previous attendance is open there, so the outbox sends
 * each person's records in order: a check-out before the next check-in, also when another node holds
 * the earlier record.
 */
class OutboxOrderTest {

    private static final String NEVER = "0 0 0 1 1 ? 2099";

    @Test
    void a_check_out_reaches_odoo_before_the_next_check_in_even_while_another_node_holds_it() throws Exception {
        try (FakeOdoo odoo = FakeOdoo.start(OdooVersion.V18);
             RunningService service = RunningService.start(Files.createTempDirectory("faceclock-order"), null, "UTC",
                     Map.of("faceclock.odoo.outbox-cron", NEVER, "faceclock.odoo.url", odoo.url(),
                             "faceclock.odoo.db", odoo.db(), "faceclock.odoo.username", "admin",
                             "faceclock.odoo.password", "admin"))) {
            int employee = odoo.addEmployee(Map.of("name", "Oda Order", "barcode", "ORDER1"));
            assertEquals(200, service.post("/api/v1/sync/odoo/pull", Map.of()).status());
            OdooSyncService sync = service.app().beans().odooSync();
            long x = service.post("/api/v1/attendance", Map.of("person_id", "ORDER1", "check_in",
                    "2025-05-05T08:00:00Z")).data().get("id").asLong();
            sync.drainOutbox();
            assertEquals(1, inOdoo(odoo, employee).size(), "the open attendance is in Odoo");

            // closed and a new one opened: both wait in the outbox, the check-out first
            assertEquals(200, service.patch("/api/v1/attendance/" + x, Map.of("check_out", "2025-05-05T12:00:00Z"))
                    .status());
            long y = service.post("/api/v1/attendance", Map.of("person_id", "ORDER1", "check_in",
                    "2025-05-05T13:00:00Z")).data().get("id").asLong();
            // another node has claimed the check-out and has not sent it yet
            SyncStore store = service.app().beans().syncStore();
            Instant now = Instant.now();
            assertEquals(0, store.claimFor("other-node:1", List.of(x), now, now.plusSeconds(60)).size());
            sync.drainOutbox();
            assertEquals("pending", state(service, y), "the check-in waits for the check-out another node holds");
            assertEquals(1, inOdoo(odoo, employee).size());

            store.releaseClaims("other-node:1");
            sync.drainOutbox();
            assertEquals("synced", state(service, x));
            assertEquals("synced", state(service, y), "sent once the check-out was: " + state(service, y));
            List<Map<String, Object>> records = inOdoo(odoo, employee);
            assertEquals(2, records.size(), records.toString());
            assertTrue(records.stream().anyMatch(r -> r.get("check_out") instanceof String), records.toString());
        }
    }

    private static String state(RunningService service, long id) {
        JsonNode a = service.get("/api/v1/attendance/" + id).data();
        return a.get("sync").get("state").asText();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> inOdoo(FakeOdoo odoo, int employee) {
        return (List<Map<String, Object>>) odoo.execute(FakeOdoo.ADMIN_UID, "hr.attendance", "search_read",
                List.of(List.of(List.of("employee_id", "=", employee))), Map.of("fields",
                        List.of("check_in", "check_out")));
    }
}
