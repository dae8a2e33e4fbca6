package io.faceclock.odoo.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faceclock.fakeodoo.FakeOdoo;
import io.faceclock.fakeodoo.OdooVersion;
import io.faceclock.support.RunningService;
import io.faceclock.support.RunningService.Reply;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Odoo sync through faceclock's HTTP API against the fake Odoo. The outbox drain is switched
 * off here so each push is the test's own; OutboxTest covers the automatic path.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OdooSyncBehaviour {

    static final String PASSWORD = "S3cret-odoo-Pa55";
    protected FakeOdoo odoo;
    protected RunningService service;
    /** What faceclock logs in with: the user's password, or an API key where the protocol needs one. */
    protected String secret = PASSWORD;

    abstract OdooVersion version();

    /** Settings for the transport under test (XML-RPC by default). */
    Map<String, String> transportSettings() {
        return Map.of();
    }

    /** What a user of the fake logs in with: their password, or an API key made here where the protocol needs one. */
    String secretOf(int uid, String password) {
        return password;
    }

    @BeforeAll
    void start() throws Exception {
        odoo = FakeOdoo.start(version());
        int uid = odoo.addUser("faceclock", PASSWORD, FakeOdoo.GROUP_HR_OFFICER, FakeOdoo.GROUP_ATTENDANCE_OFFICER);
        assertTrue(uid > 0);
        secret = secretOf(uid, PASSWORD);
        Map<String, String> settings = new java.util.HashMap<>(transportSettings());
        settings.put("faceclock.odoo.outbox-cron", "0 0 0 1 1 ? 2099");
        service = RunningService.start(Files.createTempDirectory("faceclock-odoo"), null, "Europe/Brussels", settings);
        Reply saved = service.post("/api/v1/sync/odoo/config", credentials(secret));
        assertEquals(200, saved.status(), saved.toString());
        Reply pulled = service.post("/api/v1/sync/odoo/pull", Map.of());
        assertEquals(200, pulled.status(), pulled.toString());
    }

    @AfterAll
    void stop() {
        service.close();
        odoo.close();
    }

    Map<String, Object> credentials(String password) {
        return credentials("faceclock", password);
    }

    Map<String, Object> credentials(String user, String password) {
        return Map.of("url", odoo.url(), "db", odoo.db(), "username", user, "password", password);
    }

    @Test
    void the_saved_password_is_masked_encrypted_and_never_logged() throws Exception {
        Reply config = service.get("/api/v1/sync/odoo/config");
        assertEquals(OdooConfig.MASK, config.json().get("config").get("password").asText());
        assertFalse(config.body().contains(secret));
        assertFalse(service.get("/api/v1/logs?limit=500").body().contains(secret));
        try (var c = service.app().beans().database().connection(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT setting_value FROM setting")) {
            while (rs.next()) {
                assertFalse(rs.getString(1).contains(secret), "stored in clear: " + rs.getString(1));
            }
        }
    }

    @Test
    void a_connection_test_says_who_and_what_rights() {
        JsonNode ok = service.post("/api/v1/sync/odoo/test", Map.of()).json();
        assertTrue(ok.get("success").asBoolean(), ok.toString());
        assertTrue(ok.get("server_version").asText().startsWith(version() == OdooVersion.V18 ? "18" : "19"));
        assertTrue(ok.get("can_read_employees").asBoolean());
        assertTrue(ok.get("can_create_attendances").asBoolean());
        RunningService.Reply badReply = service.post("/api/v1/sync/odoo/test", credentials("wrong"));
        assertEquals(502, badReply.status(), "a failed test answers as a failed push does");
        JsonNode bad = badReply.json();
        assertFalse(bad.get("success").asBoolean());
        assertEquals("Authentication failed. Check credentials.", bad.get("message").asText());
        Map<String, Object> nowhere = new LinkedHashMap<>(credentials(secret));
        nowhere.put("url", "http://127.0.0.1:" + FakeOdoo.unusedPort());
        JsonNode down = service.post("/api/v1/sync/odoo/test", nowhere).json();
        assertFalse(down.get("success").asBoolean());
        assertFalse(down.toString().contains(secret));
    }

    @Test
    void pulling_adds_updates_renames_and_deactivates_people() {
        int id = odoo.addEmployee(Map.of("name", "Pia Puller", "barcode", "PULL1", "work_email", "pia@example.com",
                "department_id", 3));
        JsonNode first = service.post("/api/v1/sync/odoo/pull", Map.of()).json();
        assertTrue(first.get("added").asInt() >= 1, first.toString());
        JsonNode pia = service.get("/api/v1/persons/PULL1").data();
        assertEquals("Pia Puller", pia.get("name").asText());
        assertEquals(id, pia.get("odoo_employee_id").asInt());
        assertEquals("pia@example.com", pia.get("email").asText());
        assertFalse(pia.get("department").isNull(), pia.toString());

        assertEquals(201, service.post("/api/v1/attendance", Map.of("person_id", "PULL1",
                "check_in", "2025-03-03T08:00:00+01:00", "check_out", "2025-03-03T12:00:00+01:00")).status());
        write("hr.employee", id, Map.of("name", "Pia Renamed", "barcode", "PULL2"));
        JsonNode second = service.post("/api/v1/sync/odoo/pull", Map.of()).json();
        assertTrue(second.get("updated").asInt() >= 1, second.toString());
        assertEquals(404, service.get("/api/v1/persons/PULL1").status());
        assertEquals("Pia Renamed", service.get("/api/v1/persons/PULL2").data().get("name").asText());
        assertEquals(1, service.get("/api/v1/attendance?person_id=PULL2").json().get("total").asInt(),
                "a badge change keeps the history");

        write("hr.employee", id, Map.of("active", false));
        JsonNode third = service.post("/api/v1/sync/odoo/pull", Map.of()).json();
        assertTrue(third.get("deactivated").asInt() >= 1, third.toString());
        assertFalse(service.get("/api/v1/persons/PULL2").data().get("active").asBoolean());
        assertTrue(service.get("/api/v1/logs?category=odoo_sync&limit=5").body().contains("Synced"));
    }

    @Test
    void a_badge_taken_by_a_hand_made_person_is_reported_not_overwritten() {
        assertEquals(201, service.post("/api/v1/persons", Map.of("person_id", "HAND1", "name", "Made By Hand"))
                .status());
        odoo.addEmployee(Map.of("name", "Odoo Person", "barcode", "HAND1"));
        JsonNode r = service.post("/api/v1/sync/odoo/pull", Map.of()).json();
        assertTrue(r.get("errors").toString().contains("HAND1"), r.toString());
        assertEquals("Made By Hand", service.get("/api/v1/persons/HAND1").data().get("name").asText());
    }

    @Test
    void pushing_the_same_range_twice_creates_nothing_and_a_later_check_out_is_a_write() {
        int emp = odoo.addEmployee(Map.of("name", "Pete Pusher", "barcode", "PUSH1"));
        pullAndExpect("PUSH1");
        service.post("/api/v1/attendance", Map.of("person_id", "PUSH1", "check_in", "2025-04-01T08:00:00+02:00",
                "check_out", "2025-04-01T12:00:00+02:00"));
        long open = service.post("/api/v1/attendance", Map.of("person_id", "PUSH1",
                "check_in", "2025-04-01T13:00:00+02:00")).data().get("id").asLong();
        Map<String, Object> range = Map.of("start_date", "2025-04-01", "end_date", "2025-04-01");

        long queuedBefore = service.get("/api/v1/sync/status").data().get("odoo").get("outbox_depth").asLong();
        JsonNode first = service.post("/api/v1/sync/odoo/push", range).json();
        assertEquals(2, first.get("pushed").asInt(), first.toString());
        assertTrue(service.get("/api/v1/sync/status").data().get("odoo").get("outbox_depth").asLong()
                <= queuedBefore - 2, "what the manual push sent leaves the outbox");
        assertEquals(2, odooAttendances(emp).size());
        assertEquals("synced", service.get("/api/v1/attendance/" + open).data().get("sync").get("state").asText());

        JsonNode again = service.post("/api/v1/sync/odoo/push", range).json();
        assertEquals(0, again.get("pushed").asInt(), again.toString());
        assertEquals(2, again.get("unchanged").asInt());
        assertEquals(2, odooAttendances(emp).size(), "nothing created twice");

        service.patch("/api/v1/attendance/" + open, Map.of("check_out", "2025-04-01T17:00:00+02:00"));
        JsonNode later = service.post("/api/v1/sync/odoo/push", range).json();
        assertEquals(1, later.get("updated").asInt(), later.toString());
        List<Map<String, Object>> inOdoo = odooAttendances(emp);
        assertEquals(2, inOdoo.size());
        assertTrue(inOdoo.stream().allMatch(a -> a.get("check_out") instanceof String), inOdoo.toString());
    }

    @Test
    void a_bad_record_in_a_batch_is_named_and_the_good_ones_land() {
        int emp = odoo.addEmployee(Map.of("name", "Bea Batch", "barcode", "BATCH1"));
        pullAndExpect("BATCH1");
        // Odoo already has an attendance overlapping one of ours (someone used Odoo's own kiosk).
        odoo.addAttendance(emp, Instant.parse("2025-05-06T09:00:00Z"), Instant.parse("2025-05-06T10:00:00Z"));
        for (int day = 5; day <= 8; day++) {
            service.post("/api/v1/attendance", Map.of("person_id", "BATCH1",
                    "check_in", "2025-05-0" + day + "T08:00:00Z", "check_out", "2025-05-0" + day + "T16:00:00Z"));
        }
        JsonNode r = service.post("/api/v1/sync/odoo/push", Map.of("start_date", "2025-05-05",
                "end_date", "2025-05-08")).json();
        assertEquals(3, r.get("pushed").asInt(), r.toString());
        assertEquals(1, r.get("failed").asInt());
        assertTrue(r.get("errors").get(0).asText().contains("Bea Batch"), r.toString());
        assertEquals(4, odooAttendances(emp).size());
        JsonNode failed = service.get("/api/v1/attendance?person_id=BATCH1&start_date=2025-05-06&end_date=2025-05-06")
                .data().get(0).get("sync");
        assertEquals("failed", failed.get("state").asText());
        assertTrue(failed.get("error").asText().length() > 10);
    }

    @Test
    void an_employee_odoo_does_not_know_is_reported() {
        service.post("/api/v1/persons", Map.of("person_id", "EMP999", "name", "Nobody In Odoo"));
        service.post("/api/v1/attendance", Map.of("person_id", "EMP999", "check_in", "2025-06-02T08:00:00Z",
                "check_out", "2025-06-02T09:00:00Z"));
        JsonNode r = service.post("/api/v1/sync/odoo/push", Map.of("start_date", "2025-06-02",
                "end_date", "2025-06-02")).json();
        assertEquals(1, r.get("failed").asInt(), r.toString());
        assertTrue(r.get("errors").toString().contains("Employee not found: EMP999"), r.toString());

        // HR creates the employee in Odoo later: the nightly push (which leaves Odoo's refusals alone) sends it
        int emp = odoo.addEmployee(Map.of("name", "Nobody In Odoo", "barcode", "EMP999"));
        PushResult nightly = service.app().beans().odooSync().push(null, Instant.parse("2025-06-02T00:00:00Z"),
                Instant.parse("2025-06-03T00:00:00Z"), false);
        assertEquals(1, nightly.pushed(), nightly.message());
        assertEquals(1, odooAttendances(emp).size());
    }

    @Test
    void a_record_changed_in_odoo_is_a_conflict_not_overwritten() {
        int emp = odoo.addEmployee(Map.of("name", "Cora Conflict", "barcode", "CONF1"));
        service.post("/api/v1/sync/odoo/pull", Map.of());
        pullAndExpect("CONF1");
        long id = service.post("/api/v1/attendance", Map.of("person_id", "CONF1",
                "check_in", "2025-07-01T08:00:00Z", "check_out", "2025-07-01T12:00:00Z")).data().get("id").asLong();
        Map<String, Object> range = Map.of("start_date", "2025-07-01", "end_date", "2025-07-01");
        service.post("/api/v1/sync/odoo/push", range);
        int odooId = ((Number) odooAttendances(emp).get(0).get("id")).intValue();
        write("hr.attendance", odooId, Map.of("check_out", "2025-07-01 13:00:00"));
        service.patch("/api/v1/attendance/" + id, Map.of("check_out", "2025-07-01T12:30:00Z"));
        JsonNode r = service.post("/api/v1/sync/odoo/push", range).json();
        assertEquals(1, r.get("conflicts").asInt(), r.toString());
        assertEquals("2025-07-01 13:00:00", odooAttendances(emp).get(0).get("check_out"));
        assertEquals("conflict", service.get("/api/v1/attendance/" + id).data().get("sync").get("state").asText());
    }

    @Test
    void a_lost_odoo_id_is_found_again_by_check_in_instead_of_creating_a_twin() throws Exception {
        int emp = odoo.addEmployee(Map.of("name", "Rita Restore", "barcode", "REST1"));
        pullAndExpect("REST1");
        long id = service.post("/api/v1/attendance", Map.of("person_id", "REST1",
                "check_in", "2025-08-01T08:00:00Z", "check_out", "2025-08-01T12:00:00Z")).data().get("id").asLong();
        Map<String, Object> range = Map.of("start_date", "2025-08-01", "end_date", "2025-08-01");
        service.post("/api/v1/sync/odoo/push", range);
        try (var c = service.app().beans().database().connection(); var st = c.createStatement()) {
            st.executeUpdate("UPDATE attendance SET odoo_attendance_id = NULL, sent_check_in = NULL, "
                    + "sent_check_out = NULL, sync_state = 'pending' WHERE id = " + id);
        }
        JsonNode r = service.post("/api/v1/sync/odoo/push", range).json();
        assertEquals(0, r.get("pushed").asInt(), r.toString());
        assertEquals(1, odooAttendances(emp).size());
    }

    @Test
    void an_attendance_edited_while_its_create_was_in_flight_is_written_not_duplicated() {
        int emp = odoo.addEmployee(Map.of("name", "Flo Flight", "barcode", "FLY1"));
        pullAndExpect("FLY1");
        long id = service.post("/api/v1/attendance", Map.of("person_id", "FLY1",
                "check_in", "2025-10-01T08:00:00Z", "check_out", "2025-10-01T12:00:00Z")).data().get("id").asLong();
        var store = new io.faceclock.store.SyncStore(service.app().beans().jdbc());
        var inFlight = store.byIds(List.of(id)).get(0);
        // the create reached Odoo ...
        int odooId = odoo.addAttendance(emp, Instant.parse("2025-10-01T08:00:00Z"), Instant.parse("2025-10-01T12:00:00Z"));
        // ... while someone corrected the check-in here, before faceclock recorded the answer
        service.patch("/api/v1/attendance/" + id, Map.of("check_in", "2025-10-01T07:30:00Z"));
        assertFalse(store.markSynced(inFlight, odooId, Instant.now()));
        JsonNode r = service.post("/api/v1/sync/odoo/push", Map.of("start_date", "2025-10-01",
                "end_date", "2025-10-01")).json();
        assertEquals(0, r.get("pushed").asInt(), r.toString());
        assertEquals(1, r.get("updated").asInt(), r.toString());
        List<Map<String, Object>> inOdoo = odooAttendances(emp);
        assertEquals(1, inOdoo.size(), inOdoo.toString());
        assertEquals("2025-10-01 07:30:00", inOdoo.get(0).get("check_in"));
    }

    @Test
    void odoo_is_asked_which_attendance_fields_it_has_once_per_connection_not_at_every_push() {
        odoo.addEmployee(Map.of("name", "Fio Fields", "barcode", "FIELDS1"));
        pullAndExpect("FIELDS1");
        int other = odoo.addUser("faceclock-fields", PASSWORD, FakeOdoo.GROUP_HR_OFFICER,
                FakeOdoo.GROUP_ATTENDANCE_OFFICER);
        assertEquals(200, service.post("/api/v1/sync/odoo/config", credentials("faceclock-fields",
                secretOf(other, PASSWORD))).status(), "another user of the same Odoo: a new connection");
        try {
            odoo.resetCalls();
            for (int day = 10; day <= 12; day++) {
                service.post("/api/v1/attendance", Map.of("person_id", "FIELDS1",
                        "check_in", "2025-11-" + day + "T08:00:00Z", "check_out", "2025-11-" + day + "T12:00:00Z"));
                JsonNode r = service.post("/api/v1/sync/odoo/push", Map.of("start_date", "2025-11-" + day,
                        "end_date", "2025-11-" + day)).json();
                assertEquals(1, r.get("pushed").asInt(), r.toString());
            }
            assertEquals(1, odoo.calls("hr.attendance.fields_get"), "three pushes: " + odoo.callCounts());
        } finally {
            assertEquals(200, service.post("/api/v1/sync/odoo/config", credentials(secret)).status());
        }
        service.post("/api/v1/attendance", Map.of("person_id", "FIELDS1",
                "check_in", "2025-11-13T08:00:00Z", "check_out", "2025-11-13T12:00:00Z"));
        JsonNode back = service.post("/api/v1/sync/odoo/push", Map.of("start_date", "2025-11-13",
                "end_date", "2025-11-13")).json();
        assertEquals(1, back.get("pushed").asInt(), back.toString());
        assertEquals(2, odoo.calls("hr.attendance.fields_get"), "the saved connection changed back: asked again");
    }

    @Test
    void pushing_1000_records_takes_a_handful_of_calls() {
        int emp = odoo.addEmployee(Map.of("name", "Many Punches", "barcode", "MANY1"));
        pullAndExpect("MANY1");
        Instant day = Instant.parse("2024-01-01T08:00:00Z");
        try (var c = service.app().beans().database().connection();
             var ps = c.prepareStatement("INSERT INTO attendance (person_ref, check_in, check_out, source, "
                     + "closed_automatically, created_at, updated_at) SELECT id, ?, ?, 'test', FALSE, ?, ? FROM person "
                     + "WHERE person_id = 'MANY1'")) {
            for (int i = 0; i < 1000; i++) {
                Instant in = day.plus(i, ChronoUnit.HOURS);
                ps.setObject(1, in.atOffset(java.time.ZoneOffset.UTC));
                ps.setObject(2, in.plus(30, ChronoUnit.MINUTES).atOffset(java.time.ZoneOffset.UTC));
                ps.setObject(3, in.atOffset(java.time.ZoneOffset.UTC));
                ps.setObject(4, in.atOffset(java.time.ZoneOffset.UTC));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        odoo.resetCalls();
        JsonNode r = service.post("/api/v1/sync/odoo/push", Map.of("start_date", "2024-01-01",
                "end_date", "2024-02-15")).json();
        assertEquals(1000, r.get("pushed").asInt(), r.toString());
        int calls = odoo.calls("object.execute_kw") + odoo.calls("common.authenticate");
        assertTrue(calls <= 10, "RPC calls for 1000 records: " + odoo.callCounts());
        assertEquals(1000, odooAttendances(emp).size());
    }

    private void pullAndExpect(String personId) {
        JsonNode pulled = service.post("/api/v1/sync/odoo/pull", Map.of()).json();
        assertEquals(200, service.get("/api/v1/persons/" + personId).status(), pulled.toString());
    }

    private void write(String model, int id, Map<String, Object> values) {
        odoo.execute(FakeOdoo.ADMIN_UID, model, "write", List.of(List.of(id), values), Map.of());
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> odooAttendances(int employeeId) {
        return (List<Map<String, Object>>) odoo.execute(FakeOdoo.ADMIN_UID, "hr.attendance", "search_read",
                List.of(List.of(List.of("employee_id", "=", employeeId))),
                Map.of("fields", List.of("id", "check_in", "check_out")));
    }
}
