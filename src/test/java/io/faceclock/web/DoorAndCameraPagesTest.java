package io.faceclock.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faceclock.face.Shared;
import io.faceclock.support.RunningService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.openqa.selenium.WebElement;

/**
 * The door and the cameras in a real Chromium: the kiosk's refusals in plain words (a stranger, a
 * face too far away, nobody there), then two cameras on real clips from ../shared/video: their
 * tiles on the dashboard, and the unknown faces they queued assigned to a person or discarded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DoorAndCameraPagesTest {

    private PagesSite site;
    private RunningService service;
    private Browser browser;
    private PageChecks keys;
    private String kioskKey;
    private Path work;
    private Path camera;

    @BeforeAll
    void start() throws Exception {
        work = Files.createTempDirectory("faceclock-door-pages");
        camera = FakeCamera.empty(10, work.resolve("camera.y4m"));
        site = PagesSite.start(work, camera, Map.of());
        service = site.service;
        browser = site.browser;
        keys = site.keys;
        kioskKey = service.post("/api/v1/apikeys", Map.of("name", "front door", "scope", "kiosk")).data()
                .get("key").asText();
        assertEquals(201, service.post("/api/v1/persons", Map.of("person_id", "amy", "name", "Amy Farrah Fowler"))
                .status());
        for (String photo : List.of("amy1.png", "amy3.png")) {
            RunningService.Reply r = site.upload("/api/v1/persons/amy/faces", Shared.root().resolve("faces/bbt/amy/" + photo));
            assertEquals(201, r.status(), r.toString());
        }
        browser.open(site.url("/signin.html"));
        browser.find("#key").sendKeys(kioskKey + Keys.ENTER);
        browser.waitFor("body.kiosk", 10);
    }

    @AfterAll
    void stop() throws Exception {
        if (site != null) {
            site.close();
        }
    }

    /** The kiosk page again, after the fake camera's file was rewritten to show something else. */
    private void kioskSees(Path scene) throws Exception {
        browser.open("about:blank"); // the camera stops with the page; the next page opens the file afresh
        Files.copy(scene, camera, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        browser.open(site.url("/kiosk.html"));
        browser.waitFor("body.kiosk", 10);
    }

    private long marksSent() {
        return (Long) browser.js("return performance.getEntriesByType('resource')"
                + ".filter(e => e.name.endsWith('/api/v1/attendance/mark')).length");
    }

    @Test
    @Order(10)
    void the_kiosk_tells_a_stranger_a_face_too_far_and_an_empty_tap_what_is_wrong_in_plain_words(TestInfo info)
            throws Exception {
        String name = info.getTestMethod().orElseThrow().getName();
        kioskSees(FakeCamera.clip(Shared.root().resolve("faces/bbt/penny/penny1.png"), 300, 10, work.resolve("penny.y4m")));
        browser.waitForText("#answer", "^I don't know this face$", 30);
        browser.screenshot(name + "-unknown");
        browser.tabletShot(name + "-unknown");

        kioskSees(FakeCamera.clip(Shared.root().resolve("faces/bbt/amy/amy2.png"), 56, 10, work.resolve("far.y4m")));
        browser.waitForText("#answer", "^Please come closer$", 30);
        browser.screenshot(name + "-too-small");

        kioskSees(FakeCamera.empty(10, work.resolve("empty.y4m")));
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(d -> marksSent() >= 3);
        assertEquals("Look at the camera", browser.find("#answer").getText(),
                "an empty doorway keeps the waiting words, every second");
        keys.press(Keys.ENTER);
        browser.waitForText("#answer", "^I can't see a face: please look at the camera$", 15);
        browser.waitForText("#answer", "^Look at the camera$", 10);
        browser.find("#kiosk").click();
        browser.waitForText("#answer", "^I can't see a face: please look at the camera$", 15);
        browser.shot(name + "-no-face");
        keys.labelledAndReadable("/kiosk.html");

        assertEquals(0, service.get("/api/v1/attendance/today").data().size(), "nothing recorded for any of them");
        browser.assertNoConsoleErrors(422);
    }

    /** A camera from the shipped template, on a shared clip played as fast as analysis allows. */
    private void addCamera(String id, String clip) throws Exception {
        Path file = Shared.root().resolve("video").resolve(clip);
        assertTrue(Files.isRegularFile(file), "missing shared clip " + file + " (see ../shared/video/SOURCES.md)");
        org.apache.camel.builder.TemplatedRouteBuilder.builder(service.app().camel(), "camera")
                .routeId("camera-" + id).parameter("id", id).parameter("url", file.toString())
                .parameter("realtime", "false").add();
    }

    private JsonNode cameraOnceEnded(String id) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < until) {
            for (JsonNode c : service.get("/api/v1/cameras").data()) {
                last = id.equals(c.get("id").asText()) ? c : last;
            }
            if (last != null && "ended".equals(last.get("state").asText())) {
                return last;
            }
            Thread.sleep(200); // the camera reads its clip on its own thread
        }
        throw new AssertionError("camera " + id + " never played its clip to the end; last seen " + last);
    }

    @Test
    @Order(20)
    void the_dashboard_shows_each_camera_with_its_latest_snapshot_state_and_visits(TestInfo info) throws Exception {
        addCamera("door", "asl/person_a_again.mkv");
        addCamera("hall", "asl/person_b_bird.mkv");
        JsonNode door = cameraOnceEnded("door");
        JsonNode hall = cameraOnceEnded("hall");
        assertTrue(door.get("visits_today").asInt() >= 1, door.toString());

        site.signInAsAdmin();
        browser.assertNoConsoleErrors(422); // the kiosk's last frames, answered after it closed
        for (JsonNode c : List.of(door, hall)) {
            String tile = "#camera-tiles .tile[data-camera='" + c.get("id").asText() + "']";
            String caption = browser.waitForText(tile + " .caption", c.get("id").asText(), 10);
            assertTrue(caption.contains("ended"), caption);
            int visits = c.get("visits_today").asInt();
            assertEquals(visits + (visits == 1 ? " visit today" : " visits today"),
                    browser.find(tile + " [data-fact='visits']").getText());
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d ->
                    Boolean.TRUE.equals(browser.js("const i = document.querySelector(arguments[0] + ' img');"
                            + "return i.complete && i.naturalWidth > 0;", tile)));
        }
        site.shot(info);
        browser.tabletShot(info.getTestMethod().orElseThrow().getName());
        browser.assertNoConsoleErrors();
    }

    @Test
    @Order(30)
    void an_unknown_face_is_assigned_to_a_person_found_by_name_with_the_keyboard_and_another_is_discarded(
            TestInfo info) throws Exception {
        assertEquals(201, service.post("/api/v1/persons", Map.of("person_id", "quentin", "name", "Quentin Zebulon",
                "department", "Physics")).status());
        JsonNode queue = service.get("/api/v1/unknown-faces?limit=1000").data();
        JsonNode fromDoor = biggest(queue, "door");
        JsonNode fromHall = biggest(queue, "hall");
        assertTrue(fromDoor != null && fromHall != null, "both cameras queued the strangers they saw: " + queue);

        browser.open(site.url("/unknown.html"));
        String doorTile = ".tile[data-face='" + fromDoor.get("id").asText() + "']";
        browser.waitFor(doorTile + " img[src^='blob:']", 10);
        assertEquals(queue.size(), browser.all("#queue .tile").size());
        browser.screenshot(info.getTestMethod().orElseThrow().getName() + "-queue");

        // with the keyboard only: type part of the name, Tab to the offered person, Enter, then Enter on Assign
        WebElement who = browser.find(doorTile + " input[type=search]");
        assertEquals("Who is this?", browser.find(doorTile + " label[for='" + who.getAttribute("id") + "']").getText());
        who.click();
        who.sendKeys("zebul");
        browser.waitForText(doorTile + " .suggestions button", "Quentin Zebulon", 10);
        keys.press(Keys.TAB);
        assertEquals("quentin", browser.js("return document.activeElement.dataset.person"));
        keys.press(Keys.ENTER);
        assertEquals("Assign", browser.js("return document.activeElement.textContent"), "the choice moves on to Assign");
        assertEquals("Quentin Zebulon", who.getAttribute("value"));
        keys.press(Keys.ENTER);
        browser.waitForText(doorTile + " .notice", "^Assigned to Quentin Zebulon", 20);
        JsonNode faces = service.get("/api/v1/persons/quentin/faces").data();
        assertTrue(faces.size() >= 1, "the face became Quentin's template: " + faces);
        browser.screenshot(info.getTestMethod().orElseThrow().getName() + "-assigned");
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> browser.all(doorTile).isEmpty());

        String hallTile = ".tile[data-face='" + fromHall.get("id").asText() + "']";
        browser.find(hallTile + " button.danger").click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> browser.all(hallTile).isEmpty());
        JsonNode left = service.get("/api/v1/unknown-faces?limit=1000").data();
        assertEquals(queue.size() - 2, left.size(), "one assigned, one discarded: " + left);
        for (JsonNode u : left) {
            assertFalse(u.get("id").equals(fromDoor.get("id")) || u.get("id").equals(fromHall.get("id")), u.toString());
        }
        assertEquals(left.size(), browser.all("#queue .tile").size());
        site.shot(info);
        browser.tabletShot(info.getTestMethod().orElseThrow().getName());
        browser.assertNoConsoleErrors();
    }

    private static JsonNode biggest(JsonNode queue, String camera) {
        JsonNode best = null;
        for (JsonNode u : queue) {
            if (camera.equals(u.get("camera").asText())
                    && (best == null || u.get("face_px").asInt() > best.get("face_px").asInt())) {
                best = u;
            }
        }
        return best;
    }
}
