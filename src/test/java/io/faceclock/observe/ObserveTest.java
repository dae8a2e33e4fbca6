package io.faceclock.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faceclock.fakeodoo.FakeOdoo;
import io.faceclock.fakeodoo.OdooVersion;
import io.faceclock.support.RunningService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Metrics on a management port of their own, and wrong keys on health counted like on the API. */
class ObserveTest {

    @Test
    void metrics_on_their_own_port_need_no_key_and_leave_the_main_port() throws Exception {
        int management = RunningService.freePort();
        try (RunningService service = RunningService.start(Files.createTempDirectory("faceclock-mgmt"), null, "UTC",
                Map.of("faceclock.management.port", String.valueOf(management),
                        "faceclock.security.failed-key-limit", "3"))) {
            HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + management + "/observe/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, metrics.statusCode());
            assertTrue(metrics.body().contains("camel_exchanges_total"));
            RunningService.Reply onMain = service.raw("GET", "/observe/metrics", null, null, service.adminKey());
            assertNotEquals(200, onMain.status(), "metrics are only on the management port: " + onMain);

            for (int i = 0; i < 3; i++) {
                RunningService.Reply wrong = service.send("GET", "/observe/health", null, "fck_wrong-" + i);
                assertEquals(200, wrong.status());
                assertFalse(wrong.json().has("components"), "a wrong key sees the status alone");
            }
            assertEquals(429, service.send("GET", "/api/v1/persons", null, "fck_wrong-again").status(),
                    "wrong keys sent to health count toward the same throttle");
        }
    }

    @Test
    void odoo_down_shows_in_the_details_and_leaves_faceclock_healthy() throws Exception {
        try (FakeOdoo odoo = FakeOdoo.start(OdooVersion.V18);
             RunningService service = RunningService.start(Files.createTempDirectory("faceclock-odoo-health"), null,
                     "UTC", Map.of())) {
            assertEquals(200, service.post("/api/v1/sync/odoo/config", Map.of("url", odoo.url(), "db", odoo.db(),
                    "username", "admin", "password", "admin")).status());
            assertEquals(200, service.post("/api/v1/sync/odoo/pull", Map.of()).status());
            JsonNode ok = service.get("/observe/health").json().get("components").get("odoo");
            assertEquals("UP", ok.get("status").asText(), ok.toString());
            assertEquals("ok", ok.get("sync").asText(), ok.toString());

            odoo.goDown();
            service.post("/api/v1/sync/odoo/pull", Map.of());
            RunningService.Reply health = service.get("/observe/health");
            assertEquals(200, health.status(), "Odoo is optional: " + health);
            JsonNode down = health.json().get("components").get("odoo");
            assertEquals("DOWN", down.get("status").asText(), down.toString());
            assertFalse(down.get("essential").asBoolean());
            assertTrue(down.get("reason").asText().length() > 5, down.toString());
            assertEquals("{\"status\":\"UP\"}", service.send("GET", "/observe/health", null, null).body()
                    .replace(" ", ""), "without a key, Odoo's trouble stays out of the answer");
        }
    }
}
