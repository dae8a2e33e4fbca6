package io.faceclock.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * API answers hold people's names, attendance and faces: no cache on the way (a reverse proxy told
 * to cache, which does not know that X-API-Key is a credential) may keep one for the next caller,
 * and no browser may read one as another type than it says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnswerHeadersTest {

    private RunningService service;

    @BeforeAll
    void start() throws Exception {
        service = RunningService.start(Files.createTempDirectory("faceclock-headers"), null, "Europe/Brussels",
                Map.of("faceclock.face.enabled", "false"));
        service.post("/api/v1/persons", Map.of("person_id", "EMP1", "name", "Ann Lee"));
    }

    @AfterAll
    void stop() {
        service.close();
    }

    @Test
    void no_answer_of_the_api_may_be_stored_by_a_cache_or_sniffed() {
        String key = service.adminKey();
        List<Reply> answers = List.of(
                service.get("/api/v1/persons"),
                service.get("/api/v1/persons/EMP1"),
                service.get("/api/v1/attendance/today"),
                service.get("/api/v1/reports/attendance?start_date=2025-01-01&end_date=2025-01-31&format=csv"),
                service.get("/api/v1/logs"),
                service.get("/observe/metrics"),
                service.send("GET", "/observe/health", null, null),
                service.send("GET", "/api/v1/persons", null, null),
                service.send("GET", "/api/v1/persons", null, "fck_not-a-key"),
                service.send("GET", "/api/v1/nowhere", null, key),
                service.raw("POST", "/api/v1/persons", "x", "text/plain", key),
                service.get("/api/v1/persons/EMP1/faces/1/thumbnail"));
        for (Reply r : answers) {
            assertEquals(List.of("no-store"), r.headers().get("cache-control"), r.toString());
            assertEquals(List.of("nosniff"), r.headers().get("x-content-type-options"), r.toString());
        }
    }

    @Test
    void the_pages_keep_their_own_rule_revalidated_not_stored_elsewhere() {
        Reply page = service.send("GET", "/faces.html", null, null);
        assertEquals(200, page.status());
        assertEquals(List.of("no-cache"), page.headers().get("cache-control"));
    }
}
