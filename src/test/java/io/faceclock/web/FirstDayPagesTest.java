package io.faceclock.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faceclock.face.Shared;
import io.faceclock.support.RunningService;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.openqa.selenium.WebElement;

/**
 * Amy's first day in the pages, in a real Chromium against the real service, in order: sign in,
 * enrol her face (an upload, photos refused with the reason, webcam frames, a thumbnail deleted),
 * check in and out at the kiosk, and the dashboard following her. Every test leaves a full-page
 * screenshot in target/screenshots named after it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstDayPagesTest {

    private PagesSite site;
    private RunningService service;
    private Browser browser;
    private String kioskKey;

    @BeforeAll
    void start() throws Exception {
        Path work = Files.createTempDirectory("faceclock-first-day");
        site = PagesSite.start(work, FakeCamera.clip(Shared.root().resolve("faces/bbt/amy/amy2.png"), 360, 10,
                work.resolve("amy.y4m")), Map.of("faceclock.attendance.cooldown-seconds", "5"));
        service = site.service;
        browser = site.browser;
        kioskKey = service.post("/api/v1/apikeys", Map.of("name", "front door", "scope", "kiosk")).data()
                .get("key").asText();
        assertEquals(201, service.post("/api/v1/persons", Map.of("person_id", "amy", "name", "Amy Farrah Fowler",
                "department", "Neuroscience")).status());
        assertEquals(201, service.post("/api/v1/persons", Map.of("person_id", "sheldon", "name", "Sheldon Cooper",
                "department", "Physics")).status());
    }

    @AfterAll
    void stop() throws Exception {
        if (site != null) {
            site.close();
        }
    }

    @Test
    @Order(10)
    void signing_in_keeps_the_key_in_the_tab_and_a_wrong_key_is_told_plainly(TestInfo info) throws Exception {
        browser.open(site.url("/"));
        browser.waitForText("h1", "faceclock", 10);
        assertTrue(browser.driver().getCurrentUrl().endsWith("/signin.html"), browser.driver().getCurrentUrl());

        site.signIn("not-a-key-at-all");
        browser.waitForText("#why", "not known or has been revoked", 10);
        browser.screenshot(info.getTestMethod().orElseThrow().getName() + "-wrong-key");
        browser.tabletShot(info.getTestMethod().orElseThrow().getName() + "-wrong-key");
        browser.assertNoConsoleErrors(401);

        site.signInAsAdmin();
        browser.waitForText("#in-title", "In now", 10);
        assertTrue(browser.driver().getCurrentUrl().endsWith("/"), browser.driver().getCurrentUrl());
        assertEquals(service.adminKey(), browser.js("return sessionStorage.getItem('faceclock.key')"));
        assertEquals(null, browser.js("return localStorage.getItem('faceclock.key')"));
        assertFalse(browser.driver().manage().getCookies().stream().anyMatch(c -> c.getValue().contains(service.adminKey())));
        site.shot(info);
        site.tabletShot(info);
        browser.assertNoConsoleErrors();
    }

    @Test
    @Order(20)
    void enrolling_by_uploading_a_photo_shows_its_thumbnail_and_the_template_count(TestInfo info) throws Exception {
        browser.open(site.url("/faces.html"));
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
        site.shot(info);
        site.tabletShot(info);
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
        Path file = site.work.resolve(name);
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
        site.shot(info);
        site.tabletShot(info);
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
        site.thumbnailsShown();
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
        site.thumbnailsShown();
        site.shot(info);
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
        site.thumbnailsShown();
        site.shot(info);
        site.tabletShot(info);
        browser.assertNoConsoleErrors();
    }

    @Test
    @Order(50)
    void the_kiosk_recognises_the_face_on_camera_and_greets_the_person_checked_in(TestInfo info) throws Exception {
        site.signIn(kioskKey);
        browser.waitFor("body.kiosk", 10);
        assertTrue(browser.driver().getCurrentUrl().endsWith("/kiosk.html"), browser.driver().getCurrentUrl());
        String greeting = browser.waitForText("#answer",
                "^Good (morning|afternoon|evening), Amy — checked in \\d\\d:\\d\\d$", 40);
        JsonNode today = service.get("/api/v1/attendance/today").data();
        assertEquals(1, today.size(), today.toString());
        assertEquals("amy", today.get(0).get("person_id").asText());
        assertTrue(today.get(0).get("check_out").isNull());
        assertTrue(greeting.endsWith(today.get(0).get("check_in").asText().substring(11, 16)), greeting);
        site.shot(info);
        browser.assertNoConsoleErrors();
    }

    @Test
    @Order(60)
    void the_dashboard_then_shows_the_person_in_since_their_check_in(TestInfo info) throws Exception {
        site.signInAsAdmin();
        String checkIn = service.get("/api/v1/attendance/today").data().get(0).get("check_in").asText();
        String row = browser.waitForText("#in-table tbody tr[data-person='amy']", "Amy Farrah Fowler", 10);
        assertTrue(row.contains(checkIn.substring(11, 16)) && row.contains("kiosk"), row);
        browser.waitForText("#in-count", "^1$", 10);
        browser.waitFor("#hour-chart svg rect.bar", 10);
        browser.waitFor("#day-chart svg rect.bar", 10);
        site.shot(info);
        site.tabletShot(info);
        browser.assertNoConsoleErrors();
    }

    @Test
    @Order(65)
    void the_kiosk_says_goodbye_on_the_way_out_and_the_dashboard_then_lists_the_person_as_left(TestInfo info)
            throws Exception {
        site.signIn(kioskKey);
        browser.waitFor("body.kiosk", 10);
        String bye = browser.waitForText("#answer", "^Bye, Amy — checked out \\d\\d:\\d\\d$", 40);
        JsonNode today = service.get("/api/v1/attendance/today").data();
        assertEquals(1, today.size(), today.toString());
        String in = today.get(0).get("check_in").asText().substring(11, 16);
        String out = today.get(0).get("check_out").asText().substring(11, 16);
        assertTrue(bye.endsWith(out), bye + " / " + today);
        site.shot(info);
        browser.assertNoConsoleErrors();

        site.signInAsAdmin();
        String row = browser.waitForText("#left-table tbody tr[data-person='amy']", "Amy Farrah Fowler", 10);
        assertTrue(row.contains(in) && row.contains(out), row);
        browser.waitForText("#in-count", "^0$", 10);
        browser.waitForText("#left-count", "^1$", 10);
        browser.waitForText("#in-table tbody", "Nobody is in", 10);
        browser.screenshot(info.getTestMethod().orElseThrow().getName() + "-dashboard");
        browser.assertNoConsoleErrors();
    }}
