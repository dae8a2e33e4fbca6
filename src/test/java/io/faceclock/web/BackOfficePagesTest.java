package io.faceclock.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faceclock.face.Shared;
import io.faceclock.fakeodoo.FakeOdoo;
import io.faceclock.fakeodoo.OdooVersion;
import io.faceclock.support.RunningService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Keys;

/**
 * The back office in the pages, in a real Chromium against the real service and the fake Odoo, in
 * order: Odoo set up in the settings, a pull and a push followed on the dashboard, the people list
 * narrowed, the report's CSV against its JSON, the logs filtered and paged, a revoked key, and
 * every page with the keyboard alone. The site has had a day already: Amy enrolled and clocked in
 * and out today, a wrong key tried once. Every test leaves a screenshot in target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackOfficePagesTest {

    private static final String ODOO_PASSWORD = "Odoo-Pa55word-never-shown";
    private static final String READER_PASSWORD = "Reader-Pa55word-never-shown";
    private static final int EMPLOYEES = 1200;

    private FakeOdoo odoo;
    private PagesSite site;
    private RunningService service;
    private Browser browser;
    private PageChecks keys;

    @BeforeAll
    void start() throws Exception {
        odoo = FakeOdoo.start(OdooVersion.V18);
        odoo.addUser("faceclock", ODOO_PASSWORD, FakeOdoo.GROUP_HR_OFFICER, FakeOdoo.GROUP_ATTENDANCE_OFFICER);
        odoo.addUser("reader", READER_PASSWORD, FakeOdoo.GROUP_HR_OFFICER);
        odoo.addEmployees(EMPLOYEES);
        Path work = Files.createTempDirectory("faceclock-back-office");
        site = PagesSite.start(work, FakeCamera.empty(10, work.resolve("nobody.y4m")), Map.of());
        service = site.service;
        browser = site.browser;
        keys = site.keys;
        assertEquals(201, service.post("/api/v1/persons", Map.of("person_id", "amy", "name", "Amy Farrah Fowler",
                "department", "Neuroscience")).status());
        assertEquals(201, service.post("/api/v1/persons", Map.of("person_id", "sheldon", "name", "Sheldon Cooper",
                "department", "Physics")).status());
        for (String photo : List.of("amy1.png", "amy3.png", "amy4.png")) {
            RunningService.Reply r = site.upload("/api/v1/persons/amy/faces",
                    Shared.root().resolve("faces/bbt/amy/" + photo));
            assertEquals(201, r.status(), r.toString());
        }
        LocalDateTime now = LocalDateTime.now(ZoneId.of(PagesSite.ZONE)).truncatedTo(ChronoUnit.SECONDS);
        site.manual("amy", now.minusMinutes(3).toString(), now.minusMinutes(2).toString());
        assertEquals(401, service.send("GET", "/api/v1/persons", null, "not-a-key-at-all").status());
        site.signInAsAdmin();
    }

    @AfterAll
    void stop() throws Exception {
        if (site != null) {
            site.close();
        }
        if (odoo != null) {
            odoo.close();
        }
    }

    @Test
    @Order(70)
    void the_settings_form_tests_and_saves_odoo_and_never_shows_the_password(TestInfo info) throws Exception {
        browser.open(site.url("/settings.html"));
        browser.waitForText("#odoo-source", "No connection is saved yet", 10);
        // every answer the page receives from here on, to look for the password in
        browser.js("window.answers = []; const f = window.fetch; window.fetch = async (...a) => {"
                + " const r = await f(...a); r.clone().text().then(t => window.answers.push(t)); return r; };");
        browser.find("#url").sendKeys(odoo.url());
        browser.find("#db").sendKeys(odoo.db());
        browser.find("#username").sendKeys("reader");
        browser.find("#password").sendKeys(READER_PASSWORD);
        browser.find("#test").click();
        browser.waitForText("#odoo-result", "^Connected to Odoo 18.0 over XML-RPC as .*lacks Attendances / Officer: "
                + "cannot create attendances", 20);
        assertEquals("notice bad", browser.find("#odoo-result").getAttribute("class"), "a user short of rights will not do");
        String facts = browser.waitForText("#test-facts", "Missing rights", 10);
        assertTrue(facts.matches("(?s).*Odoo version\\s+18.*") && facts.matches("(?s).*Can create attendances\\s+no.*")
                && facts.matches("(?s).*Missing rights\\s+Attendances / Officer.*"), facts);
        browser.screenshot(info.getTestMethod().orElseThrow().getName() + "-short-of-rights");

        browser.find("#username").clear();
        browser.find("#username").sendKeys("faceclock");
        browser.find("#password").clear();
        browser.find("#password").sendKeys(ODOO_PASSWORD);
        browser.find("#test").click();
        browser.waitForText("#odoo-result", "Connected to Odoo", 20);
        assertEquals("notice ok", browser.find("#odoo-result").getAttribute("class"));
        facts = browser.find("#test-facts").getText();
        assertTrue(facts.matches("(?s).*Odoo version\\s+18.*") && facts.matches("(?s).*Transport\\s+XML-RPC.*")
                && facts.matches("(?s).*Can create attendances\\s+yes.*"), facts);
        browser.find("#save").click();
        browser.waitForText("#odoo-result", "(?i)saved", 20);
        browser.waitForText("#odoo-source", "A connection is saved", 10);

        assertEquals("", browser.find("#password").getAttribute("value"));
        assertFalse(browser.driver().getPageSource().contains(ODOO_PASSWORD));
        assertFalse(browser.driver().getPageSource().contains(READER_PASSWORD));
        @SuppressWarnings("unchecked")
        List<String> answers = (List<String>) browser.js("return window.answers");
        assertTrue(answers.size() >= 3, "test, save and reload answered: " + answers);
        answers.forEach(a -> assertFalse(a.contains(ODOO_PASSWORD) || a.contains(READER_PASSWORD), a));
        assertEquals(odoo.url(), browser.find("#url").getAttribute("value"));
        site.shot(info);
        site.tabletShot(info);
        browser.assertNoConsoleErrors(502);
    }

    @Test
    @Order(80)
    void the_pull_button_shows_progress_while_it_runs_and_the_result_after(TestInfo info) throws Exception {
        odoo.latency("hr.employee.search_read", Duration.ofMillis(700));
        browser.open(site.url("/"));
        browser.waitForText("#odoo-facts", "Configured\\s*yes", 10);
        for (String fact : List.of("url", "db", "outbox_depth", "next_runs")) {
            assertFalse(browser.find("#odoo-facts dd[data-fact='" + fact + "']").getText().isBlank(), fact);
        }
        assertTrue(browser.find("#odoo-facts dd[data-fact='next_runs']").getText().matches("pull .+ · full pull .+ · push .+"),
                browser.find("#odoo-facts dd[data-fact='next_runs']").getText());
        browser.find("#pull").click();
        String during = browser.waitForText("#sync-label", "^\\d+ of \\d+ employees$", 15);
        String[] parts = during.split(" ");
        int total = Integer.parseInt(parts[2]);
        assertTrue(total >= EMPLOYEES, during);
        assertTrue(Integer.parseInt(parts[0]) < total, "seen while running: " + during);
        browser.screenshot(info.getTestMethod().orElseThrow().getName() + "-running");
        browser.waitForText("#sync-result", "Synced " + total + " employees from Odoo", 30);
        browser.waitForText("#sync-label", "^" + total + " of " + total + " employees$", 5);
        assertEquals(total + 2, service.get("/api/v1/persons?limit=1").json().get("total").asInt());
        browser.waitForText("#odoo-facts dd[data-fact='last_sync_message']", "^Synced " + total + " employees", 10);
        browser.waitForText("#odoo-facts dd[data-fact='server_version']", "^18", 10);
        site.shot(info);
        browser.assertNoConsoleErrors();
    }

    @Test
    @Order(82)
    void the_push_button_shows_records_done_out_of_total_while_it_runs_and_what_odoo_took(TestInfo info)
            throws Exception {
        LocalDate yesterday = LocalDate.now(ZoneId.of(PagesSite.ZONE)).minusDays(1);
        List<String> linked = new ArrayList<>();
        for (JsonNode p : service.get("/api/v1/persons?q=Employee&limit=3").data()) {
            linked.add(p.get("person_id").asText());
        }
        if (linked.size() < 3) {
            for (JsonNode p : service.get("/api/v1/persons?limit=10").data()) {
                if (!p.get("odoo_employee_id").isNull() && linked.size() < 3) {
                    linked.add(p.get("person_id").asText());
                }
            }
        }
        assertEquals(3, linked.size());
        for (String id : linked) {
            site.manual(id, yesterday + "T08:00:00", yesterday + "T16:00:00");
        }
        int inRange = service.get("/api/v1/attendance?start_date=" + yesterday.minusDays(6) + "&limit=1").json()
                .get("total").asInt();
        odoo.latency("hr.attendance.create", Duration.ofMillis(1500));
        try {
            browser.open(site.url("/"));
            browser.waitForText("#odoo-facts", "Configured\\s*yes", 10);
            browser.find("#push").click();
            browser.waitForText("#sync-label", "^0 of " + inRange + " attendance records$", 15);
            browser.screenshot(info.getTestMethod().orElseThrow().getName() + "-running");
            String result = browser.waitForText("#sync-result", "^3 new", 30);
            browser.waitForText("#sync-label", "^" + inRange + " of " + inRange + " attendance records$", 5);
            assertTrue(result.contains("1 failed") && result.contains("Employee not found: amy"),
                    "Amy is not in Odoo, and the page says so: " + result);
            assertEquals("notice warn", browser.find("#sync-result").getAttribute("class"));
        } finally {
            odoo.latency("hr.attendance.create", Duration.ZERO);
        }
        site.shot(info);
        site.tabletShot(info);
        browser.assertNoConsoleErrors();
    }

    @Test
    @Order(85)
    void the_people_list_narrows_to_a_department_and_to_who_still_needs_faces(TestInfo info) throws Exception {
        browser.open(site.url("/faces.html"));
        browser.waitFor("#people button.person", 10);
        int everyone = service.get("/api/v1/enrolment?limit=1").json().get("total").asInt();
        browser.waitForText("#summary", "^" + everyone + " people;", 10);
        var department = new org.openqa.selenium.support.ui.Select(browser.find("#department"));
        department.selectByVisibleText("Physics");
        browser.waitForText("#summary", "^1 person;", 10);
        assertEquals(List.of("sheldon"), browser.all("#people button.person").stream()
                .map(b -> b.getAttribute("data-person")).toList());
        department.selectByValue("");
        var coverage = new org.openqa.selenium.support.ui.Select(browser.find("#coverage"));
        coverage.selectByValue("enough");
        browser.waitForText("#summary", "^1 person;", 10);
        assertEquals("amy", browser.find("#people button.person").getAttribute("data-person"));
        coverage.selectByValue("none");
        int none = service.get("/api/v1/enrolment?faces=none&limit=1").json().get("total").asInt();
        assertEquals(everyone - 1, none, "everyone but Amy has no face yet");
        browser.waitForText("#summary", "^" + none + " people;", 10);
        browser.waitForText("#page", "^1–50 of " + none + "$", 10);
        assertTrue(browser.all("#people button.person .badge").stream().allMatch(b -> b.getText().equals("no face")));
        site.shot(info);
        browser.assertNoConsoleErrors();
    }

    @Test
    @Order(90)
    void the_report_page_shows_the_figures_and_its_csv_matches_the_json(TestInfo info) throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of(PagesSite.ZONE));
        LocalDate d1 = today.minusDays(2);
        LocalDate d2 = today.minusDays(1);
        site.manual("sheldon", d1 + "T08:45:00", d1 + "T17:15:00");
        site.manual("sheldon", d2 + "T09:20:00", d2 + "T12:00:00");
        site.manual("sheldon", d2 + "T13:00:00", d2 + "T18:00:00");
        site.manual("amy", d2 + "T10:00:00", d2 + "T16:30:00");

        browser.open(site.url("/reports.html"));
        browser.waitForText("#about", "Site days", 10);
        browser.js("document.querySelector('#start').value = arguments[0];"
                + "document.querySelector('#end').value = arguments[1];", d1.toString(), today.toString());
        browser.find("#period button[type=submit]").click();
        browser.waitForText("#about", "Site days " + d1 + " to " + today, 10);
        browser.waitForText("#report tbody tr[data-person='sheldon']", "Sheldon", 10);

        JsonNode json = service.get("/api/v1/reports/attendance?start_date=" + d1 + "&end_date=" + today).json();
        JsonNode sheldon = find(json.get("data"), "sheldon");
        assertEquals(2, sheldon.get("days_present").asInt());
        assertEquals(16.17, sheldon.get("hours_worked").asDouble(), 1e-9);
        assertEquals(1, sheldon.get("late_arrivals").asInt());
        JsonNode amy = find(json.get("data"), "amy");
        assertEquals(2, amy.get("days_present").asInt(), "yesterday and today at the kiosk");
        JsonNode kiosk = service.get("/api/v1/attendance/today").data().get(0);
        long todaySeconds = java.time.Duration.between(java.time.OffsetDateTime.parse(kiosk.get("check_in").asText()),
                java.time.OffsetDateTime.parse(kiosk.get("check_out").asText())).toSeconds();
        assertEquals(Math.round((6.5 * 3600 + todaySeconds) / 36.0) / 100.0, amy.get("hours_worked").asDouble(), 1e-9,
                "yesterday's 6.5 h and today's minute at the kiosk");

        browser.find("#csv").click();
        String csv = browser.downloaded(".csv", 15);
        List<List<String>> rows = new ArrayList<>();
        for (String line : csv.split("\r\n")) {
            rows.add(List.of(line.split(",", -1)));
        }
        assertEquals(List.of("person_id", "name", "days_present", "hours_worked", "late_arrivals", "days_left_open",
                "days_closed_automatically"), rows.get(0));
        assertEquals(json.get("data").size(), rows.size() - 1);
        @SuppressWarnings("unchecked")
        Map<String, String> shown = (Map<String, String>) browser.js("const m = {}; document.querySelectorAll("
                + "'#report tbody tr[data-person]').forEach(r => m[r.dataset.person] = "
                + "r.querySelector(\"td[data-column='hours_worked']\").textContent); return m;");
        assertEquals(json.get("data").size(), shown.size(), "the page lists every active person as the JSON does");
        JsonNode absent = null;
        for (int i = 0; i < json.get("data").size(); i++) {
            JsonNode p = json.get("data").get(i);
            List<String> r = rows.get(i + 1);
            assertEquals(List.of(p.get("person_id").asText(), p.get("name").asText(), p.get("days_present").asText(),
                    p.get("hours_worked").asText(), p.get("late_arrivals").asText(), p.get("days_left_open").asText(),
                    p.get("days_closed_automatically").asText()), r);
            assertEquals(String.format(java.util.Locale.ROOT, "%.2f", p.get("hours_worked").asDouble()),
                    shown.get(p.get("person_id").asText()), "hours to two decimals");
            absent = absent == null && p.get("days_present").asInt() == 0 ? p : absent;
        }
        assertTrue(absent != null, "the pulled employees who never came are listed too");
        String line = browser.find("#report tbody tr[data-person='" + absent.get("person_id").asText() + "']").getText();
        assertTrue(line.contains(absent.get("name").asText()) && line.endsWith("0 0.00 0 0 0"), line);
        int came = 0;
        for (JsonNode p : json.get("data")) {
            came += p.get("days_present").asInt() > 0 ? 1 : 0;
        }
        assertEquals(5, came, "Amy, Sheldon and the three employees whose day was pushed");
        browser.waitForText("#report tfoot", "^" + json.get("data").size() + " people, " + came + " present", 5);

        browser.find("#came-only").click();
        browser.waitFor("#report tbody tr[data-person='" + absent.get("person_id").asText() + "'][hidden]", 5);
        assertEquals(came, browser.all("#report tbody tr[data-person]:not([hidden])").size(), "only those who came");
        site.shot(info);
        site.tabletShot(info);
        browser.find("#came-only").click();
        browser.find("#who").sendKeys(absent.get("name").asText());
        browser.waitFor("#report tbody tr[data-person='sheldon'][hidden]", 5);
        assertTrue(browser.find("#report tbody tr[data-person='" + absent.get("person_id").asText() + "']")
                .isDisplayed(), "the one searched for stays");
        browser.assertNoConsoleErrors();
    }

    @Test
    @Order(100)
    void the_logs_page_filters_by_category_and_level_newest_first(TestInfo info) throws Exception {
        browser.open(site.url("/logs.html"));
        browser.waitFor("#logs tbody tr td", 10);
        new org.openqa.selenium.support.ui.Select(browser.find("#category")).selectByValue("security");
        new org.openqa.selenium.support.ui.Select(browser.find("#level")).selectByValue("warning");
        browser.find("#filters button[type=submit]").click();
        String first = browser.waitForText("#logs tbody tr", "Wrong API key", 10);
        assertTrue(first.contains("security") && first.contains("warning"), first);
        JsonNode api = service.get("/api/v1/logs?category=security&level=warning&limit=50").json();
        browser.waitForText("#summary", "^" + api.get("total").asInt() + " entr(y|ies), newest first", 10);
        assertEquals(api.get("data").size(), browser.all("#logs tbody tr").size());
        site.shot(info);
        site.tabletShot(info);

        LocalDate today = LocalDate.now(ZoneId.of(PagesSite.ZONE));
        browser.js("document.querySelector('#from').value = arguments[0]; document.querySelector('#to').value = arguments[0];",
                today.plusDays(1).toString());
        browser.find("#filters button[type=submit]").click();
        browser.waitForText("#summary", "^0 entries, newest first$", 10);
        browser.waitForText("#logs tbody", "^No entries match\\.$", 10);
        browser.js("document.querySelector('#from').value = arguments[0]; document.querySelector('#to').value = arguments[0];",
                today.toString());
        browser.find("#filters button[type=submit]").click();
        browser.waitForText("#summary", "^" + api.get("total").asInt() + " entr(y|ies), newest first", 10);
        browser.assertNoConsoleErrors();
    }

    @Test
    @Order(105)
    void the_logs_page_pages_through_older_entries_fifty_at_a_time_and_a_new_filter_starts_again_at_the_newest(
            TestInfo info) throws Exception {
        for (int i = 1; i <= 55; i++) {
            String id = "visitor-" + i;
            assertEquals(201, service.post("/api/v1/persons", Map.of("person_id", id, "name", "Visitor " + i)).status());
            assertEquals(200, service.delete("/api/v1/persons/" + id).status());
        }
        JsonNode api = service.get("/api/v1/logs?category=person&limit=100").json();
        int total = api.get("total").asInt();
        assertTrue(total >= 55 && total <= 100, "one entry per deleted visitor: " + total);
        browser.open(site.url("/logs.html"));
        browser.waitFor("#logs tbody tr td", 10);
        new org.openqa.selenium.support.ui.Select(browser.find("#category")).selectByValue("person");
        browser.find("#filters button[type=submit]").click();
        browser.waitForText("#page", "^1–50 of " + total + "$", 10);
        assertEquals(50, browser.all("#logs tbody tr").size());
        assertFalse(browser.find("#prev").isEnabled(), "nothing is newer than the first page");
        assertTrue(browser.find("#logs tbody tr:first-child").getText().contains(api.get("data").get(0).get("message").asText()));

        browser.find("#next").click();
        browser.waitForText("#page", "^51–" + total + " of " + total + "$", 10);
        assertEquals(total - 50, browser.all("#logs tbody tr").size());
        assertTrue(browser.find("#logs tbody tr:first-child").getText().contains(api.get("data").get(50).get("message").asText()),
                "the second page goes on where the first stopped");
        assertFalse(browser.find("#next").isEnabled(), "nothing is older than the last page");
        assertTrue(browser.find("#prev").isEnabled());
        site.shot(info);

        browser.find("#prev").click();
        browser.waitForText("#page", "^1–50 of " + total + "$", 10);
        browser.find("#next").click();
        browser.waitForText("#page", "^51–", 10);
        new org.openqa.selenium.support.ui.Select(browser.find("#level")).selectByValue("info");
        browser.find("#filters button[type=submit]").click();
        browser.waitForText("#page", "^1–50 of ", 10);
        browser.assertNoConsoleErrors();
    }

    @Test
    @Order(120)
    void a_key_revoked_while_a_page_is_open_returns_to_sign_in_with_a_sentence_saying_so(TestInfo info)
            throws Exception {
        JsonNode key = service.post("/api/v1/apikeys", Map.of("name", "payroll", "scope", "read")).data();
        site.signIn(key.get("key").asText());
        browser.waitForText("#in-title", "In now", 10);
        browser.open(site.url("/logs.html"));
        browser.waitFor("#logs tbody tr td", 10);
        assertEquals(200, service.delete("/api/v1/apikeys/" + key.get("id").asLong()).status());
        browser.find("#filters button[type=submit]").click();
        browser.waitForText("#why", "^Your API key was not accepted \\(it may have been revoked\\)\\. Please sign in again\\.$", 10);
        assertTrue(browser.driver().getCurrentUrl().contains("/signin.html"), browser.driver().getCurrentUrl());
        assertEquals(null, browser.js("return sessionStorage.getItem('faceclock.key')"), "the dead key is forgotten");
        site.shot(info);
        browser.assertNoConsoleErrors(401);
        site.signInAsAdmin();
    }

    @Test
    @Order(130)
    void every_page_is_labelled_readable_and_usable_with_the_keyboard_alone(TestInfo info) throws Exception {
        for (String page : List.of("/", "/faces.html?person=amy", "/unknown.html", "/reports.html", "/logs.html",
                "/settings.html")) {
            browser.open(site.url(page));
            browser.waitFor("header.top nav a", 10);
            if (page.startsWith("/faces")) {
                browser.waitForText("#person-title", "Amy", 10);
                site.thumbnailsShown();
            } else {
                // drawn once its data came: the controls' final state is what Tab should meet
                browser.waitFor(Map.of("/", "#odoo-facts dd", "/unknown.html", "#queue > *", "/reports.html",
                        "#report tbody tr", "/logs.html", "#logs tbody tr", "/settings.html", "#odoo-source:not(:empty)")
                        .get(page), 10);
                browser.waitForText(page.equals("/logs.html") ? "#page" : "main", ".", 10);
            }
            keys.labelledAndReadable(page);
            keys.everyControlTakesTheKeyboard(page);
        }

        // a daily task with the keys alone: find a person on the Faces page and open them
        browser.open(site.url("/faces.html"));
        browser.waitFor("#people button.person", 10);
        keys.tabTo("#q");
        keys.press("Sheldon");
        browser.waitForText("#summary", "^1 person;", 10);
        keys.tabTo("#people button.person[data-person='sheldon']");
        keys.press(Keys.ENTER);
        browser.waitForText("#person-title", "^Sheldon Cooper$", 10);
        browser.waitForText("#person-count", "No face enrolled yet", 10);
        site.shot(info);

        // and the report of a period, typed into the date fields
        browser.open(site.url("/reports.html"));
        browser.waitForText("#about", "Site days", 10);
        keys.tabTo("#start");
        LocalDate first = LocalDate.now(ZoneId.of(PagesSite.ZONE)).minusDays(1);
        keys.press(first.format(java.time.format.DateTimeFormatter.ofPattern("MMddyyyy")));
        keys.press(Keys.ENTER);
        browser.waitForText("#about", "^Site days " + first + " to ", 10);

        browser.assertNoConsoleErrors();
    }

    private static JsonNode find(JsonNode rows, String personId) {
        for (JsonNode r : rows) {
            if (r.get("person_id").asText().equals(personId)) {
                return r;
            }
        }
        throw new AssertionError(personId + " is not in " + rows);
    }}
