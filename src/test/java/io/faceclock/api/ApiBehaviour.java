package io.faceclock.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faceclock.support.RunningService;
import io.faceclock.support.RunningService.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The HTTP API as a user's script meets it, run against a real service and a real database.
 * Subclasses choose the database (H2, PostgreSQL); every test here must pass on both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiBehaviour {

    protected RunningService service;
    private Path dataDir;
    private final AtomicInteger ids = new AtomicInteger();

    /** The JDBC URL to run against, or null for the default embedded H2. */
    protected abstract String databaseUrl();

    @BeforeAll
    void startService() throws Exception {
        dataDir = Files.createTempDirectory("faceclock-api");
        service = RunningService.start(dataDir, databaseUrl(), "Europe/Brussels", Map.of());
    }

    @AfterAll
    void stopService() {
        if (service != null) {
            service.close();
        }
    }

    protected String newPersonId() {
        return "P" + ProcessHandle.current().pid() + "-" + ids.incrementAndGet();
    }

    protected String createPerson(String name, Map<String, Object> extra) {
        String id = newPersonId();
        Map<String, Object> body = new LinkedHashMap<>(extra);
        body.put("person_id", id);
        body.put("name", name);
        Reply r = service.post("/api/v1/persons", body);
        assertEquals(201, r.status(), r.toString());
        return id;
    }

    protected Reply attend(String personId, String in, String out) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("person_id", personId);
        body.put("check_in", in);
        if (out != null) {
            body.put("check_out", out);
        }
        return service.post("/api/v1/attendance", body);
    }

    protected static void assertError(Reply r, int status, String field) {
        assertEquals(status, r.status(), r.toString());
        JsonNode j = r.json();
        assertFalse(j.get("success").asBoolean(), r.toString());
        assertTrue(j.get("error").asText().length() > 5, r.toString());
        if (field != null) {
            assertEquals(field, j.path("field").asText(), r.toString());
        }
        assertFalse(r.body().contains("at io.faceclock") || r.body().contains("Exception"), "no stack trace: " + r);
    }

    // ---- people ----

    @Test
    void a_person_can_be_created_read_changed_and_deleted() {
        String id = createPerson("Ann Lee", Map.of("email", "ann@example.com", "department", "Sales",
                "metadata", Map.of("shift", "early")));
        JsonNode p = service.get("/api/v1/persons/" + id).data();
        assertEquals("Ann Lee", p.get("name").asText());
        assertEquals("Sales", p.get("department").asText());
        assertEquals("early", p.get("metadata").get("shift").asText());
        assertTrue(p.get("active").asBoolean());
        assertTrue(p.get("created_at").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d"),
                p.get("created_at").asText());

        Reply patched = service.patch("/api/v1/persons/" + id, Map.of("position", "Clerk", "active", false));
        assertEquals(200, patched.status(), patched.toString());
        assertEquals("Clerk", patched.data().get("position").asText());
        assertEquals("Sales", patched.data().get("department").asText(), "PATCH keeps other fields");
        assertFalse(patched.data().get("active").asBoolean());

        Reply replaced = service.put("/api/v1/persons/" + id, Map.of("name", "Ann Lee-Smith"));
        assertEquals(200, replaced.status(), replaced.toString());
        assertEquals("Ann Lee-Smith", replaced.data().get("name").asText());
        assertTrue(replaced.data().get("department").isNull(), "PUT clears what it does not give");

        assertEquals(200, service.delete("/api/v1/persons/" + id).status());
        assertError(service.get("/api/v1/persons/" + id), 404, "person_id");
    }

    @Test
    void a_patch_changes_what_it_names_clears_what_it_sets_null_and_keeps_what_it_leaves_out() {
        String id = createPerson("Patchy", Map.of("email", "patchy@example.com", "phone", "+32 1",
                "department", "Dock"));
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("email", null);
        change.put("position", "Lead");
        change.put("odoo_employee_id", 77);
        Reply patched = service.patch("/api/v1/persons/" + id, change);
        assertEquals(200, patched.status(), patched.toString());
        assertTrue(patched.data().get("email").isNull(), "null clears: " + patched);
        assertEquals("Lead", patched.data().get("position").asText());
        assertEquals("Dock", patched.data().get("department").asText(), "left out: kept");
        assertEquals("+32 1", patched.data().get("phone").asText(), "left out: kept");

        Reply replaced = service.put("/api/v1/persons/" + id, Map.of("name", "Patchy"));
        assertEquals(200, replaced.status(), replaced.toString());
        assertTrue(replaced.data().get("department").isNull(), "PUT clears what it does not give");
        assertEquals(77, replaced.data().get("odoo_employee_id").asLong(), "...but keeps the Odoo link it does not name");

        long a = attend(id, "2025-02-07T08:00:00+01:00", "2025-02-07T12:00:00+01:00").data().get("id").asLong();
        assertEquals(200, service.patch("/api/v1/attendance/" + a, Map.of("note", "kept")).status());
        Map<String, Object> reopen = new LinkedHashMap<>();
        reopen.put("check_out", null);
        Reply reopened = service.patch("/api/v1/attendance/" + a, reopen);
        assertEquals(200, reopened.status(), reopened.toString());
        assertTrue(reopened.data().get("check_out").isNull(), "check_out null reopens: " + reopened);
        assertEquals("kept", reopened.data().get("note").asText(), "the note left out stays");
    }

    @Test
    void a_second_person_with_the_same_person_id_is_refused() {
        String id = createPerson("First", Map.of());
        assertError(service.post("/api/v1/persons", Map.of("person_id", id, "name", "Second")), 409, "person_id");
        assertEquals("First", service.get("/api/v1/persons/" + id).data().get("name").asText());
    }

    @Test
    void listing_filters_by_text_active_and_department_and_pages() {
        String tag = "Zq" + ids.incrementAndGet() + "x";
        for (int i = 0; i < 5; i++) {
            createPerson(tag + " Worker " + i, Map.of("department", i < 3 ? "Dock " + tag : "Office " + tag,
                    "active", i != 4));
        }
        JsonNode all = service.get("/api/v1/persons?q=" + tag.toLowerCase()).json();
        assertEquals(5, all.get("total").asInt());
        JsonNode dock = service.get("/api/v1/persons?q=" + tag + "&department=dock%20" + tag).json();
        assertEquals(3, dock.get("total").asInt());
        JsonNode inactive = service.get("/api/v1/persons?q=" + tag + "&active=false").json();
        assertEquals(1, inactive.get("total").asInt());
        assertEquals(tag + " Worker 4", inactive.get("data").get(0).get("name").asText());
        JsonNode page = service.get("/api/v1/persons?q=" + tag + "&limit=2&offset=2").json();
        assertEquals(2, page.get("data").size());
        assertEquals(5, page.get("total").asInt());
        assertEquals(tag + " Worker 2", page.get("data").get(0).get("name").asText());
    }

    @Test
    void renaming_a_person_keeps_their_attendance_history() {
        String id = createPerson("Renamed", Map.of());
        assertEquals(201, attend(id, "2025-01-10T08:00:00+01:00", "2025-01-10T16:00:00+01:00").status());
        String newId = newPersonId();
        Reply r = service.patch("/api/v1/persons/" + id, Map.of("person_id", newId));
        assertEquals(200, r.status(), r.toString());
        assertError(service.get("/api/v1/persons/" + id), 404, "person_id");
        JsonNode history = service.get("/api/v1/attendance?person_id=" + newId).json();
        assertEquals(1, history.get("total").asInt());
        assertEquals(newId, history.get("data").get(0).get("person_id").asText());
    }

    // ---- attendance rules ----

    @Test
    void an_open_attendance_blocks_a_second_check_in() {
        String id = createPerson("Open Twice", Map.of());
        assertEquals(201, attend(id, "2025-02-03T08:00:00+01:00", null).status());
        Reply second = attend(id, "2025-02-03T09:00:00+01:00", null);
        assertError(second, 409, "check_in");
        assertTrue(second.json().get("error").asText().contains("hasn't checked out since 2025-02-03 08:00:00"),
                second.toString());
    }

    @Test
    void overlapping_attendances_are_refused_with_the_reason() {
        String id = createPerson("Overlap", Map.of());
        assertEquals(201, attend(id, "2025-02-04T08:00:00+01:00", "2025-02-04T12:00:00+01:00").status());
        Reply r = attend(id, "2025-02-04T11:00:00+01:00", "2025-02-04T13:00:00+01:00");
        assertError(r, 409, "check_in");
        assertTrue(r.json().get("error").asText().contains("already checked in on 2025-02-04 08:00:00"), r.toString());
        assertError(attend(id, "2025-02-04T07:00:00+01:00", null), 409, "check_in");
        assertEquals(201, attend(id, "2025-02-04T12:00:00+01:00", "2025-02-04T13:00:00+01:00").status(),
                "touching end to start is no overlap");
        assertEquals(2, service.get("/api/v1/attendance?person_id=" + id).json().get("total").asInt());
    }

    @Test
    void a_check_out_before_the_check_in_is_refused() {
        String id = createPerson("Backwards", Map.of());
        assertError(attend(id, "2025-02-05T17:00:00+01:00", "2025-02-05T08:00:00+01:00"), 409, "check_out");
        assertError(attend(id, "2025-02-05T08:00:00+01:00", "2025-02-05T08:00:00+01:00"), 409, "check_out");
        assertEquals(0, service.get("/api/v1/attendance?person_id=" + id).json().get("total").asInt());
    }

    @Test
    void a_correction_is_checked_by_the_same_rules_and_audited() {
        String id = createPerson("Corrected", Map.of());
        attend(id, "2025-02-06T08:00:00+01:00", "2025-02-06T12:00:00+01:00");
        long second = attend(id, "2025-02-06T13:00:00+01:00", null).data().get("id").asLong();
        assertError(service.patch("/api/v1/attendance/" + second, Map.of("check_in", "2025-02-06T11:00:00+01:00")),
                409, "check_in");
        Reply ok = service.patch("/api/v1/attendance/" + second, Map.of("check_out", "2025-02-06T17:30:00+01:00",
                "note", "forgot to clock out"));
        assertEquals(200, ok.status(), ok.toString());
        assertEquals(270.0, ok.data().get("duration_minutes").asDouble());
        assertEquals("2025-02-06T17:30:00+01:00", ok.data().get("check_out").asText());
        JsonNode logs = service.get("/api/v1/logs?category=attendance&limit=5").json().get("data");
        boolean found = false;
        for (JsonNode e : logs) {
            found |= e.get("details").path("attendance_id").asLong() == second
                    && e.get("details").path("after").path("check_out").asText().equals("2025-02-06T17:30:00+01:00");
        }
        assertTrue(found, "audit entry for the correction: " + logs);
    }

    // ---- time zones ----

    @Test
    void dates_are_site_days_across_a_dst_change() {
        String id = createPerson("Dst", Map.of());
        // Brussels switches to summer time on 2025-03-30 at 02:00.
        attend(id, "2025-03-29T22:30:00Z", "2025-03-29T23:00:00Z");   // 29th 23:30 local
        attend(id, "2025-03-29T23:30:00Z", "2025-03-30T03:00:00Z");   // 30th 00:30 local, in UTC still the 29th
        attend(id, "2025-03-30T21:00:00Z", "2025-03-30T21:30:00Z");   // 30th 23:00 local (+02:00)
        attend(id, "2025-03-30T22:30:00Z", "2025-03-30T23:00:00Z");   // 31st 00:30 local, in UTC still the 30th
        JsonNode day = service.get("/api/v1/attendance?person_id=" + id + "&start_date=2025-03-30&end_date=2025-03-30")
                .json();
        assertEquals(2, day.get("total").asInt(), day.toString());
        List<String> ins = new ArrayList<>();
        day.get("data").forEach(a -> ins.add(a.get("check_in").asText()));
        assertEquals(List.of("2025-03-30T23:00:00+02:00", "2025-03-30T00:30:00+01:00"), ins);
    }

    @Test
    void a_night_shift_belongs_to_the_day_it_began() {
        String id = createPerson("Night", Map.of());
        Reply r = attend(id, "2025-01-15T22:00:00", "2025-01-16T06:00:00");
        assertEquals(201, r.status(), r.toString());
        assertEquals("2025-01-15T22:00:00+01:00", r.data().get("check_in").asText(), "no offset means site time");
        assertEquals(480.0, r.data().get("duration_minutes").asDouble());
        String q = "/api/v1/attendance?person_id=" + id + "&start_date=";
        assertEquals(1, service.get(q + "2025-01-15&end_date=2025-01-15").json().get("total").asInt());
        assertEquals(0, service.get(q + "2025-01-16&end_date=2025-01-16").json().get("total").asInt());
    }

    @Test
    void a_wall_time_that_a_dst_change_skips_is_refused() {
        String id = createPerson("Skipped", Map.of());
        assertError(attend(id, "2025-03-30T02:30:00", null), 400, "check_in");
        Reply twice = attend(id, "2025-10-26T02:30:00", null);
        assertError(twice, 400, "check_in");
        assertTrue(twice.json().get("error").asText().contains("+02:00"), "names the offsets: " + twice);
        assertEquals(201, attend(id, "2025-10-26T02:30:00+01:00", "2025-10-26T03:30:00+01:00").status());
    }

    @Test
    void today_lists_what_began_on_the_site_day() {
        String id = createPerson("Today", Map.of());
        // a minute ago, unless that was still yesterday on the site (then the site's midnight)
        java.time.ZonedDateTime siteNow = java.time.ZonedDateTime.now(java.time.ZoneId.of("Europe/Brussels"));
        java.time.ZonedDateTime minuteAgo = siteNow.minusMinutes(1);
        java.time.ZonedDateTime checkIn = minuteAgo.toLocalDate().equals(siteNow.toLocalDate()) ? minuteAgo
                : siteNow.toLocalDate().atStartOfDay(siteNow.getZone());
        assertEquals(201, attend(id, checkIn.toOffsetDateTime().withNano(0).toString(), null).status());
        JsonNode today = service.get("/api/v1/attendance/today?limit=1000").json();
        assertEquals(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Brussels")).toString(),
                today.get("date").asText());
        boolean found = false;
        for (JsonNode a : today.get("data")) {
            found |= a.get("person_id").asText().equals(id) && a.get("check_out").isNull();
        }
        assertTrue(found, today.toString());
    }

    // ---- bad input ----

    @Test
    void bad_input_gets_a_4xx_naming_the_field_and_changes_nothing() {
        String id = createPerson("Untouched", Map.of("department", "Ops"));
        long before = service.get("/api/v1/persons?limit=1").json().get("total").asLong();

        assertError(service.post("/api/v1/persons", "{\"person_id\": \"X1\", \"name\": "), 400, "body");
        assertError(service.post("/api/v1/persons", "[1,2]"), 400, "body");
        assertError(service.post("/api/v1/persons", Map.of("person_id", "X2", "name", 5)), 400, "name");
        assertError(service.post("/api/v1/persons", Map.of("person_id", "X3")), 400, "name");
        assertError(service.post("/api/v1/persons", Map.of("person_id", "X4", "name", "n", "colour", "red")), 400,
                "colour");
        assertError(service.post("/api/v1/persons", Map.of("person_id", "X5", "name", "<script>alert(1)</script>")),
                400, "name");
        assertError(service.post("/api/v1/persons", Map.of("person_id", "x'; DROP TABLE person;--", "name", "n")),
                400, "person_id");
        assertError(service.post("/api/v1/persons", Map.of("person_id", "X6", "name", "n", "active", "yes")), 400,
                "active");
        assertError(service.post("/api/v1/persons", Map.of("person_id", "X7", "name", "n", "email", "not-mail")), 400,
                "email");
        assertError(service.patch("/api/v1/persons/" + id, Map.of("metadata", List.of(1))), 400, "metadata");
        assertError(service.raw("POST", "/api/v1/persons", "person_id=X8&name=n", "application/x-www-form-urlencoded",
                service.adminKey()), 415, "Content-Type");
        assertError(service.raw("POST", "/api/v1/persons", "{}", null, service.adminKey()), 415, "Content-Type");
        assertError(service.post("/api/v1/persons", Map.of("person_id", "X9", "name", "x".repeat(11 << 20))), 413,
                "body");

        assertError(service.get("/api/v1/persons?limit=100000"), 400, "limit");
        assertError(service.get("/api/v1/persons?limit=-1"), 400, "limit");
        assertError(service.get("/api/v1/persons?active=maybe"), 400, "active");
        assertError(service.get("/api/v1/attendance?start_date=2025-02-30"), 400, "start_date");
        assertError(service.get("/api/v1/attendance?start_date=2025-02-10&end_date=2025-02-01"), 400, "end_date");
        assertError(service.get("/api/v1/attendance?person_id=NOBODY"), 404, "person_id");
        assertError(service.get("/api/v1/attendance/abc"), 400, "id");
        assertError(service.get("/api/v1/logs?level=loud"), 400, "level");
        assertError(attend("NOBODY-" + id, "2025-01-10T08:00:00Z", null), 404, "person_id");
        assertError(attend(id, "2025-02-30T08:00:00Z", null), 400, "check_in");
        assertError(attend(id, "yesterday", null), 400, "check_in");
        assertError(service.post("/api/v1/attendance", Map.of("person_id", id, "check_in", 12)), 400, "check_in");

        JsonNode sqlSearch = service.get("/api/v1/persons?q=%27%20OR%201%3D1%20--").json();
        assertEquals(0, sqlSearch.get("total").asInt(), "a quote in q is text, not SQL");
        assertEquals(before, service.get("/api/v1/persons?limit=1").json().get("total").asLong());
        assertEquals("Ops", service.get("/api/v1/persons/" + id).data().get("department").asText());
        assertEquals(0, service.get("/api/v1/attendance?person_id=" + id).json().get("total").asInt());
        assertError(service.get("/api/v1/no-such-thing"), 404, null);
        assertError(service.send("DELETE", "/api/v1/logs", null, service.adminKey()), 404, null);
        assertEquals(200, service.get("/observe/health").status(), "still serving");
    }

    @Test
    void deeply_nested_json_is_refused_naming_the_field_and_nothing_is_stored() {
        String id = newPersonId();
        String deep = "{\"a\":".repeat(999) + "1" + "}".repeat(999);
        assertError(service.post("/api/v1/persons", "{\"person_id\":\"" + id + "\",\"name\":\"Deep\",\"metadata\":"
                + deep + "}"), 400, "metadata");
        String sixteen = "{\"a\":".repeat(16) + "1" + "}".repeat(16);
        String seventeen = "{\"a\":".repeat(17) + "1" + "}".repeat(17);
        assertError(service.post("/api/v1/persons", "{\"person_id\":\"" + id + "\",\"name\":\"Deep\",\"metadata\":"
                + seventeen + "}"), 400, "metadata");
        assertError(service.get("/api/v1/persons/" + id), 404, "person_id");
        assertEquals(201, service.post("/api/v1/persons", "{\"person_id\":\"" + id + "\",\"name\":\"Deep\","
                + "\"metadata\":" + sixteen + "}").status(), "16 levels are fine");
        assertError(service.post("/api/v1/persons", "[".repeat(5000) + "]".repeat(5000)), 400, "body");
    }

    @Test
    void a_person_stored_with_unreadable_metadata_does_not_break_the_listing() throws Exception {
        String tag = "Unreadable" + ids.incrementAndGet();
        String id = createPerson(tag + " Row", Map.of());
        createPerson(tag + " Neighbour", Map.of());
        try (java.sql.Connection c = service.app().beans().database().connection();
             java.sql.PreparedStatement st = c.prepareStatement("UPDATE person SET metadata = ? WHERE person_id = ?")) {
            st.setString(1, "{\"a\":".repeat(999) + "1" + "}".repeat(999)); // as an older version stored it
            st.setString(2, id);
            assertEquals(1, st.executeUpdate());
        }
        Reply listed = service.get("/api/v1/persons?q=" + tag);
        assertEquals(200, listed.status(), listed.toString());
        assertEquals(2, listed.json().get("total").asInt());
        Reply one = service.get("/api/v1/persons/" + id);
        assertEquals(200, one.status(), one.toString());
        assertEquals(0, one.data().get("metadata").size(), "shown as {} until replaced");
        assertEquals(200, service.patch("/api/v1/persons/" + id, Map.of("metadata", Map.of("ok", true))).status());
        assertTrue(service.get("/api/v1/persons/" + id).data().get("metadata").get("ok").asBoolean());
    }

    @Test
    void invalid_utf8_lone_surrogates_invisible_names_and_bidi_overrides_are_refused() {
        String id = newPersonId();
        byte[] prefix = ("{\"person_id\":\"" + id + "\",\"name\":\"").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] suffix = "\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + 2 + suffix.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[prefix.length] = (byte) 0xff;
        body[prefix.length + 1] = (byte) 0xfe;
        System.arraycopy(suffix, 0, body, prefix.length + 2, suffix.length);
        Reply notUtf8 = service.bytes("POST", "/api/v1/persons", body, "application/json", service.adminKey());
        assertError(notUtf8, 400, "name");
        assertTrue(notUtf8.json().get("error").asText().contains("UTF-8"), notUtf8.toString());
        assertError(service.post("/api/v1/persons", "{\"person_id\":\"" + id + "\",\"name\":\"Ann \\ud800\"}"), 400,
                "name");
        assertError(service.post("/api/v1/persons", Map.of("person_id", id, "name", "\u200b\u200b\u3164")), 400, "name");
        assertError(service.post("/api/v1/persons", Map.of("person_id", id, "name", "\u00a0\u2800\ufeff")), 400, "name");
        assertError(service.post("/api/v1/persons", Map.of("person_id", id, "name", "Ann \u202egnp.exe")), 400, "name");
        assertError(service.post("/api/v1/persons", Map.of("person_id", id, "name", "Ann", "department",
                "\u2066Sales\u2069")), 400, "department");
        assertError(service.post("/api/v1/persons", "{\"person_id\":\"" + id + "\",\"name\":\"Ann\",\"metadata\":"
                + "{\"note\":\"bad \\udc00 half\"}}"), 400, "metadata");
        assertError(service.raw("POST", "/api/v1/persons", "{}", "application/json; charset=iso-8859-1",
                service.adminKey()), 415, "Content-Type");
        assertError(service.get("/api/v1/persons/" + id), 404, "person_id");
        assertEquals(201, service.post("/api/v1/persons", Map.of("person_id", id, "name", "\u05d0\u05e0\u05d4 \u674e "
                + "Zo\u00eb \ud83d\ude00")).status(), "real names in any script, emoji included, are fine");
    }

    @Test
    void a_patch_that_changes_nothing_leaves_updated_at_alone() throws Exception {
        String id = createPerson("Unchanged", Map.of("department", "Ops"));
        try (java.sql.Connection c = service.app().beans().database().connection();
             java.sql.PreparedStatement st = c.prepareStatement("UPDATE person SET updated_at = ? WHERE person_id = ?")) {
            st.setObject(1, java.time.OffsetDateTime.parse("2020-01-01T00:00:00Z"));
            st.setString(2, id);
            st.executeUpdate(); // an old stamp: any write now would move it
        }
        String before = service.get("/api/v1/persons/" + id).data().get("updated_at").asText();
        assertTrue(before.startsWith("2020-01-01"), before);
        assertEquals(before, service.patch("/api/v1/persons/" + id, Map.of()).data().get("updated_at").asText());
        assertEquals(before, service.patch("/api/v1/persons/" + id, Map.of("department", "Ops")).data()
                .get("updated_at").asText());
        assertFalse(before.equals(service.patch("/api/v1/persons/" + id, Map.of("department", "Dock")).data()
                .get("updated_at").asText()), "a real change moves it");
    }

    @Test
    void dates_outside_1970_to_2100_are_refused_saying_the_range() {
        String id = createPerson("Far Dates", Map.of());
        for (String t : List.of("-1000-01-01T08:00:00Z", "0000-01-01T08:00:00Z", "+99999-01-01T08:00:00Z",
                "1969-12-31T08:00:00Z", "2101-01-01T08:00:00Z")) {
            Reply r = attend(id, t, null);
            assertError(r, 400, "check_in");
            assertTrue(r.json().get("error").asText().contains("between 1970-01-01 and 2100-12-31"), r.toString());
        }
        assertError(service.get("/api/v1/attendance?start_date=0000-01-01"), 400, "start_date");
        assertError(service.get("/api/v1/attendance?end_date=%2B99999-01-01"), 400, "end_date");
        assertEquals(201, attend(id, "1970-01-02T08:00:00Z", "1970-01-02T09:00:00Z").status());
    }

    @Test
    void logs_refuse_unknown_categories_and_impossible_dates_and_count_everything() {
        Reply bogus = service.get("/api/v1/logs?category=bogus");
        assertError(bogus, 400, "category");
        assertTrue(bogus.json().get("error").asText().contains("odoo_sync"), "names the allowed values: " + bogus);
        assertError(service.get("/api/v1/logs?since=2025-02-30"), 400, "since");
        for (int i = 0; i < 3; i++) {
            createPerson("Logged " + i, Map.of());
            service.send("GET", "/api/v1/persons", null, "fck_wrong-total-" + ids.incrementAndGet());
        }
        JsonNode page = service.get("/api/v1/logs?category=security&limit=2").json();
        assertEquals(2, page.get("data").size());
        assertTrue(page.get("total").asInt() >= 3, "total counts every match, not the page: " + page);
        String tomorrow = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Brussels")).plusDays(1).toString();
        assertEquals(0, service.get("/api/v1/logs?since=" + tomorrow).json().get("total").asInt());
        assertTrue(service.get("/api/v1/logs?category=security&since=2020-01-01T00:00:00Z").json().get("total")
                .asInt() >= 3);
    }

    // ---- keys, scopes, logs, status ----

    @Test
    void scopes_limit_what_a_key_may_do() {
        String read = service.post("/api/v1/apikeys", Map.of("name", "reports", "scope", "read")).data()
                .get("key").asText();
        String kiosk = service.post("/api/v1/apikeys", Map.of("name", "door", "scope", "kiosk")).data()
                .get("key").asText();
        assertEquals(200, service.send("GET", "/api/v1/persons", null, read).status());
        assertError(service.send("POST", "/api/v1/persons", Map.of("person_id", "R1", "name", "n"), read), 403, null);
        assertError(service.send("GET", "/api/v1/apikeys", null, read), 403, null);
        assertError(service.send("GET", "/api/v1/persons", null, kiosk), 403, null);
        assertError(service.send("GET", "/api/v1/persons", null, null), 401, "X-API-Key");
        assertError(service.send("GET", "/api/v1/persons", null, "fck_not-a-real-key"), 401, "X-API-Key");
        assertEquals(200, service.send("GET", "/observe/health", null, null).status(), "health needs no key");
    }

    @Test
    void a_revoked_key_stops_working_at_once() {
        JsonNode created = service.post("/api/v1/apikeys", Map.of("name", "temp", "scope", "read")).data();
        String key = created.get("key").asText();
        assertEquals(200, service.send("GET", "/api/v1/persons", null, key).status());
        assertEquals(200, service.delete("/api/v1/apikeys/" + created.get("id").asLong()).status());
        assertError(service.send("GET", "/api/v1/persons", null, key), 401, "X-API-Key");
        JsonNode listed = service.get("/api/v1/apikeys").data();
        assertFalse(listed.toString().contains(key), "the list never shows a key's text");
        for (JsonNode k : listed) {
            for (String field : List.of("created_at", "last_used_at", "revoked_at")) {
                String at = k.get(field).asText();
                assertTrue(k.get(field).isNull() || at.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(Z|[+-]\\d\\d:\\d\\d)"),
                        field + " is ISO-8601 in whole seconds with the site's offset: " + at);
            }
        }
    }

    @Test
    void the_last_active_admin_key_cannot_be_revoked() {
        long first = -1;
        for (JsonNode k : service.get("/api/v1/apikeys").data()) {
            if (k.get("scope").asText().equals("admin") && k.get("revoked_at").isNull()) {
                first = k.get("id").asLong();
            }
        }
        Reply refused = service.delete("/api/v1/apikeys/" + first);
        assertError(refused, 409, "id");
        assertTrue(refused.json().get("error").asText().contains("last active admin key"), refused.toString());
        assertEquals(200, service.get("/api/v1/persons?limit=1").status(), "the key still works");

        long second = service.post("/api/v1/apikeys", Map.of("name", "second admin", "scope", "admin")).data()
                .get("id").asLong();
        assertEquals(200, service.delete("/api/v1/apikeys/" + second).status(), "with another admin key it may go");
        assertError(service.delete("/api/v1/apikeys/" + first), 409, "id");
    }

    @Test
    void responses_never_echo_the_api_key() {
        Reply r = service.get("/api/v1/persons?limit=1");
        assertFalse(r.headers().toString().contains(service.adminKey()), r.headers().toString());
        assertFalse(r.body().contains(service.adminKey()));
    }

    @Test
    void logs_are_newest_first_and_filter_by_category_and_level() {
        service.send("GET", "/api/v1/persons", null, "fck_wrong-" + ids.incrementAndGet());
        JsonNode logs = service.get("/api/v1/logs?category=security&level=warning&limit=3").json();
        assertTrue(logs.get("data").size() >= 1);
        JsonNode newest = logs.get("data").get(0);
        assertEquals("security", newest.get("category").asText());
        assertTrue(newest.get("message").asText().startsWith("Wrong API key"), newest.toString());
        long prev = Long.MAX_VALUE;
        for (JsonNode e : logs.get("data")) {
            assertTrue(e.get("id").asLong() < prev);
            prev = e.get("id").asLong();
            assertTrue(List.of("warning", "error").contains(e.get("level").asText()));
        }
    }

    @Test
    void sync_status_reports_odoo_not_configured() {
        JsonNode odoo = service.get("/api/v1/sync/status").data().get("odoo");
        assertFalse(odoo.get("enabled").asBoolean());
        assertFalse(odoo.get("configured").asBoolean());
    }

    @Test
    void health_without_a_key_is_the_status_alone_and_with_a_read_key_each_part() {
        Reply bare = service.send("GET", "/observe/health", null, null);
        assertEquals(200, bare.status());
        assertEquals("{\"status\":\"UP\"}", bare.body().replace(" ", ""), "no key: no URL, no paths, no internals");
        String kiosk = service.post("/api/v1/apikeys", Map.of("name", "health kiosk", "scope", "kiosk")).data()
                .get("key").asText();
        assertFalse(service.send("GET", "/observe/health", null, kiosk).json().has("components"),
                "a kiosk key sees no more than anyone");
        String read = service.post("/api/v1/apikeys", Map.of("name", "monitoring", "scope", "read")).data()
                .get("key").asText();
        JsonNode details = service.send("GET", "/observe/health", null, read).json();
        assertEquals("UP", details.get("status").asText());
        JsonNode database = details.get("components").get("database");
        assertEquals("UP", database.get("status").asText(), details.toString());
        assertTrue(database.get("url").asText().startsWith("jdbc:"), details.toString());
        assertEquals("UP", details.get("components").get("odoo").get("status").asText(), details.toString());
        assertFalse(details.get("components").get("odoo").get("configured").asBoolean());
        assertEquals("UP", details.get("components").get("camel").get("status").asText(), details.toString());
    }

    @Test
    void metrics_need_an_admin_or_read_key() {
        Reply none = service.raw("GET", "/observe/metrics", null, null, null);
        assertEquals(401, none.status(), none.toString());
        assertFalse(none.json().get("success").asBoolean());
        assertEquals("X-API-Key", none.json().get("field").asText(), none.toString());
        assertFalse(none.body().contains("camel_"), "nothing of the metrics without a key");
        String kiosk = service.post("/api/v1/apikeys", Map.of("name", "metrics kiosk", "scope", "kiosk")).data()
                .get("key").asText();
        assertEquals(403, service.raw("GET", "/observe/metrics", null, null, kiosk).status());
        String read = service.post("/api/v1/apikeys", Map.of("name", "prometheus", "scope", "read")).data()
                .get("key").asText();
        Reply m = service.raw("GET", "/observe/metrics", null, null, read);
        assertEquals(200, m.status());
        assertTrue(m.body().contains("camel_exchanges_total"), m.body().substring(0, Math.min(300, m.body().length())));
    }

    @Test
    void data_survives_a_restart() {
        String id = createPerson("Survivor", Map.of());
        attend(id, "2025-01-20T08:00:00+01:00", "2025-01-20T16:00:00+01:00");
        service.restart();
        assertEquals("Survivor", service.get("/api/v1/persons/" + id).data().get("name").asText());
        assertEquals(1, service.get("/api/v1/attendance?person_id=" + id).json().get("total").asInt());
    }

    @Test
    void only_a_hash_of_each_key_is_stored() throws Exception {
        String key = service.post("/api/v1/apikeys", Map.of("name", "hash check", "scope", "read")).data()
                .get("key").asText();
        service.send("GET", "/api/v1/persons", null, key);
        service.send("GET", "/api/v1/persons", null, key + "x");
        try (java.sql.Connection c = service.app().beans().database().connection();
             java.sql.Statement st = c.createStatement()) {
            for (String table : List.of("api_key", "audit_log", "setting")) {
                try (java.sql.ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            String v = rs.getString(i);
                            assertFalse(v != null && (v.contains(key) || v.contains(service.adminKey())),
                                    table + " holds a key's text: " + v);
                        }
                    }
                }
            }
        }
    }
}
