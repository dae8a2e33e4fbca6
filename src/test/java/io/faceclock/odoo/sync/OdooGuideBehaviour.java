package io.faceclock.odoo.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faceclock.fakeodoo.FakeOdoo;
import io.faceclock.fakeodoo.OdooVersion;
import io.faceclock.support.RunningService;
import io.faceclock.support.RunningService.Reply;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The guide's contract for the Odoo endpoints, and Odoo's rights as real servers apply them, through
 * faceclock's HTTP API against the fake Odoo. Each test starts from a saved configuration of the
 * user "faceclock", who holds both groups; "clerk" may record attendances but not see badges.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OdooGuideBehaviour {

    static final String PASSWORD = "Guide-pass-42";
    static final String CLERK_PASSWORD = "Clerk-pass-42";
    static final String API_KEY = "89abcdef0123456789abcdef0123456789abcdef";
    /** ISO-8601, whole seconds, with Brussels' offset (never Z: the site is not on UTC). */
    static final Pattern SITE_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0[12]:00");

    protected FakeOdoo odoo;
    protected RunningService service;
    protected int clerk;

    abstract OdooVersion version();

    /** null: H2 in the data folder. */
    abstract String databaseUrl();

    @BeforeAll
    void start() throws Exception {
        odoo = FakeOdoo.start(version());
        int uid = odoo.addUser("faceclock", PASSWORD, FakeOdoo.GROUP_HR_OFFICER, FakeOdoo.GROUP_ATTENDANCE_OFFICER);
        odoo.addApiKey(uid, API_KEY);
        clerk = odoo.addUser("clerk", CLERK_PASSWORD, FakeOdoo.GROUP_ATTENDANCE_OFFICER);
        service = RunningService.start(Files.createTempDirectory("faceclock-guide"), databaseUrl(), "Europe/Brussels",
                Map.of("faceclock.odoo.outbox-cron", "0 0 0 1 1 ? 2099"));
    }

    @BeforeEach
    void configured() {
        Reply saved = service.post("/api/v1/sync/odoo/config", credentials("faceclock", PASSWORD));
        assertEquals(200, saved.status(), saved.toString());
    }

    @AfterAll
    void stop() {
        service.close();
        odoo.close();
    }

    Map<String, Object> credentials(String user, String password) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", odoo.url());
        m.put("db", odoo.db());
        m.put("username", user);
        m.put("password", password);
        return m;
    }

    JsonNode status() {
        return service.get("/api/v1/sync/status").json();
    }

    @Test
    void sync_status_has_the_guides_shape_with_site_times() {
        assertEquals(200, service.post("/api/v1/sync/odoo/pull", Map.of()).status());
        JsonNode body = status();
        assertTrue(body.get("success").asBoolean(), body.toString());
        JsonNode odooStatus = body.get("data").get("odoo");
        List<String> keys = new ArrayList<>();
        odooStatus.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("enabled", "configured", "url", "db", "last_sync", "last_sync_message", "status"),
                keys.subList(0, 7), "the guide's fields first: " + keys);
        assertTrue(odooStatus.get("enabled").asBoolean());
        assertTrue(odooStatus.get("configured").asBoolean());
        assertEquals(odoo.url(), odooStatus.get("url").asText());
        assertEquals(odoo.db(), odooStatus.get("db").asText());
        assertEquals("configured", odooStatus.get("status").asText());
        assertEquals("ok", odooStatus.get("last_sync_status").asText());
        assertTrue(odooStatus.get("last_sync_message").asText().startsWith("Synced"), odooStatus.toString());
        assertTrue(SITE_TIME.matcher(odooStatus.get("last_sync").asText()).matches(), odooStatus.toString());
        odooStatus.get("next_runs").forEach(t -> assertTrue(SITE_TIME.matcher(t.asText()).matches(), t.asText()));
        assertTrue(odooStatus.has("outbox_depth") && odooStatus.has("attendance_sync_states")
                && odooStatus.has("last_error"), "the fields users rely on stay: " + odooStatus);
        JsonNode log = service.get("/api/v1/logs?category=odoo_sync&limit=1").data().get(0);
        assertTrue(SITE_TIME.matcher(log.get("timestamp").asText()).matches(), log.toString());
    }

    @Test
    void a_configuration_that_fails_its_test_is_refused_and_the_saved_one_kept() {
        Reply wrong = service.post("/api/v1/sync/odoo/config", credentials("faceclock", "not-the-password"));
        assertEquals(422, wrong.status(), wrong.toString());
        assertFalse(wrong.json().get("success").asBoolean());
        assertEquals("password", wrong.json().get("field").asText());
        assertTrue(wrong.json().get("error").asText().contains("Authentication failed. Check credentials."), wrong.body());
        assertEquals("faceclock", service.get("/api/v1/sync/odoo/config").json().get("config").get("username").asText());
        assertEquals(200, service.post("/api/v1/sync/odoo/test", Map.of()).status(), "the saved one still works");

        Map<String, Object> untested = credentials("faceclock", "not-the-password");
        untested.put("test", false);
        Reply saved = service.post("/api/v1/sync/odoo/config", untested);
        assertEquals(200, saved.status(), saved.toString());
        assertTrue(saved.json().get("message").asText().contains("without a connection test"), saved.body());
    }

    @Test
    void a_user_who_cannot_see_badges_fails_the_test_and_the_pull_and_never_keys_people_wrongly() {
        Reply refused = service.post("/api/v1/sync/odoo/config", credentials("clerk", CLERK_PASSWORD));
        assertEquals(422, refused.status(), refused.toString());
        assertTrue(refused.json().get("error").asText().contains("Employees / Officer"), refused.body());

        Map<String, Object> untested = credentials("clerk", CLERK_PASSWORD);
        untested.put("test", false);
        assertEquals(200, service.post("/api/v1/sync/odoo/config", untested).status());
        JsonNode test = service.post("/api/v1/sync/odoo/test", Map.of()).json();
        assertFalse(test.get("success").asBoolean(), test.toString());
        assertFalse(test.get("can_read_badges").asBoolean());
        assertTrue(test.get("can_create_attendances").asBoolean());
        assertEquals("Employees / Officer", test.get("missing_rights").get(0).asText());
        assertTrue(test.get("message").asText().contains("as clerk"), test.toString());
        assertTrue(test.get("message").asText().contains("lacks Employees / Officer"), test.toString());

        int badged = odoo.addEmployee(Map.of("name", "Bo Badge", "barcode", "BADGE7"));
        Reply pull = service.post("/api/v1/sync/odoo/pull", Map.of("full", true));
        assertEquals(502, pull.status(), pull.toString());
        assertTrue(pull.json().get("error").asText().contains("Employees / Officer"), pull.body());
        assertEquals(404, service.get("/api/v1/persons/ODOO_" + badged).status(), "nobody keyed by the wrong id");
        assertEquals(404, service.get("/api/v1/persons/BADGE7").status());
        assertTrue(status().get("data").get("odoo").get("last_error").asText().contains("Employees / Officer"));
    }

    @Test
    void people_keyed_by_odoo_id_while_odoo_has_their_badge_get_it_at_the_next_good_pull() throws Exception {
        assertEquals(200, service.post("/api/v1/sync/odoo/pull", Map.of()).status());
        // written in Odoo long before the last pull: only the repair finds it, not the incremental read
        int emp = odoo.addEmployee(Map.of("name", "Kim Rekey", "barcode", "REKEY1",
                "write_date", java.time.Instant.parse("2020-01-01T00:00:00Z")));
        // what an earlier faceclock made of a pull by a user who could not see badges
        assertEquals(201, service.post("/api/v1/persons", Map.of("person_id", "ODOO_" + emp, "name", "Kim Rekey"))
                .status());
        try (var c = service.app().beans().database().connection(); var st = c.createStatement()) {
            st.executeUpdate("UPDATE person SET odoo_employee_id = " + emp + " WHERE person_id = 'ODOO_" + emp + "'");
        }
        assertEquals(201, service.post("/api/v1/attendance", Map.of("person_id", "ODOO_" + emp,
                "check_in", "2025-02-03T08:00:00+01:00", "check_out", "2025-02-03T12:00:00+01:00")).status());
        int noBadge = odoo.addEmployee(Map.of("name", "Nia Nobadge"));

        JsonNode pull = service.post("/api/v1/sync/odoo/pull", Map.of()).json();
        assertTrue(pull.get("success").asBoolean(), pull.toString());
        assertTrue(pull.get("rekeyed").asInt() >= 1, pull.toString());
        assertTrue(pull.get("message").asText().contains("re-keyed by their badge"), pull.toString());
        assertEquals(404, service.get("/api/v1/persons/ODOO_" + emp).status());
        JsonNode kim = service.get("/api/v1/persons/REKEY1").data();
        assertEquals(emp, kim.get("odoo_employee_id").asInt());
        assertEquals(1, service.get("/api/v1/attendance?person_id=REKEY1").json().get("total").asInt(),
                "the history stays with the person");
        assertEquals(200, service.get("/api/v1/persons/ODOO_" + noBadge).status(), "no badge in Odoo: ODOO_<id>");
        assertTrue(status().get("data").get("odoo").get("last_error").isNull(), "a good sync clears the last error");
    }

    @Test
    void one_off_credentials_never_change_the_saved_status() {
        odoo.addEmployee(Map.of("name", "Ona Once", "barcode", "ONCE1"));
        assertEquals(200, service.post("/api/v1/sync/odoo/pull", Map.of()).status());
        assertEquals(201, service.post("/api/v1/attendance", Map.of("person_id", "ONCE1",
                "check_in", "2025-01-01T08:00:00+01:00", "check_out", "2025-01-01T12:00:00+01:00")).status());
        JsonNode before = status().get("data").get("odoo");
        Reply once = service.post("/api/v1/sync/odoo/pull", credentials("faceclock", "wrong-once"));
        assertEquals(502, once.status(), once.toString());
        Reply pushOnce = service.post("/api/v1/sync/odoo/push", withRange(credentials("faceclock", "wrong-once")));
        assertEquals(502, pushOnce.status(), pushOnce.toString());
        JsonNode after = status().get("data").get("odoo");
        for (String field : List.of("last_sync", "last_sync_message", "last_sync_status", "last_error")) {
            assertEquals(before.get(field), after.get(field), field + " after one-off credentials");
        }
        assertTrue(after.get("last_error").isNull(), after.toString());
        Reply goodOnce = service.post("/api/v1/sync/odoo/pull", credentials("faceclock", PASSWORD));
        assertEquals(200, goodOnce.status(), goodOnce.toString());
        assertEquals(before.get("last_sync"), status().get("data").get("odoo").get("last_sync"));
    }

    @Test
    void a_manual_push_after_the_outbox_says_how_many_were_already_in_odoo() {
        odoo.addEmployee(Map.of("name", "Otto Outbox", "barcode", "OUTB1"));
        assertEquals(200, service.post("/api/v1/sync/odoo/pull", Map.of()).status());
        for (int day = 10; day <= 13; day++) {
            assertEquals(201, service.post("/api/v1/attendance", Map.of("person_id", "OUTB1",
                    "check_in", "2025-03-" + day + "T08:00:00+01:00", "check_out", "2025-03-" + day + "T12:00:00+01:00"))
                    .status());
        }
        PushResult drained = service.app().beans().odooSync().drainOutbox();
        assertEquals(4, drained.pushed(), drained.message());
        JsonNode manual = service.post("/api/v1/sync/odoo/push", Map.of("start_date", "2025-03-10",
                "end_date", "2025-03-13")).json();
        assertEquals("0 new, 4 already in Odoo", manual.get("message").asText(), manual.toString());
        JsonNode none = service.post("/api/v1/sync/odoo/push", Map.of("start_date", "2001-03-10",
                "end_date", "2001-03-13")).json();
        assertTrue(none.get("message").asText().startsWith("Nothing to push"), none.toString());
    }

    @Test
    void a_one_letter_password_keeps_the_error_readable() {
        odoo.hostile(io.faceclock.fakeodoo.Hostile.NOT_ODOO_404);
        try {
            JsonNode test = service.post("/api/v1/sync/odoo/test", credentials("faceclock", "p")).json();
            assertFalse(test.get("success").asBoolean(), test.toString());
            assertTrue(test.get("message").asText().startsWith("http://127.0.0.1:" + odoo.port()), test.toString());
            assertFalse(test.get("message").asText().contains("***"), test.toString());
        } finally {
            odoo.hostile(io.faceclock.fakeodoo.Hostile.NONE);
        }
    }

    @Test
    void a_test_against_a_server_that_trickles_its_answer_fails_within_15_seconds() {
        org.junit.jupiter.api.Assumptions.assumeTrue(version() == OdooVersion.V18, "the client's own tests cover 19");
        odoo.hostile(io.faceclock.fakeodoo.Hostile.TRICKLE);
        try {
            long start = System.nanoTime();
            JsonNode test = service.post("/api/v1/sync/odoo/test", Map.of()).json();
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertFalse(test.get("success").asBoolean(), test.toString());
            assertEquals("TIMEOUT", test.get("kind").asText(), test.toString());
            assertTrue(test.get("message").asText().contains("within 15 s"), test.toString());
            assertTrue(seconds < 20, "answered after " + seconds + " s");
        } finally {
            odoo.hostile(io.faceclock.fakeodoo.Hostile.NONE);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void odoo_is_told_how_each_punch_was_made_where_it_has_the_fields() {
        int emp = odoo.addEmployee(Map.of("name", "Mo Modes", "barcode", "MODE1"));
        assertEquals(200, service.post("/api/v1/sync/odoo/pull", Map.of()).status());
        var services = service.app().beans();
        var rules = service.app().beans().settings().attendance();
        long ref = services.jdbc().queryOne("SELECT id FROM person WHERE person_id = ?", rs -> rs.getLong(1), "MODE1")
                .orElseThrow();
        Instant day = Instant.parse("2024-11-04T08:00:00Z");
        long face = services.attendance().punch(ref, day, "front-door", rules).attendance().id();
        assertEquals("check_out", services.attendance().punch(ref, day.plusSeconds(4 * 3600), "front-door", rules)
                .action());
        assertEquals(201, service.post("/api/v1/attendance", Map.of("person_id", "MODE1",
                "check_in", "2024-11-05T08:00:00Z", "check_out", "2024-11-05T12:00:00Z")).status());
        services.attendance().punch(ref, day.plus(Duration.ofDays(2)), "gate-cam", rules);
        assertEquals(1, services.attendance().closeForgotten(rules), "the forgotten one is closed");
        Map<String, Object> range = Map.of("start_date", "2024-11-04", "end_date", "2024-11-06");
        JsonNode pushed = service.post("/api/v1/sync/odoo/push", range).json();
        assertEquals(3, pushed.get("pushed").asInt(), pushed.toString());

        List<String> fields = List.of("check_in", "in_mode", "in_browser", "out_mode", "out_browser");
        List<Map<String, Object>> inOdoo = (List<Map<String, Object>>) odoo.execute(FakeOdoo.ADMIN_UID,
                "hr.attendance", "search_read", List.of(List.of(List.of("employee_id", "=", emp))),
                Map.of("fields", fields, "order", "check_in asc"));
        assertEquals(List.of("kiosk", "faceclock: front-door", "kiosk", "faceclock: front-door"),
                modes(inOdoo.get(0)), "a face punch in and out");
        assertEquals(List.of("manual", "faceclock: manual", "manual", "faceclock: manual"), modes(inOdoo.get(1)),
                "an attendance entered by hand");
        assertEquals(List.of("kiosk", "faceclock: gate-cam", "technical", "faceclock: closed automatically"),
                modes(inOdoo.get(2)), "closed by faceclock itself");

        assertEquals(200, service.patch("/api/v1/attendance/" + face, Map.of("check_out", "2024-11-04T12:30:00Z"))
                .status());
        assertEquals(1, service.post("/api/v1/sync/odoo/push", range).json().get("updated").asInt());
        Map<String, Object> corrected = ((List<Map<String, Object>>) odoo.execute(FakeOdoo.ADMIN_UID,
                "hr.attendance", "search_read", List.of(List.of(List.of("employee_id", "=", emp))),
                Map.of("fields", fields, "order", "check_in asc"))).get(0);
        assertEquals(List.of("kiosk", "faceclock: front-door", "manual", "faceclock: front-door, corrected"),
                modes(corrected), "a corrected check-out");

        // the server loses these fields (put back before 17): faceclock asked for them once, so the push that
        // meets Odoo's refusal stops; the next one asks again and sends the attendance without them
        odoo.withoutAttendanceModes();
        assertEquals(201, service.post("/api/v1/attendance", Map.of("person_id", "MODE1",
                "check_in", "2024-11-07T08:00:00Z", "check_out", "2024-11-07T12:00:00Z")).status());
        Map<String, Object> day7 = Map.of("start_date", "2024-11-07", "end_date", "2024-11-07");
        JsonNode refused = service.post("/api/v1/sync/odoo/push", day7).json();
        assertFalse(refused.get("success").asBoolean(), refused.toString());
        assertTrue(refused.get("message").asText().contains("Invalid field 'in_mode'"), refused.toString());
        JsonNode older = service.post("/api/v1/sync/odoo/push", day7).json();
        assertEquals(1, older.get("pushed").asInt(), older.toString());
    }

    private static List<Object> modes(Map<String, Object> a) {
        return List.of(a.get("in_mode"), a.get("in_browser"), a.get("out_mode"), a.get("out_browser"));
    }

    Map<String, Object> withRange(Map<String, Object> body) {
        Map<String, Object> m = new LinkedHashMap<>(body);
        m.put("start_date", "2025-01-01");
        m.put("end_date", "2025-01-02");
        return m;
    }

    @Test
    void the_transport_is_chosen_by_itself_and_named_in_test_and_status() {
        JsonNode withPassword = service.post("/api/v1/sync/odoo/test", Map.of()).json();
        assertTrue(withPassword.get("success").asBoolean(), withPassword.toString());
        assertEquals("xmlrpc", withPassword.get("transport").asText());
        assertTrue(withPassword.get("message").asText().contains("over XML-RPC"), withPassword.toString());
        JsonNode status = status().get("data").get("odoo");
        assertEquals("auto", status.get("protocol").asText());
        assertEquals("xmlrpc", status.get("transport").asText());
        if (version() == OdooVersion.V18) {
            assertNull(withPassword.get("warning"), "XML-RPC is Odoo 18's own API");
            assertNull(status.get("warning"));
        } else {
            assertTrue(withPassword.get("warning").asText().contains("deprecates XML-RPC"), withPassword.toString());
            assertTrue(status.get("warning").asText().contains("API key"), status.toString());
        }

        assertEquals(200, service.post("/api/v1/sync/odoo/config", credentials("faceclock", API_KEY)).status());
        JsonNode withKey = service.post("/api/v1/sync/odoo/test", Map.of()).json();
        assertTrue(withKey.get("success").asBoolean(), withKey.toString());
        String expected = version() == OdooVersion.V18 ? "xmlrpc" : "json2";
        assertEquals(expected, withKey.get("transport").asText(), withKey.toString());
        assertEquals(expected, status().get("data").get("odoo").get("transport").asText());
        assertNull(status().get("data").get("odoo").get("warning"));
        odoo.resetCalls();
        assertEquals(200, service.post("/api/v1/sync/odoo/pull", Map.of()).status());
        assertEquals(version() == OdooVersion.V19, odoo.calls("json2.hr.employee.search_read") > 0,
                "the pull goes over the chosen transport: " + odoo.callCounts());
    }
}
