package io.faceclock.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceclock.audit.AuditLog;
import io.faceclock.audit.LogLevel;
import io.faceclock.people.PersonFields;
import io.faceclock.support.RunningService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages in a real Chromium against what an attacker can put in front of them: a sign-in link
 * that would send the key holder to another site, and markup in text the API's own checks never
 * saw (an Odoo employee's name and department, an audit log entry), which must show as the characters
 * they are.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostilePagesTest {

    /** Markup an Odoo user may type as an employee's name: it must never become an element. */
    private static final String NAME = "<img src=x id=hostile-name>Mallory</script>";
    private static final String DEPARTMENT = "<a id=hostile-department href=\"javascript:alert(1)\">Sales</a>";
    private static final String LOGGED = "<svg id=hostile-log onload=alert(1)>";

    private PagesSite site;
    private RunningService service;
    private Browser browser;

    @BeforeAll
    void start() throws Exception {
        Path work = Files.createTempDirectory("faceclock-hostile-pages");
        site = PagesSite.start(work, FakeCamera.empty(2, work.resolve("camera.y4m")),
                Map.of("faceclock.face.enabled", "false"));
        service = site.service;
        browser = site.browser;
        // as a pull from Odoo stores them: the domain, not the API's text rules
        var beans = service.app().beans();
        beans.people().create(new PersonFields("ODOO_7", NAME, null, null, DEPARTMENT, null, Map.of(), true, 7L));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        beans.attendance().record("ODOO_7", now.minus(Duration.ofMinutes(5)), null, "manual", null);
        beans.auditLog().write(AuditLog.PERSON, LogLevel.WARNING, "Employee 7 said " + LOGGED,
                Map.of("detail", LOGGED));
    }

    @AfterAll
    void stop() throws Exception {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void a_sign_in_link_never_sends_the_key_holder_to_another_site() {
        // browsers read a backslash as a slash and drop tabs and newlines from a URL: each is //example.invalid
        for (String next : List.of("/\\example.invalid/signin.html", "/\t/example.invalid/", "/\n/example.invalid/",
                "/\\\\example.invalid/", "//example.invalid/", "https://example.invalid/")) {
            String landed = signInFrom("/signin.html?reason=rejected&next="
                    + URLEncoder.encode(next, StandardCharsets.UTF_8));
            assertTrue(landed.startsWith(service.baseUrl() + "/"), "next=" + next.replace("\t", "\\t")
                    .replace("\n", "\\n") + " took the browser to " + landed);
        }
        assertEquals(service.baseUrl() + "/logs.html", signInFrom("/signin.html?reason=rejected&next=/logs.html"),
                "a page of faceclock's own is still where signing in returns to");
    }

    @Test
    void markup_from_odoo_and_the_audit_log_shows_as_text_on_every_page() {
        signInFrom("/signin.html");
        browser.open(site.url("/"));
        browser.waitForText("#in-table", "Mallory", 15);
        assertShownAsText("#in-table", NAME, "hostile-name");

        browser.open(site.url("/faces.html"));
        browser.waitForText("#people", "Mallory", 15);
        assertShownAsText("#people", NAME, "hostile-name");
        assertShownAsText("#people", DEPARTMENT, "hostile-department");
        assertEquals(DEPARTMENT, browser.js("return document.querySelector('#department option:last-child').textContent"));

        browser.open(site.url("/reports.html"));
        browser.waitForText("#report", "Mallory", 15);
        assertShownAsText("#report", NAME, "hostile-name");

        browser.open(site.url("/logs.html"));
        browser.waitForText("#logs", "Employee 7 said", 15);
        assertShownAsText("#logs", LOGGED, "hostile-log");
    }

    private void assertShownAsText(String where, String text, String hostileId) {
        assertEquals(0L, browser.js("return document.querySelectorAll('#" + hostileId + "').length"),
                "the markup became an element");
        String shown = browser.find(where).getText();
        assertTrue(shown.contains(text), where + " shows: " + shown);
    }

    /** Opens the sign-in page at this path, signs in as admin, answers where the browser ends up. */
    private String signInFrom(String path) {
        browser.open(site.url(path));
        browser.js("sessionStorage.clear()");
        browser.find("#key").sendKeys(service.adminKey() + Keys.ENTER);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl()
                .startsWith(service.baseUrl() + "/signin.html"));
        return browser.driver().getCurrentUrl();
    }
}
