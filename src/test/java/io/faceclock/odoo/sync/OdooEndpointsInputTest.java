package io.faceclock.odoo.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceclock.support.RunningService;
import io.faceclock.support.RunningService.Reply;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input to the sync endpoints, and a sync asked for before Odoo is configured. */
class OdooEndpointsInputTest {

    @Test
    void bad_sync_requests_get_a_4xx_naming_the_field_and_save_nothing() throws Exception {
        try (RunningService service = RunningService.start(Files.createTempDirectory("faceclock-odoo-input"), null,
                "UTC", Map.of())) {
            assertError(service.post("/api/v1/sync/odoo/push", Map.of("start_date", "2025-01-01")), 409, null);
            assertTrue(service.post("/api/v1/sync/odoo/pull", Map.of()).json().get("error").asText()
                    .contains("not configured"));
            assertError(service.post("/api/v1/sync/odoo/config", Map.of("url", "ftp://odoo", "db", "d",
                    "username", "u", "password", "p")), 400, "url");
            assertError(service.post("/api/v1/sync/odoo/config", Map.of("url", "https://odoo.example.com",
                    "db", "d", "username", "u")), 400, "password");
            assertError(service.post("/api/v1/sync/odoo/config", Map.of("url", "https://odoo.example.com",
                    "db", "d", "username", "u", "password", "p", "extra", 1)), 400, "extra");
            assertError(service.post("/api/v1/sync/odoo/config", "{\"url\": "), 400, "body");
            assertError(service.post("/api/v1/sync/odoo/pull", Map.of("limit", "many")), 400, "limit");
            assertError(service.post("/api/v1/sync/odoo/push", Map.of("start_date", "2025-02-30")), 400, "start_date");
            assertError(service.post("/api/v1/sync/odoo/push", Map.of("start_date", "2025-02-10",
                    "end_date", "2025-02-01")), 400, "end_date");
            String read = service.post("/api/v1/apikeys", Map.of("name", "r", "scope", "read")).data().get("key")
                    .asText();
            assertEquals(403, service.send("POST", "/api/v1/sync/odoo/test", Map.of(), read).status(),
                    "making faceclock connect somewhere needs admin");
            Reply config = service.get("/api/v1/sync/odoo/config");
            assertFalse(config.json().get("configured").asBoolean(), "nothing was saved: " + config);
        }
    }

    private static void assertError(Reply r, int status, String field) {
        assertEquals(status, r.status(), r.toString());
        assertFalse(r.json().get("success").asBoolean());
        if (field != null) {
            assertEquals(field, r.json().get("field").asText(), r.toString());
        }
        assertFalse(r.body().contains("Exception"), r.toString());
    }
}
