package io.faceclock.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
