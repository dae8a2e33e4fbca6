package io.faceclock.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * The server reads a request's body only once its key is known: a caller without a live key is
 * refused as soon as the headers are in, before it sends the body, so nobody can have the server
 * hold megabytes per connection they open. A live key's body is read and served as always.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BodyAfterKeyTest {

    private static final int BODY = 5 * 1024 * 1024;

    private RunningService service;
    private int port;

    @BeforeAll
    void start() throws Exception {
        service = RunningService.start(Files.createTempDirectory("faceclock-body-key"), null, "Europe/Brussels",
                Map.of("faceclock.face.enabled", "false"));
        port = Integer.parseInt(service.baseUrl().replaceAll(".*:", ""));
    }

    @AfterAll
    void stop() {
        service.close();
    }

    @Test
    void no_key_or_a_wrong_one_is_refused_before_the_body_is_sent() throws Exception {
        for (String key : new String[] {null, "fck_wrong-before-the-body"}) {
            for (String framing : new String[] {"Content-Length: " + BODY, "Transfer-Encoding: chunked"}) {
                try (Socket s = open()) {
                    sendHeaders(s, "POST /api/v1/persons", key, framing);
                    String answer = answerWithin(s, 5000);
                    assertTrue(answer.startsWith("HTTP/1.1 401"), key + ", " + framing + ": " + answer);
                    assertTrue(answer.contains("\"field\":\"X-API-Key\""), answer);
                }
            }
        }
        String logged = service.get("/api/v1/logs?category=security&limit=10").body();
        assertTrue(logged.contains("Wrong API key from 127.0.0.1"), "the wrong key is counted as on any call: " + logged);
    }

    @Test
    void health_answers_a_body_bearing_method_without_reading_the_body() throws Exception {
        try (Socket s = open()) {
            sendHeaders(s, "POST /observe/health", null, "Content-Length: " + BODY);
            String answer = answerWithin(s, 5000);
            assertTrue(answer.startsWith("HTTP/1.1 404"), answer);
        }
        assertEquals(200, service.send("GET", "/observe/health", null, null).status());
        assertEquals(200, service.send("HEAD", "/observe/health", null, null).status(), "load balancers ask with HEAD");
    }

    @Test
    void a_live_key_has_its_body_read_and_served() throws Exception {
        try (Socket s = open()) {
            String body = "{\"person_id\": \"BODY-1\", \"name\": \"Bea Body\"}";
            sendHeaders(s, "POST /api/v1/persons", service.adminKey(),
                    "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length);
            assertEquals("", answerWithin(s, 500), "the server waits for the body of a live key");
            s.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
            String answer = answerWithin(s, 10_000);
            assertTrue(answer.startsWith("HTTP/1.1 201"), answer);
        }
        assertEquals(200, service.get("/api/v1/persons/BODY-1").status());
        // a read key passes this step (its scope is judged on the verb): 403, not 401
        String read = service.post("/api/v1/apikeys", Map.of("name", "body reader", "scope", "read")).data()
                .get("key").asText();
        assertEquals(403, service.send("POST", "/api/v1/persons", Map.of("person_id", "BODY-2", "name", "N"), read)
                .status());
    }

    private Socket open() throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(200);
        return s;
    }

    private static void sendHeaders(Socket s, String requestLine, String key, String framing) throws IOException {
        s.getOutputStream().write((requestLine + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + (key == null ? "" : "X-API-Key: " + key + "\r\n") + framing + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
    }

    /** What the server sent within the time (all of it, up to its end or the time). */
    private static String answerWithin(Socket s, long millis) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        long until = System.nanoTime() + millis * 1_000_000;
        InputStream in = s.getInputStream();
        byte[] buf = new byte[8192];
        while (System.nanoTime() < until) {
            try {
                int n = in.read(buf);
                if (n < 0) {
                    break;
                }
                got.write(buf, 0, n);
                if (got.toString(StandardCharsets.UTF_8).contains("}")) {
                    break;
                }
            } catch (SocketTimeoutException nothingYet) {
                // keep waiting
            } catch (IOException reset) {
                break;
            }
        }
        return got.toString(StandardCharsets.UTF_8);
    }
}
