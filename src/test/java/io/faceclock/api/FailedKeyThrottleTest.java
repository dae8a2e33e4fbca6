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

            assertTrue(service.app().services().audit().newest("security", null, 10).stream()
                    .anyMatch(e -> e.message().contains("blocked after repeated wrong API keys")));
        }
    }
}
