package io.faceclock.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faceclock.support.RunningService;
import io.faceclock.support.RunningService.Reply;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Camel copies query parameters into the message headers: the key and the proxy's X-Forwarded-For
 * must come from the request's own headers, never from the URL (a key in a URL ends up in proxy
 * logs and browser history; an address in it would be the client's own word).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyInTheUrlTest {

    private RunningService service;

    @BeforeAll
    void start() throws Exception {
        // the test client is the "reverse proxy": its X-Forwarded-For names the client
        service = RunningService.start(Files.createTempDirectory("faceclock-url-key"), null, "Europe/Brussels",
                Map.of("faceclock.security.trusted-proxies", "127.0.0.1"));
    }

    @AfterAll
    void stop() {
        service.close();
    }

    @Test
    void a_key_in_the_query_string_opens_nothing() {
        String key = URLEncoder.encode(service.adminKey(), StandardCharsets.UTF_8);
        for (String name : List.of("X-API-Key", "x-api-key", "X-Api-Key")) {
            Reply r = service.send("GET", "/api/v1/apikeys?" + name + "=" + key, null, null);
            assertEquals(401, r.status(), name + ": " + r);
            assertEquals("X-API-Key", r.json().get("field").asText());
        }
        Reply health = service.send("GET", "/observe/health?X-API-Key=" + key, null, null);
        assertFalse(health.json().has("components"), "health details without a key header: " + health);
    }

    @Test
    void the_header_key_is_the_one_judged_whatever_the_query_string_says() {
        String read = service.post("/api/v1/apikeys", Map.of("name", "url probe", "scope", "read")).data()
                .get("key").asText();
        Reply r = service.send("POST", "/api/v1/apikeys?X-API-Key=" + service.adminKey(),
                Map.of("name", "made by a read key", "scope", "admin"), read);
        assertEquals(403, r.status(), r.toString());
        Reply listed = service.send("GET", "/api/v1/persons?X-API-Key=not-a-key", null, read);
        assertEquals(200, listed.status(), "a read key with rubbish in the URL still reads: " + listed);
    }

    @Test
    void the_address_behind_a_trusted_proxy_comes_from_its_header_not_the_url() throws IOException {
        Reply r = service.send("GET", "/api/v1/persons?X-Forwarded-For=203.0.113.66", null, "fck_wrong-key-1");
        assertEquals(401, r.status(), r.toString());
        JsonNode logs = service.get("/api/v1/logs?category=security&limit=5").data();
        String latest = logs.get(0).get("details").get("address").asText();
        assertEquals("127.0.0.1", latest, "the wrong key is counted against the real peer: " + logs);
        assertTrue(logs.get(0).get("message").asText().contains("127.0.0.1"), logs.toString());
    }

    @Test
    void a_proxy_that_adds_its_own_x_forwarded_for_line_is_read_to_its_last_hop() throws Exception {
        // HAProxy's option forwardfor adds a line of its own after the client's (forged) one
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(service.baseUrl() + "/api/v1/persons"))
                .header("X-API-Key", "fck_wrong-key-2")
                .header("X-Forwarded-For", "198.51.100.1")
                .header("X-Forwarded-For", "203.0.113.7").build();
        int status = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        assertEquals(401, status);
        JsonNode latest = service.get("/api/v1/logs?category=security&limit=1").data().get(0);
        assertEquals("203.0.113.7", latest.get("details").get("address").asText(), latest.toString());
    }
}
