package io.faceclock.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faceclock.face.Shared;
import io.faceclock.fakeodoo.FakeOdoo;
import io.faceclock.fakeodoo.OdooVersion;
import io.faceclock.support.RunningService;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The web pages in a real Chromium against the real service, one person's day in order: sign in,
 * enrol a face, be refused a bad photo, check in at the kiosk, appear on the dashboard; then Odoo
 * set up in the settings, a pull followed on the dashboard, and the report's CSV against its JSON.
 * Every test leaves a full-page screenshot in target/screenshots named after it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebPagesTest {

    private static final String ZONE = "Europe/Brussels";
    private static final String ODOO_PASSWORD = "Odoo-Pa55word-never-shown";
    private static final String READER_PASSWORD = "Reader-Pa55word-never-shown";
    private static final int EMPLOYEES = 1200;

    private FakeOdoo odoo;
    private RunningService service;
    private Browser browser;
    private PageChecks keys;
    private String kioskKey;
    private Path work;

    @BeforeAll
    void start() throws Exception {
        work = Files.createTempDirectory("faceclock-pages");
        odoo = FakeOdoo.start(OdooVersion.V18);
        odoo.addUser("faceclock", ODOO_PASSWORD, FakeOdoo.GROUP_HR_OFFICER, FakeOdoo.GROUP_ATTENDANCE_OFFICER);
        odoo.addUser("reader", READER_PASSWORD, FakeOdoo.GROUP_HR_OFFICER);
        odoo.addEmployees(EMPLOYEES);
        service = RunningService.start(work.resolve("data"), null, ZONE, Map.of(
                "faceclock.models.dir", Shared.models().toString(),
                "faceclock.odoo.outbox-cron", "0 0 0 1 1 ? 2099",
                "faceclock.attendance.cooldown-seconds", "5"));
        kioskKey = service.post("/api/v1/apikeys", Map.of("name", "front door", "scope", "kiosk")).data()
                .get("key").asText();
        assertEquals(201, service.post("/api/v1/persons", Map.of("person_id", "amy", "name", "Amy Farrah Fowler",
                "department", "Neuroscience")).status());
        assertEquals(201, service.post("/api/v1/persons", Map.of("person_id", "sheldon", "name", "Sheldon Cooper",
                "department", "Physics")).status());
        Path camera = FakeCamera.clip(Shared.root().resolve("faces/bbt/amy/amy2.png"), 360, 10,
                work.resolve("amy.y4m"));
        browser = new Browser(camera, Path.of("target", "screenshots"));
        keys = new PageChecks(browser);
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (service != null) {
            service.close();
        }
        if (odoo != null) {
            odoo.close();
        }
    }

    private String url(String path) {
        return service.baseUrl() + path;
    }

    private void signIn(String key) {
        browser.open(url("/signin.html"));
        browser.js("sessionStorage.clear()");
        browser.find("#key").sendKeys(key);
        browser.find("#signin button[type=submit]").click();
    }

    /** With the keyboard only: type the key, press Enter. */
    private void signInAsAdmin() {
        browser.open(url("/signin.html"));
        browser.js("sessionStorage.clear()");
        browser.find("#key").sendKeys(service.adminKey() + Keys.ENTER);
        browser.waitFor("header.top nav", 10);
    }

    /** Every thumbnail on the Faces page has loaded (they come as blobs, after the list). */
    private void thumbnailsShown() {
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d ->
                Boolean.TRUE.equals(browser.js("return [...document.querySelectorAll('#thumbs img')]"
                        + ".every(i => i.complete && i.naturalWidth > 0)")));
    }

    private void tabletShot(TestInfo info) throws Exception {
        browser.tabletShot(info.getTestMethod().orElseThrow().getName());
    }

    private void shot(TestInfo info) throws Exception {
        browser.shot(info.getTestMethod().orElseThrow().getName());
    }

    @Test
    @Order(10)
    void signing_in_keeps_the_key_in_the_tab_and_a_wrong_key_is_told_plainly(TestInfo info) throws Exception {
        browser.open(url("/"));
        browser.waitForText("h1", "faceclock", 10);
        assertTrue(browser.driver().getCurrentUrl().endsWith("/signin.html"), browser.driver().getCurrentUrl());

        signIn("not-a-key-at-all");
        browser.waitForText("#why", "not known or has been revoked", 10);
        browser.screenshot(info.getTestMethod().orElseThrow().getName() + "-wrong-key");
        browser.tabletShot(info.getTestMethod().orElseThrow().getName() + "-wrong-key");
        browser.assertNoConsoleErrors(401);

        signInAsAdmin();
        browser.waitForText("#in-title", "In now", 10);
        assertTrue(browser.driver().getCurrentUrl().endsWith("/"), browser.driver().getCurrentUrl());
        assertEquals(service.adminKey(), browser.js("return sessionStorage.getItem('faceclock.key')"));
        assertEquals(null, browser.js("return localStorage.getItem('faceclock.key')"));
        assertFalse(browser.driver().manage().getCookies().stream().anyMatch(c -> c.getValue().contains(service.adminKey())));
        shot(info);
        tabletShot(info);
        browser.assertNoConsoleErrors();
    }

    @Test
    @Order(20)
    void enrolling_by_uploading_a_photo_shows_its_thumbnail_and_the_template_count(TestInfo info) throws Exception {
        browser.open(url("/faces.html"));
        browser.waitFor("#people button.person", 10);
        browser.find("#q").sendKeys("Amy");
        browser.waitForText("#summary", "^1 person;", 10);
        WebElement amy = browser.find("#people button.person[data-person='amy']");
        assertTrue(amy.getText().contains("no face"), amy.getText());
        amy.click();
        browser.waitForText("#person-count", "No face enrolled yet", 10);

        browser.find("#upload").sendKeys(Shared.root().resolve("faces/bbt/amy/amy1.png").toString());
        browser.waitForText(".results li[data-outcome='ok']", "Saved", 30);
        browser.waitForText("#person-count", "1 face enrolled", 10);
        browser.waitFor("#thumbs figure.thumb img[src^='blob:']", 10);
        Object width = browser.js("return document.querySelector('#thumbs figure.thumb img').naturalWidth");
        assertEquals(112L, width, "the thumbnail is the 112x112 aligned crop");
        browser.waitForText("#people button.person[data-person='amy']", "1 of 3", 10);
        assertEquals(1, service.get("/api/v1/persons/amy/faces").data().size());
        shot(info);
        tabletShot(info);
        browser.assertNoConsoleErrors();
    }

    /** A photo made from shared ones: each placed at (x, y) scaled to size px, blurred by blur px, on a grey card. */
    private Path photo(String name, int width, int height, int blur, Object... placed) throws Exception {
        BufferedImage card = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = card.createGraphics();
        g.setColor(new java.awt.Color(0xc8b89a));
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        for (int i = 0; i < placed.length; i += 4) {
            BufferedImage face = ImageIO.read(Shared.root().resolve("faces/bbt/" + placed[i]).toFile());
            int size = (Integer) placed[i + 3];
            g.drawImage(face, (Integer) placed[i + 1], (Integer) placed[i + 2], size, size, null);
        }
        g.dispose();
        if (blur > 0) {
            float[] box = new float[blur * blur];
            java.util.Arrays.fill(box, 1f / box.length);
            card = new java.awt.image.ConvolveOp(new java.awt.image.Kernel(blur, blur, box),
                    java.awt.image.ConvolveOp.EDGE_NO_OP, null).filter(card, null);
        }
        Path file = work.resolve(name);
        ImageIO.write(card, "png", file.toFile());
        return file;
    }

    @Test
    @Order(30)
    void photos_uploaded_together_are_each_saved_or_refused_with_the_reason_in_plain_words_beside_it(TestInfo info)
            throws Exception {
        List<Path> photos = List.of(
                photo("wall.png", 400, 300, 0),
                photo("two people.png", 640, 320, 0, "penny/penny1.png", 20, 10, 300, "leonard/leonard1.png", 330, 10, 300),
                photo("far away.png", 640, 480, 0, "amy/amy4.png", 290, 200, 60),
                photo("shaky.png", 400, 400, 15, "amy/amy5.png", 50, 50, 300),
                Shared.root().resolve("faces/bbt/amy/amy3.png"));
        browser.find("#upload").sendKeys(String.join("\n", photos.stream().map(Path::toString).toList()));
        browser.waitForText("#person-notice", "^1 of 5 photos saved\\.$", 60);
        Map<String, String> said = new java.util.LinkedHashMap<>();
        for (WebElement li : browser.all(".results li")) {
            said.put(li.getAttribute("data-photo"), li.getAttribute("data-outcome") + ": "
                    + li.findElement(org.openqa.selenium.By.cssSelector(".verdict")).getText());
        }
        assertEquals(5, said.size(), said.toString());
        assertTrue(said.get("wall.png").startsWith("bad: No face was found in this photo."), said.toString());
        assertTrue(said.get("two people.png").startsWith("bad: There is more than one face in this photo"), said.toString());
        assertTrue(said.get("far away.png").startsWith("bad: The face is too small: come closer"), said.toString());
        assertTrue(said.get("shaky.png").startsWith("bad: The photo is too blurry"), said.toString());
        assertTrue(said.get("amy3.png").startsWith("ok: Saved."), said.toString());
        assertEquals(2, service.get("/api/v1/persons/amy/faces").data().size(), "only the good photo was stored");
        browser.waitForText("#person-count", "^2 faces enrolled", 10);
        shot(info);
        tabletShot(info);
        browser.assertNoConsoleErrors(422);

        // Amy's face on someone else's page: refused, naming whom it looks like
        browser.find("#q").clear();
        browser.find("#q").sendKeys("Sheldon");
        browser.click("#people button.person[data-person='sheldon']");
        browser.waitForText("#person-title", "^Sheldon Cooper$", 10);
        browser.find("#upload").sendKeys(Shared.root().resolve("faces/bbt/amy/amy4.png").toString());
        String verdict = browser.waitForText(".results li[data-photo='amy4.png'] .verdict", "looks like", 30);
        assertEquals("This face looks like Amy Farrah Fowler, who is already enrolled: use a photo of this person.",
                verdict);
        assertEquals(0, service.get("/api/v1/persons/sheldon/faces").data().size());
        browser.screenshot(info.getTestMethod().orElseThrow().getName() + "-someone-else");
        browser.assertNoConsoleErrors(409);

        browser.find("#q").clear();
        browser.find("#q").sendKeys("Amy");
        browser.click("#people button.person[data-person='amy']");
        browser.waitForText("#person-title", "^Amy Farrah Fowler$", 10);
        thumbnailsShown();
    }

    @Test
    @Order(40)
    void webcam_frames_get_a_verdict_each_and_the_good_ones_are_saved(TestInfo info) throws Exception {
        int before = service.get("/api/v1/persons/amy/faces").data().size();
        browser.find("#camera-start").click();
        browser.waitFor("#capture:not([hidden])", 10);
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(d -> ((Number) browser.js("return document.querySelector('#video').currentTime")).doubleValue() > 2);
        browser.find("#camera-shoot").click();
        browser.waitForText("#person-notice", "of 5 photos are good|None of the photos", 60);
        browser.screenshot(info.getTestMethod().orElseThrow().getName() + "-verdicts");
        List<WebElement> verdicts = browser.all(".results li .verdict");
        assertEquals(5, verdicts.size());
        long good = verdicts.stream().filter(v -> v.getText().equals("Good photo.")).count();
        assertTrue(good >= 1, "the fake camera shows Amy, already enrolled: " + verdicts.stream().map(WebElement::getText).toList());
        browser.find("#camera-save").click();
        browser.waitForText("#person-notice", "^" + good + " photos? saved", 60);
        assertEquals(before + good, service.get("/api/v1/persons/amy/faces").data().size());
        browser.waitForText("#person-count", (before + good) + " faces enrolled", 10);
        browser.waitForText("#people button.person[data-person='amy']", (before + good) + " faces", 10);
        thumbnailsShown();
        shot(info);
        browser.assertNoConsoleErrors();
    }

    @Test
    @Order(45)
    void deleting_a_face_thumbnail_removes_that_template_and_lowers_the_count(TestInfo info) throws Exception {
        JsonNode before = service.get("/api/v1/persons/amy/faces").data();
        int n = before.size();
        long gone = before.get(0).get("face_id").asLong();
        browser.find("#thumbs figure.thumb[data-face='" + gone + "'] button.danger").click();
        var alert = new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(5))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent());
        assertTrue(alert.getText().contains("Amy Farrah Fowler"), alert.getText());
        alert.accept();
        browser.waitForText("#person-notice", "^Face deleted\\.$", 10);
        browser.waitForText("#person-count", "^" + (n - 1) + " faces? enrolled", 10);
        assertTrue(browser.all("#thumbs figure.thumb[data-face='" + gone + "']").isEmpty(), "its thumbnail is gone");
        assertEquals(n - 1, browser.all("#thumbs figure.thumb").size());
        JsonNode after = service.get("/api/v1/persons/amy/faces").data();
        assertEquals(n - 1, after.size());
        assertFalse(after.toString().contains("\"face_id\":" + gone + ","), after.toString());
        browser.waitForText("#people button.person[data-person='amy']", (n - 1) + " faces|" + (n - 1) + " of 3", 10);
        thumbnailsShown();
        shot(info);
        tabletShot(info);
        browser.assertNoConsoleErrors();
    }

    @Test
    @Order(50)
    void the_kiosk_recognises_the_face_on_camera_and_greets_the_person_checked_in(TestInfo info) throws Exception {
        signIn(kioskKey);
        browser.waitFor("body.kiosk", 10);
        assertTrue(browser.driver().getCurrentUrl().endsWith("/kiosk.html"), browser.driver().getCurrentUrl());
        String greeting = browser.waitForText("#answer",
                "^Good (morning|afternoon|evening), Amy — checked in \\d\\d:\\d\\d$", 40);
        JsonNode today = service.get("/api/v1/attendance/today").data();
        assertEquals(1, today.size(), today.toString());
        assertEquals("amy", today.get(0).get("person_id").asText());
        assertTrue(today.get(0).get("check_out").isNull());
        assertTrue(greeting.endsWith(today.get(0).get("check_in").asText().substring(11, 16)), greeting);
        shot(info);
        browser.assertNoConsoleErrors();
    }

    @Test
    @Order(60)
    void the_dashboard_then_shows_the_person_in_since_their_check_in(TestInfo info) throws Exception {
        signInAsAdmin();
        String checkIn = service.get("/api/v1/attendance/today").data().get(0).get("check_in").asText();
        String row = browser.waitForText("#in-table tbody tr[data-person='amy']", "Amy Farrah Fowler", 10);
        assertTrue(row.contains(checkIn.substring(11, 16)) && row.contains("kiosk"), row);
        browser.waitForText("#in-count", "^1$", 10);
        browser.waitFor("#hour-chart svg rect.bar", 10);
        browser.waitFor("#day-chart svg rect.bar", 10);
        shot(info);
        tabletShot(info);
        browser.assertNoConsoleErrors();
    }

    @Test
    @Order(65)
    void the_kiosk_says_goodbye_on_the_way_out_and_the_dashboard_then_lists_the_person_as_left(TestInfo info)
            throws Exception {
        signIn(kioskKey);
        browser.waitFor("body.kiosk", 10);
        String bye = browser.waitForText("#answer", "^Bye, Amy — checked out \\d\\d:\\d\\d$", 40);
        JsonNode today = service.get("/api/v1/attendance/today").data();
        assertEquals(1, today.size(), today.toString());
        String in = today.get(0).get("check_in").asText().substring(11, 16);
        String out = today.get(0).get("check_out").asText().substring(11, 16);
        assertTrue(bye.endsWith(out), bye + " / " + today);
        shot(info);
        browser.assertNoConsoleErrors();

        signInAsAdmin();
        String row = browser.waitForText("#left-table tbody tr[data-person='amy']", "Amy Farrah Fowler", 10);
        assertTrue(row.contains(in) && row.contains(out), row);
        browser.waitForText("#in-count", "^0$", 10);
        browser.waitForText("#left-count", "^1$", 10);
        browser.waitForText("#in-table tbody", "Nobody is in", 10);
        browser.screenshot(info.getTestMethod().orElseThrow().getName() + "-dashboard");
        browser.assertNoConsoleErrors();
    }

    @Test
    @Order(70)
    void the_settings_form_tests_and_saves_odoo_and_never_shows_the_password(TestInfo info) throws Exception {
        browser.open(url("/settings.html"));
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
        shot(info);
        tabletShot(info);
        browser.assertNoConsoleErrors(502);
    }

    @Test
    @Order(80)
    void the_pull_button_shows_progress_while_it_runs_and_the_result_after(TestInfo info) throws Exception {
        odoo.latency("hr.employee.search_read", Duration.ofMillis(700));
        browser.open(url("/"));
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
        shot(info);
        browser.assertNoConsoleErrors();
    }

    @Test
    @Order(82)
    void the_push_button_shows_records_done_out_of_total_while_it_runs_and_what_odoo_took(TestInfo info)
            throws Exception {
        LocalDate yesterday = LocalDate.now(ZoneId.of(ZONE)).minusDays(1);
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
            manual(id, yesterday + "T08:00:00", yesterday + "T16:00:00");
        }
        int inRange = service.get("/api/v1/attendance?start_date=" + yesterday.minusDays(6) + "&limit=1").json()
                .get("total").asInt();
        odoo.latency("hr.attendance.create", Duration.ofMillis(1500));
        try {
            browser.open(url("/"));
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
        shot(info);
        tabletShot(info);
        browser.assertNoConsoleErrors();
    }

    @Test
    @Order(85)
    void the_people_list_narrows_to_a_department_and_to_who_still_needs_faces(TestInfo info) throws Exception {
        browser.open(url("/faces.html"));
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
        shot(info);
        browser.assertNoConsoleErrors();
    }

    @Test
    @Order(90)
    void the_report_page_shows_the_figures_and_its_csv_matches_the_json(TestInfo info) throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of(ZONE));
        LocalDate d1 = today.minusDays(2);
        LocalDate d2 = today.minusDays(1);
        manual("sheldon", d1 + "T08:45:00", d1 + "T17:15:00");
        manual("sheldon", d2 + "T09:20:00", d2 + "T12:00:00");
        manual("sheldon", d2 + "T13:00:00", d2 + "T18:00:00");
        manual("amy", d2 + "T10:00:00", d2 + "T16:30:00");

        browser.open(url("/reports.html"));
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
        shot(info);
        tabletShot(info);
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
        browser.open(url("/logs.html"));
        browser.waitFor("#logs tbody tr td", 10);
        new org.openqa.selenium.support.ui.Select(browser.find("#category")).selectByValue("security");
        new org.openqa.selenium.support.ui.Select(browser.find("#level")).selectByValue("warning");
        browser.find("#filters button[type=submit]").click();
        String first = browser.waitForText("#logs tbody tr", "Wrong API key", 10);
        assertTrue(first.contains("security") && first.contains("warning"), first);
        JsonNode api = service.get("/api/v1/logs?category=security&level=warning&limit=50").json();
        browser.waitForText("#summary", "^" + api.get("total").asInt() + " entr(y|ies), newest first", 10);
        assertEquals(api.get("data").size(), browser.all("#logs tbody tr").size());
        shot(info);
        tabletShot(info);

        LocalDate today = LocalDate.now(ZoneId.of(ZONE));
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
    @Order(120)
    void a_key_revoked_while_a_page_is_open_returns_to_sign_in_with_a_sentence_saying_so(TestInfo info)
            throws Exception {
        JsonNode key = service.post("/api/v1/apikeys", Map.of("name", "payroll", "scope", "read")).data();
        signIn(key.get("key").asText());
        browser.waitForText("#in-title", "In now", 10);
        browser.open(url("/logs.html"));
        browser.waitFor("#logs tbody tr td", 10);
        assertEquals(200, service.delete("/api/v1/apikeys/" + key.get("id").asLong()).status());
        browser.find("#filters button[type=submit]").click();
        browser.waitForText("#why", "^Your API key was not accepted \\(it may have been revoked\\)\\. Please sign in again\\.$", 10);
        assertTrue(browser.driver().getCurrentUrl().contains("/signin.html"), browser.driver().getCurrentUrl());
        assertEquals(null, browser.js("return sessionStorage.getItem('faceclock.key')"), "the dead key is forgotten");
        shot(info);
        browser.assertNoConsoleErrors(401);
        signInAsAdmin();
    }

    @Test
    @Order(130)
    void every_page_is_labelled_readable_and_usable_with_the_keyboard_alone(TestInfo info) throws Exception {
        for (String page : List.of("/", "/faces.html?person=amy", "/unknown.html", "/reports.html", "/logs.html",
                "/settings.html")) {
            browser.open(url(page));
            browser.waitFor("header.top nav a", 10);
            if (page.startsWith("/faces")) {
                browser.waitForText("#person-title", "Amy", 10);
                thumbnailsShown();
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
        browser.open(url("/faces.html"));
        browser.waitFor("#people button.person", 10);
        keys.tabTo("#q");
        keys.press("Sheldon");
        browser.waitForText("#summary", "^1 person;", 10);
        keys.tabTo("#people button.person[data-person='sheldon']");
        keys.press(Keys.ENTER);
        browser.waitForText("#person-title", "^Sheldon Cooper$", 10);
        browser.waitForText("#person-count", "No face enrolled yet", 10);
        shot(info);

        // and the report of a period, typed into the date fields
        browser.open(url("/reports.html"));
        browser.waitForText("#about", "Site days", 10);
        keys.tabTo("#start");
        LocalDate first = LocalDate.now(ZoneId.of(ZONE)).minusDays(1);
        keys.press(first.format(java.time.format.DateTimeFormatter.ofPattern("MMddyyyy")));
        keys.press(Keys.ENTER);
        browser.waitForText("#about", "^Site days " + first + " to ", 10);

        browser.assertNoConsoleErrors();
    }

    private void manual(String personId, String in, String out) {
        var r = service.post("/api/v1/attendance", Map.of("person_id", personId, "check_in", in, "check_out", out));
        assertEquals(201, r.status(), r.toString());
    }

    private static JsonNode find(JsonNode rows, String personId) {
        for (JsonNode r : rows) {
            if (r.get("person_id").asText().equals(personId)) {
                return r;
            }
        }
        throw new AssertionError(personId + " is not in " + rows);
    }
}
