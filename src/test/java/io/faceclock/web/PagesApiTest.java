package io.faceclock.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faceclock.attendance.ForgottenAttendanceCloser;
import io.faceclock.fakeodoo.FakeOdoo;
import io.faceclock.fakeodoo.OdooVersion;
import io.faceclock.support.RunningService;
import io.faceclock.support.RunningService.Reply;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What the pages stand on, over HTTP: the files, the session, the report, the enrolment list, sync jobs. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesApiTest {

    private static final String ZONE = "Europe/Brussels";
    private FakeOdoo odoo;
    private RunningService service;
    private String kioskKey;
    private String readKey;

    @BeforeAll
    void start() throws Exception {
        odoo = FakeOdoo.start(OdooVersion.V18);
        odoo.addUser("faceclock", "pw-for-pages", FakeOdoo.GROUP_HR_OFFICER, FakeOdoo.GROUP_ATTENDANCE_OFFICER);
        odoo.addEmployees(1100);
        service = RunningService.start(Files.createTempDirectory("faceclock-pages-api"), null, ZONE,
                Map.of("faceclock.odoo.outbox-cron", "0 0 0 1 1 ? 2099", "faceclock.reports.start-time", "08:30"));
        kioskKey = service.post("/api/v1/apikeys", Map.of("name", "door", "scope", "kiosk")).data().get("key").asText();
        readKey = service.post("/api/v1/apikeys", Map.of("name", "payroll", "scope", "read")).data().get("key").asText();
        for (String[] p : new String[][] {{"ann", "Ann Lee", "Sales"}, {"bob", "Bob Marsh", "Sales"},
                {"cy", "Cy Young", "Support"}, {"dee", "Dee Moss", "Support"}}) {
            assertEquals(201, service.post("/api/v1/persons", Map.of("person_id", p[0], "name", p[1],
                    "department", p[2])).status());
        }
    }

    @AfterAll
    void stop() {
        service.close();
        odoo.close();
    }

    private Reply page(String rawPath) throws IOException {
        // a raw request line, so the client cannot tidy ../ or %2e away before the server sees it
        try (Socket s = new Socket("127.0.0.1", Integer.parseInt(service.baseUrl().replaceAll(".*:", "")))) {
            s.getOutputStream().write(("GET " + rawPath + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(9, 12));
            return new Reply(status, answer.substring(answer.indexOf("\r\n\r\n") + 4), Map.of());
        }
    }

    @Test
    void the_pages_are_served_without_a_key_but_the_api_still_wants_one() throws Exception {
        Reply index = service.send("GET", "/", null, null);
        assertEquals(200, index.status());
        assertTrue(index.body().contains("<script type=\"module\" src=\"/js/dashboard.js\">"));
        assertEquals(List.of("text/html; charset=utf-8"), index.headers().get("content-type"));
        assertTrue(index.headers().get("content-security-policy").get(0).contains("script-src 'self'"));
        assertEquals(200, service.send("GET", "/faces.html", null, null).status());
        assertEquals(List.of("text/javascript; charset=utf-8"),
                service.send("GET", "/js/api.js", null, null).headers().get("content-type"));
        assertEquals(401, service.send("GET", "/api/v1/persons", null, null).status());
        assertEquals(401, service.send("GET", "/api/v1/reports/attendance?start_date=2025-01-01&end_date=2025-01-02",
                null, null).status());
        assertEquals(404, service.send("GET", "/api/v1/index.html", null, null).status());
    }

    @Test
    void no_path_reaches_outside_the_web_folder() throws Exception {
        for (String path : List.of("/../application.properties", "/%2e%2e/application.properties",
                "/js/../../application.properties", "/..%2fapplication.properties", "/web/index.html",
                "/application.properties", "/routes/api-admin.yaml", "/io/faceclock/web/StaticPages.class",
                "/%2fetc%2fpasswd", "/js%2fapi.js", "/INDEX.HTML", "/index.html%00.js", "//etc/passwd")) {
            Reply r = page(path);
            assertEquals(404, r.status(), path + " -> " + r.body());
            assertFalse(r.body().contains("faceclock.port") || r.body().contains("root:"), path);
        }
        assertEquals(200, page("/js/api.js").status());
    }

    @Test
    void the_session_names_the_keys_scope_for_every_scope() {
        assertEquals("admin", service.get("/api/v1/session").data().get("scope").asText());
        JsonNode kiosk = service.send("GET", "/api/v1/session", null, kioskKey).data();
        assertEquals("kiosk", kiosk.get("scope").asText());
        assertEquals("door", kiosk.get("key_name").asText());
        assertEquals(ZONE, kiosk.get("timezone").asText());
        assertEquals("read", service.send("GET", "/api/v1/session", null, readKey).data().get("scope").asText());
        assertEquals(403, service.send("GET", "/api/v1/persons", null, kioskKey).status(), "kiosk keys read no more");
        assertEquals(401, service.send("GET", "/api/v1/session", null, "wrong").status());
    }

    @Test
    void the_attendance_report_counts_days_hours_late_arrivals_and_open_or_closed_days_and_csv_says_the_same() {
        assertEquals(201, service.post("/api/v1/persons", Map.of("person_id", "zed", "name", "Zed Former",
                "active", false)).status());
        LocalDate today = LocalDate.now(ZoneId.of(ZONE));
        LocalDate d1 = today.minusDays(5);
        LocalDate d2 = today.minusDays(4);
        manual("ann", d1 + "T08:25:00", d1 + "T12:25:00");
        manual("ann", d1 + "T13:00:00", d1 + "T17:00:00");
        manual("ann", d2 + "T08:40:00", d2 + "T16:40:00");
        manual("bob", today.minusDays(3) + "T09:00:00", null);
        assertEquals(1, service.app().camel().getRegistry().lookupByNameAndType("forgottenAttendance",
                ForgottenAttendanceCloser.class).run(), "bob's attendance closed after max-open-hours");
        manual("cy", today.minusDays(2) + "T07:00:00", null);

        String q = "/api/v1/reports/attendance?start_date=" + d1 + "&end_date=" + today;
        JsonNode report = service.get(q).json();
        assertEquals(ZONE, report.get("timezone").asText());
        assertEquals("08:30", report.get("start_time").asText());
        JsonNode ann = row(report, "ann");
        assertEquals(2, ann.get("days_present").asInt());
        assertEquals(16.0, ann.get("hours_worked").asDouble(), 1e-9);
        assertEquals(1, ann.get("late_arrivals").asInt(), "08:40 is late against 08:30, 08:25 is not");
        JsonNode bob = row(report, "bob");
        assertEquals(1, bob.get("days_closed_automatically").asInt());
        assertEquals(16.0, bob.get("hours_worked").asDouble(), 1e-9, "closed at check-in + 16 h");
        JsonNode cy = row(report, "cy");
        assertEquals(1, cy.get("days_left_open").asInt());
        assertEquals(0.0, cy.get("hours_worked").asDouble(), 1e-9);
        JsonNode dee = row(report, "dee");
        assertEquals(List.of(0, 0, 0, 0), List.of(dee.get("days_present").asInt(), dee.get("late_arrivals").asInt(),
                dee.get("days_left_open").asInt(), dee.get("days_closed_automatically").asInt()),
                "an active person who never came is in the report with nothing");
        assertEquals(0.0, dee.get("hours_worked").asDouble(), 1e-9);
        assertFalse(report.get("data").toString().contains("\"zed\""), "an archived person who did not come is left out");
        assertEquals(service.get("/api/v1/persons?active=true&limit=1").json().get("total").asInt(),
                report.get("data").size(), "every active person has a line");
        assertEquals(6, report.get("days").size());
        assertEquals(1, report.get("days").get(0).get("people").asInt());
        assertEquals(8.0, report.get("days").get(0).get("hours_worked").asDouble(), 1e-9);

        Reply csv = service.get(q + "&format=csv");
        assertEquals(200, csv.status());
        assertTrue(csv.headers().get("content-type").get(0).startsWith("text/csv"));
        assertTrue(csv.headers().get("content-disposition").get(0).contains("attachment"));
        String[] lines = csv.body().split("\r\n");
        assertEquals("person_id,name,days_present,hours_worked,late_arrivals,days_left_open,days_closed_automatically",
                lines[0]);
        assertEquals(report.get("data").size() + 1, lines.length);
        List<String> rows = List.of(lines).subList(1, lines.length);
        assertTrue(rows.contains("ann,Ann Lee,2,16.0,1,0,0"), csv.body());
        assertTrue(rows.contains("bob,Bob Marsh,1,16.0,1,0,1"), csv.body());
        assertTrue(rows.contains("cy,Cy Young,1,0.0,0,1,0"), csv.body());
        assertTrue(rows.contains("dee,Dee Moss,0,0.0,0,0,0"), csv.body());

        Reply bad = service.get("/api/v1/reports/attendance?start_date=" + today + "&end_date=" + d1);
        assertEquals(400, bad.status());
        assertEquals("end_date", bad.json().get("field").asText());
        assertEquals("start_date", service.get("/api/v1/reports/attendance?end_date=" + today).json().get("field")
                .asText());
        assertEquals("format", service.get(q + "&format=xlsx").json().get("field").asText());
    }

    @Test
    void the_enrolment_list_says_who_has_no_face_yet_by_department() {
        JsonNode sales = service.get("/api/v1/enrolment?department=sales&faces=none").json();
        assertEquals(2, sales.get("total").asInt());
        assertEquals("ann", sales.get("data").get(0).get("person_id").asText());
        assertEquals(0, sales.get("data").get(0).get("faces").asInt());
        assertEquals("none", sales.get("data").get(0).get("enrolment").asText());
        assertTrue(sales.get("departments").toString().contains("Support"));
        assertEquals(0, service.get("/api/v1/enrolment?faces=enough").json().get("total").asInt());
        assertEquals("faces", service.get("/api/v1/enrolment?faces=lots").json().get("field").asText());
    }

    @Test
    void logs_filter_by_date_and_page_newest_first() {
        String today = LocalDate.now(ZoneId.of(ZONE)).toString();
        JsonNode first = service.get("/api/v1/logs?limit=2&start_date=" + today + "&end_date=" + today).json();
        assertEquals(2, first.get("data").size());
        assertTrue(first.get("total").asInt() >= 3, first.toString());
        JsonNode second = service.get("/api/v1/logs?limit=2&offset=2&start_date=" + today).json();
        assertTrue(first.get("data").get(1).get("id").asLong() > second.get("data").get(0).get("id").asLong());
        assertEquals(0, service.get("/api/v1/logs?end_date=2000-01-01").json().get("total").asInt());
        assertEquals("start_date", service.get("/api/v1/logs?start_date=yesterday").json().get("field").asText());
    }

    @Test
    void an_async_pull_answers_a_job_whose_progress_ends_in_the_synchronous_answer() throws Exception {
        assertEquals(200, service.post("/api/v1/sync/odoo/config", Map.of("url", odoo.url(), "db", odoo.db(),
                "username", "faceclock", "password", "pw-for-pages")).status());
        odoo.latency("hr.employee.search_read", Duration.ofMillis(300));
        Reply started = service.post("/api/v1/sync/odoo/pull", Map.of("async", true));
        assertEquals(202, started.status(), started.toString());
        String id = started.json().get("job_id").asText();
        assertEquals("running", started.data().get("state").asText());
        JsonNode job = started.data();
        boolean sawPart = false;
        for (int i = 0; i < 200 && job.get("state").asText().equals("running"); i++) {
            Thread.sleep(100); // the pull runs against a slow Odoo on its own thread: watch it as a page does
            job = service.get("/api/v1/sync/jobs/" + id).data();
            if (!job.get("total").isNull() && job.get("done").asInt() > 0 && job.get("done").asInt() < job.get("total").asInt()) {
                sawPart = true;
            }
        }
        assertEquals("succeeded", job.get("state").asText(), job.toString());
        assertTrue(sawPart, "a poll saw part of the work done");
        int total = job.get("total").asInt();
        assertTrue(total >= 1100);
        assertEquals(total, job.get("done").asInt());
        assertEquals(200, job.get("status").asInt());
        JsonNode result = job.get("result");
        assertTrue(result.get("success").asBoolean());
        assertEquals(total, result.get("total").asInt());
        assertEquals(total, result.get("added").asInt());
        assertNotNull(job.get("finished_at").asText());

        odoo.latency("hr.employee.search_read", Duration.ZERO);
        Reply sync = service.post("/api/v1/sync/odoo/pull", Map.of());
        assertEquals(200, sync.status());
        assertEquals(List.of("success", "message", "added", "updated", "deactivated", "total", "rekeyed", "errors"),
                fieldNames(sync.json()), "the synchronous answer keeps its shape");
        assertEquals(fieldNames(result), fieldNames(sync.json()));
        assertEquals(404, service.get("/api/v1/sync/jobs/no-such-job").status());
        assertEquals("async", service.post("/api/v1/sync/odoo/pull", Map.of("async", "soon")).json().get("field")
                .asText());
    }

    /**
     * The "Thread blocked" warning every second while a long pull or push held an HTTP
     * thread: the work runs on faceclock's sync threads, the synchronous call only waits for it, the
     * pages and the API keep answering meanwhile, and Vert.x's blocked-thread checker (which looks
     * every second and reports an event loop busy over 2 s) says nothing, though it does speak up in
     * this same log when a server thread really is held.
     */
    @Test
    void a_long_synchronous_pull_leaves_the_http_threads_free_and_the_log_without_thread_blocked_warnings()
            throws Exception {
        assertEquals(200, service.post("/api/v1/sync/odoo/config", Map.of("url", odoo.url(), "db", odoo.db(),
                "username", "faceclock", "password", "pw-for-pages")).status());
        odoo.latency("hr.employee.search_read", Duration.ofMillis(900));
        try (LogLines log = new LogLines()) {
            java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<String>> pull =
                    java.net.http.HttpClient.newHttpClient().sendAsync(java.net.http.HttpRequest.newBuilder(
                                    java.net.URI.create(service.baseUrl() + "/api/v1/sync/odoo/pull"))
                            .header("X-API-Key", service.adminKey()).header("Content-Type", "application/json")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"full\": true}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            waitUntilRunning();
            for (String path : List.of("/", "/faces.html", "/js/dashboard.js")) {
                assertEquals(200, service.send("GET", path, null, null).status(), path);
            }
            assertEquals(200, service.get("/api/v1/session").status());
            assertEquals(200, service.get("/api/v1/sync/status").status());
            assertEquals(200, service.get("/api/v1/persons?limit=5").status());
            assertFalse(pull.isDone(), "the pages and the API answered while the pull was still running");

            java.net.http.HttpResponse<String> answer = pull.get(120, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("\"success\":true"), answer.body());
            List<LogLines.Line> synced = log.containing("employees from Odoo");
            assertEquals(1, synced.size(), log.lines().toString());
            assertTrue(synced.get(0).thread().startsWith("faceclock-sync-"),
                    "the pull ran on a sync thread, not an HTTP one: " + synced.get(0));
            assertEquals(List.of(), blocked(log), "no thread was reported blocked during the pull");

            // the same log does catch it when a server thread is held: one event loop for 4 s (the
            // checker looks once a second and speaks once the hold passes 2 s)
            io.vertx.core.Vertx vertx = service.app().camel().getRegistry().findSingleByType(io.vertx.core.Vertx.class);
            vertx.runOnContext(v -> {
                try {
                    Thread.sleep(4000); // deliberately what the server must never do
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (blocked(log).isEmpty() && System.nanoTime() < until) {
                Thread.sleep(100); // the checker runs on its own timer thread
            }
            assertFalse(blocked(log).isEmpty(), "Vert.x reports a held event loop in this log");
        } finally {
            odoo.latency("hr.employee.search_read", Duration.ZERO);
        }
    }

    private static List<LogLines.Line> blocked(LogLines log) {
        return log.lines().stream().filter(l -> l.text().matches("(?is).*thread.*(has been )?blocked.*")).toList();
    }

    /** Waits until the fake Odoo has been asked for employees: the pull is under way. */
    private void waitUntilRunning() throws InterruptedException {
        int before = odoo.calls("hr.employee.search_read");
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (odoo.calls("hr.employee.search_read") == before && System.nanoTime() < until) {
            Thread.sleep(20); // the fake Odoo counts calls as they arrive
        }
        assertTrue(odoo.calls("hr.employee.search_read") > before, "the pull reached Odoo");
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private void manual(String personId, String in, String out) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("person_id", personId, "check_in", in));
        if (out != null) {
            body.put("check_out", out);
        }
        Reply r = service.post("/api/v1/attendance", body);
        assertEquals(201, r.status(), r.toString());
    }

    private static JsonNode row(JsonNode report, String personId) {
        for (JsonNode r : report.get("data")) {
            if (r.get("person_id").asText().equals(personId)) {
                return r;
            }
        }
        throw new AssertionError(personId + " missing from " + report);
    }
}
