package io.faceclock.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faceclock.json.Json;
import io.faceclock.support.RunningService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What a raw socket can send that no HTTP client library would: ambiguous framing, huge lines and headers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpFramingTest {

    private RunningService service;

    @BeforeAll
    void start() throws Exception {
        service = RunningService.start(Files.createTempDirectory("faceclock-framing"), null, "UTC", Map.of());
    }

    @AfterAll
    void stop() {
        service.close();
    }

    @Test
    void a_request_with_both_content_length_and_transfer_encoding_is_refused_and_its_hidden_request_never_runs()
            throws Exception {
        for (boolean lengthFirst : new boolean[] {true, false}) {
            String id = lengthFirst ? "SMUGGLED-CL-TE" : "SMUGGLED-TE-CL";
            String hidden = post("/api/v1/persons", "{\"person_id\":\"" + id + "\",\"name\":\"Smuggled\"}", null);
            String body = "0\r\n\r\n" + hidden;
            String framing = lengthFirst
                    ? "Content-Length: " + body.length() + "\r\nTransfer-Encoding: chunked\r\n"
                    : "Transfer-Encoding: chunked\r\nContent-Length: " + body.length() + "\r\n";
            String outer = "POST /api/v1/persons HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: " + service.adminKey()
                    + "\r\nContent-Type: application/json\r\n" + framing + "\r\n" + body;
            Exchange answer = exchange(outer);
            assertTrue(answer.closed, "the connection is closed after the refusal: " + answer.text);
            assertEquals(400, answer.status(), answer.text);
            assertEquals(1, count(answer.text, "HTTP/1.1 "), "one answer only, none for a hidden request: "
                    + answer.text);
            JsonNode json = answer.json();
            assertFalse(json.get("success").asBoolean());
            assertEquals("Transfer-Encoding", json.get("field").asText());
            assertTrue(json.get("error").asText().contains("RFC 9112"), json.toString());
            assertEquals(404, service.get("/api/v1/persons/" + id).status(), "the hidden request never ran");
        }
        assertEquals(200, service.get("/observe/health").status());
    }

    @Test
    void a_chunked_request_alone_is_still_served() throws Exception {
        String json = "{\"person_id\":\"CHUNKED-1\",\"name\":\"Chunked\"}";
        String chunked = Integer.toHexString(json.length()) + "\r\n" + json + "\r\n0\r\n\r\n";
        Exchange answer = exchange("POST /api/v1/persons HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: "
                + service.adminKey() + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n" + chunked);
        assertEquals(201, answer.status(), answer.text);
        assertEquals(200, service.get("/api/v1/persons/CHUNKED-1").status());
    }

    @Test
    void a_request_line_too_long_is_414_in_json() throws Exception {
        Exchange answer = exchange("GET /api/v1/persons?q=" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\nX-API-Key: "
                + service.adminKey() + "\r\n\r\n");
        assertEquals(414, answer.status(), answer.text);
        assertEquals("url", answer.json().get("field").asText());
        assertTrue(answer.closed);
    }

    @Test
    void headers_too_large_are_431_in_json() throws Exception {
        Exchange answer = exchange("GET /api/v1/persons HTTP/1.1\r\nHost: x\r\nX-API-Key: " + service.adminKey()
                + "\r\nX-Padding: " + "b".repeat(20_000) + "\r\n\r\n");
        assertEquals(431, answer.status(), answer.text);
        assertEquals("headers", answer.json().get("field").asText());
    }

    @Test
    void a_request_that_is_not_http_is_400_in_json() throws Exception {
        Exchange answer = exchange("GET /api/v1/persons HTTP/1.1\r\nHost: x\r\nContent-Length: twelve\r\n\r\n");
        assertEquals(400, answer.status(), answer.text);
        assertFalse(answer.json().get("success").asBoolean());
    }

    @Test
    void a_multipart_body_with_the_wrong_boundary_is_400_in_json() {
        String body = "--right\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\nxxxx\r\n--right--\r\n";
        RunningService.Reply r = service.raw("POST", "/api/v1/persons/NOBODY/faces", body,
                "multipart/form-data; boundary=wrong", service.adminKey());
        assertTrue(r.status() >= 400 && r.status() < 500, r.toString());
        assertFalse(r.json().get("success").asBoolean(), r.toString());
    }

    private static String post(String path, String json, String key) {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + (key == null ? "" : "X-API-Key: " + key + "\r\n")
                + "Content-Type: application/json\r\nContent-Length: " + json.getBytes(StandardCharsets.UTF_8).length
                + "\r\n\r\n" + json;
    }

    private record Exchange(String text, boolean closed) {
        int status() {
            return Integer.parseInt(text.substring(9, 12));
        }

        JsonNode json() throws IOException {
            return Json.MAPPER.readTree(text.substring(text.indexOf("\r\n\r\n") + 4));
        }
    }

    /** Sends the bytes as they are and reads until the server closes (or is quiet for 3 s). */
    private Exchange exchange(String raw) throws IOException {
        int port = Integer.parseInt(service.baseUrl().substring(service.baseUrl().lastIndexOf(':') + 1));
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(3000);
            s.getOutputStream().write(raw.getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[8192];
            boolean closed = false;
            try {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    got.write(buf, 0, n);
                }
                closed = true;
            } catch (SocketTimeoutException quiet) {
                // still open
            } catch (IOException reset) {
                closed = true;
            }
            return new Exchange(got.toString(StandardCharsets.UTF_8), closed);
        }
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
