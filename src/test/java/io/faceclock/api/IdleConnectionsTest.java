package io.faceclock.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceclock.support.RunningService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
 * A connection costs the server a file descriptor for as long as it stays open: one that never
 * finishes its request (a client gone silent, a tablet dropped off the Wi-Fi, or someone opening
 * thousands on purpose) is closed after faceclock.http.request-timeout-seconds, so they cannot pile
 * up until the server can open no database connection, model or camera. A request the server is
 * still working on is not cut.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdleConnectionsTest {

    private static final int TIMEOUT_SECONDS = 2;

    private RunningService service;
    private int port;

    @BeforeAll
    void start() throws Exception {
        service = RunningService.start(Files.createTempDirectory("faceclock-idle"), null, "Europe/Brussels",
                Map.of("faceclock.http.request-timeout-seconds", String.valueOf(TIMEOUT_SECONDS),
                        "faceclock.face.enabled", "false"));
        port = Integer.parseInt(service.baseUrl().replaceAll(".*:", ""));
    }

    @AfterAll
    void stop() {
        service.close();
    }

    @Test
    void a_connection_that_sends_nothing_or_half_a_request_or_trickles_is_closed() throws Exception {
        try (Socket silent = open(); Socket half = open(); Socket trickle = open()) {
            half.getOutputStream().write("GET /api/v1/persons HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            long started = System.nanoTime();
            OutputStream slow = trickle.getOutputStream();
            slow.write("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
            // a header byte every half second: never idle, never done
            boolean trickleClosed = false;
            for (int i = 0; i < 4 * TIMEOUT_SECONDS * 2 && !trickleClosed; i++) {
                try {
                    slow.write('X');
                    slow.flush();
                    trickleClosed = closedWithin(trickle, 500);
                } catch (IOException reset) {
                    trickleClosed = true;
                }
            }
            assertTrue(trickleClosed, "a request trickled a byte at a time was still open after "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
            assertTrue(closedWithin(silent, 3000), "a connection that never sent a byte stayed open");
            assertTrue(closedWithin(half, 3000), "a connection with half a request stayed open");
        }
    }

    @Test
    void a_kept_alive_connection_serves_request_after_request_and_closes_once_left_idle() throws Exception {
        try (Socket s = open()) {
            for (int i = 0; i < 3; i++) {
                String answer = exchange(s, "GET /api/v1/persons HTTP/1.1\r\nHost: x\r\nX-API-Key: "
                        + service.adminKey() + "\r\n\r\n");
                assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            }
            assertTrue(closedWithin(s, (TIMEOUT_SECONDS + 3) * 1000), "the idle kept-alive connection stayed open");
        }
    }

    @Test
    void a_body_sent_after_its_answer_does_not_keep_the_connection_open() throws Exception {
        try (Socket s = open()) {
            String answer = exchange(s, "POST /nowhere HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 2\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 404"), answer);
            s.getOutputStream().write("{}".getBytes(StandardCharsets.US_ASCII));
            assertTrue(closedWithin(s, (TIMEOUT_SECONDS + 3) * 1000), "the connection stayed open");
        }
    }

    @Test
    void an_answer_slower_than_the_timeout_still_arrives() throws Exception {
        // a synchronous Odoo test against an address that swallows the connection: it answers after
        // Odoo's call timeout (4 s here), longer than the request timeout, on the same connection
        service.close();
        service = RunningService.start(Files.createTempDirectory("faceclock-idle-slow"), null, "Europe/Brussels",
                Map.of("faceclock.http.request-timeout-seconds", String.valueOf(TIMEOUT_SECONDS),
                        "faceclock.face.enabled", "false", "faceclock.odoo.call-timeout-seconds", "4"));
        port = Integer.parseInt(service.baseUrl().replaceAll(".*:", ""));
        try (java.net.ServerSocket blackHole = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
             Socket s = open()) {
            String body = "{\"url\": \"http://127.0.0.1:" + blackHole.getLocalPort() + "\", \"db\": \"d\", "
                    + "\"username\": \"u\", \"password\": \"p\"}";
            long started = System.nanoTime();
            String answer = exchange(s, "POST /api/v1/sync/odoo/test HTTP/1.1\r\nHost: x\r\nX-API-Key: "
                    + service.adminKey() + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body);
            long took = (System.nanoTime() - started) / 1_000_000;
            assertTrue(took > TIMEOUT_SECONDS * 1000L, "the answer came before the timeout, proving nothing: " + took);
            assertTrue(answer.startsWith("HTTP/1.1 502"), answer);
        }
    }

    private Socket open() throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(100);
        return s;
    }

    /** Sends one request and reads its whole answer (Content-Length framed). */
    private static String exchange(Socket s, String request) throws IOException {
        s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
        s.setSoTimeout(30_000);
        InputStream in = s.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            assertTrue(c >= 0, "closed mid-answer: " + head);
            head.append((char) c);
        }
        var m = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        int length = m.find() ? Integer.parseInt(m.group(1)) : 0;
        if (head.toString().toLowerCase().contains("transfer-encoding: chunked")) {
            StringBuilder body = new StringBuilder();
            while (true) {
                String size = line(in);
                int n = Integer.parseInt(size.trim(), 16);
                if (n == 0) {
                    line(in);
                    break;
                }
                body.append(new String(in.readNBytes(n), StandardCharsets.UTF_8));
                line(in);
            }
            s.setSoTimeout(100);
            return head + body.toString();
        }
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        s.setSoTimeout(100);
        return head + body;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            b.append((char) c);
        }
        return b.toString();
    }

    /** True when the server closes the connection (end of stream or reset) within the time. */
    private static boolean closedWithin(Socket s, long millis) throws IOException {
        long until = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < until) {
            try {
                int c = s.getInputStream().read();
                if (c < 0) {
                    return true;
                }
            } catch (SocketTimeoutException stillOpen) {
                // nothing yet
            } catch (IOException reset) {
                return true;
            }
        }
        return false;
    }
}
