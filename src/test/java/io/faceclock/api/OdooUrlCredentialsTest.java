package io.faceclock.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceclock.config.FaceclockSettings;
import io.faceclock.config.Settings;
import io.faceclock.support.RunningService;
import io.faceclock.support.RunningService.Reply;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An Odoo URL written with a user and password in it (https://user:secret@odoo…) would be kept and
 * shown as it is: to read keys in the sync status and the saved configuration, in the audit log and
 * the server log. faceclock never sends them (the user and password have their own fields), so such
 * a URL is refused wherever it is given.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OdooUrlCredentialsTest {

    private static final String SECRET = "S3cret-in-the-url";
    private static final List<String> URLS = List.of("https://odoo:" + SECRET + "@odoo.example.com",
            "http://" + SECRET + "@127.0.0.1:1/", "HTTPS://odoo:" + SECRET + "@[::1]:8069/odoo");

    private RunningService service;

    @BeforeAll
    void start() throws Exception {
        service = RunningService.start(Files.createTempDirectory("faceclock-odoo-url"), null, "Europe/Brussels",
                Map.of("faceclock.face.enabled", "false"));
    }

    @AfterAll
    void stop() {
        service.close();
    }

    @Test
    void a_url_holding_a_password_is_refused_naming_the_url_and_nothing_shows_it() {
        for (String url : URLS) {
            for (String path : List.of("/api/v1/sync/odoo/config", "/api/v1/sync/odoo/test", "/api/v1/sync/odoo/pull",
                    "/api/v1/sync/odoo/push")) {
                Map<String, Object> body = new java.util.HashMap<>(Map.of("url", url, "db", "x", "username", "u",
                        "password", "p"));
                if (path.endsWith("/config")) {
                    body.put("test", false); // saved without a connection test: nothing else stops it
                }
                Reply r = service.post(path, body);
                assertEquals(400, r.status(), path + " " + url + ": " + r);
                assertEquals("url", r.json().get("field").asText(), r.toString());
                assertFalse(r.body().contains(SECRET), "the refusal repeats the secret: " + r);
            }
        }
        assertFalse(service.get("/api/v1/sync/odoo/config").json().get("configured").asBoolean());
        for (String seen : List.of(service.get("/api/v1/sync/status").body(), service.get("/api/v1/logs?limit=500").body())) {
            assertFalse(seen.contains(SECRET), seen);
        }
    }

    @Test
    void the_setting_holding_a_password_stops_the_start_naming_it() {
        String why = assertThrows(IllegalArgumentException.class, () -> FaceclockSettings.read(Settings.of(
                Map.of("faceclock.odoo.url", URLS.get(0))))).getMessage();
        assertTrue(why.contains("faceclock.odoo.url") && why.contains("faceclock.odoo.password"), why);
        assertFalse(why.contains(SECRET), why);
    }
}
