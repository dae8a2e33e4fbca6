package io.faceclock.odoo.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faceclock.fakeodoo.FakeOdoo;
import io.faceclock.fakeodoo.OdooVersion;
import io.faceclock.support.RunningService;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Odd turns a sync must survive: a push cut short, an employee the database refuses, a new Odoo. */
class SyncRecoveryTest {

    private static RunningService start(FakeOdoo odoo) throws Exception {
        RunningService service = RunningService.start(Files.createTempDirectory("faceclock-recovery"), null, "UTC",
                Map.of("faceclock.odoo.outbox-cron", "0 0 0 1 1 ? 2099", "faceclock.odoo.call-timeout-seconds", "2"));
        service.post("/api/v1/sync/odoo/config", Map.of("url", odoo.url(), "db", odoo.db(), "username", "admin",
                "password", "admin"));
        return service;
    }

    @Test
    void a_record_adopted_by_a_push_that_was_then_cut_short_is_no_conflict_later() throws Exception {
        try (FakeOdoo odoo = FakeOdoo.start(OdooVersion.V18); RunningService service = start(odoo)) {
            int emp = odoo.addEmployee(Map.of("name", "Ada Adopt", "barcode", "ADOPT1"));
            service.post("/api/v1/sync/odoo/pull", Map.of());
            long a = service.post("/api/v1/attendance", Map.of("person_id", "ADOPT1",
                    "check_in", "2025-09-01T08:00:00Z")).data().get("id").asLong();
            Map<String, Object> range = Map.of("start_date", "2025-09-01", "end_date", "2025-09-02");
            service.post("/api/v1/sync/odoo/push", range);
            try (var c = service.app().beans().database().connection(); var st = c.createStatement()) {
                st.executeUpdate("UPDATE attendance SET odoo_attendance_id = NULL, sent_check_in = NULL, "
                        + "sent_check_out = NULL, sync_state = 'pending' WHERE id = " + a);
            }
            service.patch("/api/v1/attendance/" + a, Map.of("check_out", "2025-09-01T12:00:00Z"));
            service.post("/api/v1/attendance", Map.of("person_id", "ADOPT1",
                    "check_in", "2025-09-02T08:00:00Z", "check_out", "2025-09-02T12:00:00Z"));
            odoo.latency("hr.attendance.create", Duration.ofSeconds(4));
            JsonNode cut = service.post("/api/v1/sync/odoo/push", range).json();
            assertFalse(cut.get("success").asBoolean(), cut.toString());
            odoo.latency("hr.attendance.create", Duration.ZERO);
            assertTrue(odoo.awaitFinished("hr.attendance.create", Duration.ofSeconds(30)),
                    "Odoo finishes the create the client gave up on");
            JsonNode r = service.post("/api/v1/sync/odoo/push", range).json();
            assertEquals(0, r.get("conflicts").asInt(), r.toString());
            assertEquals("synced", service.get("/api/v1/attendance/" + a).data().get("sync").get("state").asText());
        }
    }

    @Test
    void an_employee_the_database_refuses_is_reported_and_the_others_still_come_in() throws Exception {
        try (FakeOdoo odoo = FakeOdoo.start(OdooVersion.V18); RunningService service = start(odoo)) {
            odoo.addEmployee(Map.of("name", "L".repeat(300), "barcode", "LONG1",
                    "mobile_phone", "+32 470 12 34 56 / +32 2 345 67 89 (office, ask reception for extension 123)"));
            odoo.addEmployee(Map.of("name", "a".repeat(254) + "\uD83D\uDE00 smiles", "barcode", "EMOJI1"));
            odoo.addEmployee(Map.of("name", "After Him", "barcode", "AFTER1"));
            JsonNode r = service.post("/api/v1/sync/odoo/pull", Map.of()).json();
            assertTrue(r.get("success").asBoolean(), r.toString());
            assertEquals(200, service.get("/api/v1/persons/AFTER1").status());
            JsonNode longOne = service.get("/api/v1/persons/LONG1").data();
            assertNotNull(longOne, "long values are cut to fit, not refused");
            assertEquals(255, longOne.get("name").asText().length());
            assertEquals("a".repeat(254), service.get("/api/v1/persons/EMOJI1").data().get("name").asText(),
                    "an emoji across the cut goes whole, not half of it");
        }
    }

    @Test
    void a_new_odoo_database_makes_faceclock_forget_the_old_ids_and_one_off_credentials_cannot_mix_them()
            throws Exception {
        try (FakeOdoo first = FakeOdoo.start(OdooVersion.V18); FakeOdoo second = FakeOdoo.start(OdooVersion.V18);
             RunningService service = start(first)) {
            first.addEmployee(Map.of("name", "Sam Switch", "barcode", "SWITCH1"));
            service.post("/api/v1/sync/odoo/pull", Map.of());
            service.post("/api/v1/attendance", Map.of("person_id", "SWITCH1", "check_in", "2025-11-03T08:00:00Z",
                    "check_out", "2025-11-03T12:00:00Z"));
            Map<String, Object> range = Map.of("start_date", "2025-11-03", "end_date", "2025-11-03");
            assertEquals(1, service.post("/api/v1/sync/odoo/push", range).json().get("pushed").asInt());

            Map<String, Object> other = new java.util.HashMap<>(Map.of("url", second.url(), "db", second.db(),
                    "username", "admin", "password", "admin"));
            assertEquals(409, service.post("/api/v1/sync/odoo/push", other).status(),
                    "one-off credentials must be for the configured Odoo");

            assertEquals(200, service.post("/api/v1/sync/odoo/config", other).status());
            assertTrue(service.get("/api/v1/persons/SWITCH1").data().get("odoo_employee_id").isNull());
            int emp = second.addEmployee(Map.of("name", "Sam Switch", "barcode", "SWITCH1"));
            JsonNode r = service.post("/api/v1/sync/odoo/push", range).json();
            assertEquals(1, r.get("pushed").asInt(), "sent again to the new Odoo: " + r);
            assertEquals(1, ((List<?>) second.execute(FakeOdoo.ADMIN_UID, "hr.attendance", "search",
                    List.of(List.of(List.of("employee_id", "=", emp))), Map.of())).size());
            assertTrue(service.get("/api/v1/logs?category=config&limit=5").body().contains("Odoo ids forgotten"));
        }
    }
}
