package io.faceclock.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceclock.support.RunningService;
import io.faceclock.support.RunningService.Reply;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailedKeyThrottleTest {

    @Test
    void an_address_that_keeps_sending_wrong_keys_is_refused_for_a_while() throws Exception {
        try (RunningService service = RunningService.start(Files.createTempDirectory("faceclock-throttle"), null, "UTC",
                Map.of("faceclock.security.failed-key-limit", "3",
                        "faceclock.security.failed-key-block-seconds", "120"))) {
            for (int i = 0; i < 3; i++) {
                assertEquals(401, service.send("GET", "/api/v1/persons", null, "fck_guess" + i).status());
            }
            Reply blocked = service.get("/api/v1/persons");
            assertEquals(429, blocked.status(), "even the right key waits: " + blocked);
            assertTrue(Integer.parseInt(blocked.headers().get("retry-after").get(0)) > 100, blocked.headers().toString());
            assertEquals("X-API-Key", blocked.json().get("field").asText());

            assertTrue(service.app().beans().auditLog().newest("security", null, 10).stream()
                    .anyMatch(e -> e.message().contains("blocked after repeated wrong API keys")));
        }
    }

    @Test
    void behind_a_trusted_proxy_each_client_is_counted_on_its_own() throws Exception {
        try (RunningService service = RunningService.start(Files.createTempDirectory("faceclock-proxy"), null, "UTC",
                Map.of("faceclock.security.failed-key-limit", "2",
                        "faceclock.security.trusted-proxies", "127.0.0.1"))) {
            for (int i = 0; i < 2; i++) {
                assertEquals(401, viaProxy(service, "198.51.100.7", "fck_guess" + i).status());
            }
            assertEquals(429, viaProxy(service, "198.51.100.7", service.adminKey()).status());
            assertEquals(200, viaProxy(service, "198.51.100.8", service.adminKey()).status(),
                    "another client behind the same proxy is not blocked");
            assertEquals(200, viaProxy(service, "203.0.113.1, 198.51.100.8", service.adminKey()).status(),
                    "only the hop the proxy added counts, not what the client claims");
        }
    }

    private static Reply viaProxy(RunningService service, String forwardedFor, String key) throws Exception {
        java.net.http.HttpRequest req = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(service.baseUrl() + "/api/v1/persons")).header("X-API-Key", key)
                .header("X-Forwarded-For", forwardedFor).build();
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(req,
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body(), r.headers().map());
    }
}
