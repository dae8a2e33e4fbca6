package io.faceclock.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.faceclock.face.Shared;
import io.faceclock.support.RunningService;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a pages test class stands on: the real service on its own data folder (shared models, no
 * scheduled push, Brussels time) and a real Chromium whose webcam plays a clip, with the steps
 * every page test takes (sign in, wait for thumbnails, screenshots).
 */
final class PagesSite implements AutoCloseable {

    static final String ZONE = "Europe/Brussels";

    final Path work;
    final RunningService service;
    final Browser browser;
    final PageChecks keys;

    private PagesSite(Path work, RunningService service, Browser browser) {
        this.work = work;
        this.service = service;
        this.browser = browser;
        this.keys = new PageChecks(browser);
    }

    /** @param camera the clip the browser's webcam plays; settings are added to the defaults above */
    static PagesSite start(Path work, Path camera, Map<String, String> settings) throws Exception {
        Map<String, String> all = new HashMap<>(Map.of("faceclock.models.dir", Shared.models().toString(),
                "faceclock.odoo.outbox-cron", "0 0 0 1 1 ? 2099"));
        all.putAll(settings);
        RunningService service = RunningService.start(work.resolve("data"), null, ZONE, all);
        try {
            return new PagesSite(work, service, new Browser(camera, Path.of("target", "screenshots")));
        } catch (Exception | Error e) {
            service.close();
            throw e;
        }
    }

    String url(String path) {
        return service.baseUrl() + path;
    }

    void signIn(String key) {
        browser.open(url("/signin.html"));
        browser.js("sessionStorage.clear()");
        browser.find("#key").sendKeys(key);
        browser.find("#signin button[type=submit]").click();
    }

    /** With the keyboard only: type the key, press Enter. */
    void signInAsAdmin() {
        browser.open(url("/signin.html"));
        browser.js("sessionStorage.clear()");
        browser.find("#key").sendKeys(service.adminKey() + Keys.ENTER);
        browser.waitFor("header.top nav", 10);
    }

    /** Every thumbnail on the Faces page has loaded (they come as blobs, after the list). */
    void thumbnailsShown() {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d ->
                Boolean.TRUE.equals(browser.js("return [...document.querySelectorAll('#thumbs img')]"
                        + ".every(i => i.complete && i.naturalWidth > 0)")));
    }

    void shot(TestInfo info) throws Exception {
        browser.shot(info.getTestMethod().orElseThrow().getName());
    }

    void tabletShot(TestInfo info) throws Exception {
        browser.tabletShot(info.getTestMethod().orElseThrow().getName());
    }

    /** A finished attendance typed in by an admin; times are local (yyyy-MM-ddTHH:mm:ss). */
    void manual(String personId, String in, String out) {
        var r = service.post("/api/v1/attendance", Map.of("person_id", personId, "check_in", in, "check_out", out));
        assertEquals(201, r.status(), r.toString());
    }

    /** Posts one photo as a multipart form, as the Faces page does, with the admin key. */
    RunningService.Reply upload(String path, Path photo) throws Exception {
        String boundary = "faceclock-pages-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"" + photo.getFileName()
                + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.write(Files.readAllBytes(photo));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return service.bytes("POST", path, body.toByteArray(), "multipart/form-data; boundary=" + boundary,
                service.adminKey());
    }

    @Override
    public void close() throws Exception {
        try {
            browser.close();
        } finally {
            service.close();
        }
    }
}
