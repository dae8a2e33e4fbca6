package io.faceclock.odoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.faceclock.fakeodoo.FakeOdoo;
import io.faceclock.fakeodoo.Hostile;
import io.faceclock.fakeodoo.OdooVersion;
import io.faceclock.fakeodoo.Tripwire;
import io.faceclock.odoo.OdooException.Kind;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the client does when the other side is down, slow, not Odoo, or hostile. */
class XmlRpcOdooClientSafetyTest {

    private FakeOdoo odoo;

    @BeforeEach
    void start() {
        odoo = FakeOdoo.start(OdooVersion.V18);
        Tripwire.TRIGGERED = false;
    }

    @AfterEach
    void stop() {
        odoo.close();
    }

    private XmlRpcOdooClient client() {
        return new XmlRpcOdooClient(OdooConnection.of(odoo.url(), odoo.db(), "admin", "admin")
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10)));
    }

    @Test
    void a_closed_port_is_unreachable_and_names_host_and_port() {
        int port = FakeOdoo.unusedPort();
        XmlRpcOdooClient c = new XmlRpcOdooClient(OdooConnection.of("http://127.0.0.1:" + port, "db", "a", "b"));
        OdooException e = assertThrows(OdooException.class, c::version);
        assertEquals(Kind.UNREACHABLE, e.kind());
        assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
    }

    @Test
    void a_server_that_went_down_is_unreachable() {
        XmlRpcOdooClient c = client();
        c.authenticate();
        odoo.goDown();
        OdooException e = assertThrows(OdooException.class, () -> c.searchCount("hr.employee", List.of(), Map.of()));
        assertEquals(Kind.UNREACHABLE, e.kind());
    }

    @Test
    void a_plain_web_server_answering_404_is_not_odoo() throws IOException {
        HttpServer web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        web.createContext("/", ex -> {
            byte[] page = "<html><body><h1>404 Not Found</h1></body></html>".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html");
            ex.sendResponseHeaders(404, page.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(page);
            }
        });
        web.start();
        try {
            String url = "http://127.0.0.1:" + web.getAddress().getPort();
            OdooException e = assertThrows(OdooException.class,
                    () -> new XmlRpcOdooClient(OdooConnection.of(url, "db", "a", "b")).authenticate());
            assertEquals(Kind.NOT_ODOO, e.kind());
            assertTrue(e.getMessage().contains("404") && e.getMessage().contains("not an Odoo XML-RPC endpoint"),
                    e.getMessage());
        } finally {
            web.stop(0);
        }
    }

    @Test
    void an_html_page_with_status_200_is_not_odoo() {
        odoo.hostile(Hostile.HTML_200);
        OdooException e = assertThrows(OdooException.class, client()::version);
        assertEquals(Kind.NOT_ODOO, e.kind());
        assertTrue(e.getMessage().contains("text/html"), e.getMessage());
    }

    @Test
    void a_server_that_never_answers_times_out() {
        odoo.hostile(Hostile.NEVER_ANSWER);
        XmlRpcOdooClient c = new XmlRpcOdooClient(OdooConnection.of(odoo.url(), odoo.db(), "admin", "admin")
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300)));
        long t0 = System.nanoTime();
        OdooException e = assertThrows(OdooException.class, c::authenticate);
        assertEquals(Kind.TIMEOUT, e.kind());
        assertTrue(e.getMessage().contains("within 0.3 s"), e.getMessage());
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(3).toNanos());
    }

    @Test
    void a_huge_streamed_answer_fails_fast_without_filling_memory() {
        odoo.hostile(Hostile.HUGE_RESPONSE);
        odoo.hugeResponseBytes(600L * 1024 * 1024);
        XmlRpcOdooClient c = new XmlRpcOdooClient(OdooConnection.of(odoo.url(), odoo.db(), "admin", "admin")
                .withMaxResponseBytes(2 * 1024 * 1024));
        long t0 = System.nanoTime();
        OdooException e = assertThrows(OdooException.class, c::version);
        assertEquals(Kind.RESPONSE_TOO_LARGE, e.kind());
        assertTrue(e.getMessage().contains("2097152 bytes"), e.getMessage());
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(5).toNanos(), "gave up early");
    }

    @Test
    void a_huge_announced_answer_is_refused_before_reading() {
        odoo.hostile(Hostile.HUGE_DECLARED_LENGTH);
        odoo.hugeResponseBytes(600L * 1024 * 1024);
        OdooException e = assertThrows(OdooException.class, client()::version);
        assertEquals(Kind.RESPONSE_TOO_LARGE, e.kind());
        assertTrue(e.getMessage().contains("629145600 bytes"), e.getMessage());
    }

    @Test
    void an_external_entity_is_never_resolved(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-XXE-CONTENT");
        odoo.xxeTarget(secret);
        odoo.hostile(Hostile.XXE);
        OdooException e = assertThrows(OdooException.class, client()::version);
        assertEquals(Kind.PROTOCOL, e.kind());
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        assertFalse(e.getMessage().contains("TOP-SECRET"), e.getMessage());
    }

    @Test
    void a_serialised_fault_cause_is_never_deserialised() {
        odoo.hostile(Hostile.SERIALIZED_FAULT_CAUSE);
        OdooException e = assertThrows(OdooException.class, client()::version);
        assertEquals(Kind.SERVER_ERROR, e.kind());
        assertTrue(e.getMessage().endsWith("boom"), e.getMessage());
        assertFalse(Tripwire.TRIGGERED, "the fault cause was deserialised");
    }

    @Test
    void a_serializable_extension_value_is_rejected_not_deserialised() {
        odoo.hostile(Hostile.EX_SERIALIZABLE);
        OdooException e = assertThrows(OdooException.class, client()::version);
        assertEquals(Kind.PROTOCOL, e.kind());
        assertFalse(Tripwire.TRIGGERED, "the ex:serializable value was deserialised");
    }

    @Test
    void an_unreadable_trust_store_is_reported_with_its_path(@TempDir Path dir) {
        Path missing = dir.resolve("odoo-ca.p12");
        OdooConnection c = OdooConnection.of("https://odoo.example:8443", "db", "a", "b")
                .withTrustStore(missing, "changeit");
        OdooException e = assertThrows(OdooException.class, () -> new XmlRpcOdooClient(c));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("changeit"), e.getMessage());
    }

    @Test
    void turning_tls_verification_off_warns_loudly_once() {
        boolean before = Tls.warnedAboutInsecureTls();
        try (LogCapture logs = new LogCapture()) {
            new XmlRpcOdooClient(OdooConnection.of("https://odoo.example:8443", "db", "a", "b").withoutTlsVerification());
            new XmlRpcOdooClient(OdooConnection.of("https://odoo.example:8443", "db", "a", "b").withoutTlsVerification());
            long warnings = logs.lines().stream().filter(l -> l.startsWith("WARN") && l.contains("TLS")).count();
            assertEquals(before ? 0 : 1, warnings, "once per process: " + logs.lines());
            assertTrue(Tls.warnedAboutInsecureTls());
        }
    }
}
