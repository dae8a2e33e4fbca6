package io.faceclock.fakeodoo;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/** The answers of the {@link Hostile} modes. None of them allocates the big answers it claims to send. */
final class HostileAnswers {

    private static final String HEAD = "<?xml version=\"1.0\"?>\n<methodResponse>\n<params>\n<param>\n";
    private static final String TAIL = "</param>\n</params>\n\n</methodResponse>\n";

    private HostileAnswers() {
    }

    static void answer(FakeOdoo fake, Hostile mode, HttpExchange ex) throws IOException {
        fake.count("hostile." + mode);
        switch (mode) {
            case SERIALIZED_FAULT_CAUSE -> RpcHandler.send(ex, 200, "text/xml; charset=utf-8", bytes(
                    "<?xml version=\"1.0\"?>\n<methodResponse>\n<fault>\n<value><struct>\n"
                    + "<member>\n<name>faultCode</name>\n<value><int>1</int></value>\n</member>\n"
                    + "<member>\n<name>faultString</name>\n<value><string>boom</string></value>\n</member>\n"
                    + "<member>\n<name>faultCause</name>\n<value><base64>" + tripwire() + "</base64></value>\n"
                    + "</member>\n</struct></value>\n</fault>\n\n</methodResponse>\n"));
            case EX_SERIALIZABLE -> RpcHandler.send(ex, 200, "text/xml; charset=utf-8", bytes(HEAD
                    + "<value><ex:serializable xmlns:ex=\"http://ws.apache.org/xmlrpc/namespaces/extensions\">"
                    + tripwire() + "</ex:serializable></value>\n" + TAIL));
            case XXE -> RpcHandler.send(ex, 200, "text/xml; charset=utf-8", bytes(
                    "<?xml version=\"1.0\"?>\n<!DOCTYPE methodResponse [<!ENTITY xxe SYSTEM \""
                    + fake.xxeTarget().toUri() + "\">]>\n<methodResponse>\n<params>\n<param>\n"
                    + "<value><string>&xxe;</string></value>\n" + TAIL));
            case HUGE_RESPONSE, HUGE_DECLARED_LENGTH -> huge(fake, mode == Hostile.HUGE_DECLARED_LENGTH, ex);
            case NEVER_ANSWER -> fake.awaitStop();
            case TRICKLE -> trickle(fake, ex);
            case NOT_ODOO_404 -> RpcHandler.send(ex, 404, "text/html; charset=utf-8",
                    bytes("<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>"));
            case HTML_200 -> RpcHandler.send(ex, 200, "text/html; charset=utf-8",
                    bytes("<!DOCTYPE html><html><body><h1>Welcome to nginx!</h1></body></html>"));
            default -> throw new IllegalStateException(mode.name());
        }
    }

    private static void huge(FakeOdoo fake, boolean declared, HttpExchange ex) throws IOException {
        long size = fake.hugeResponseBytes();
        boolean json = ex.getRequestURI().getPath().startsWith("/json");
        byte[] head = bytes(json ? "{\"huge\": \"" : HEAD + "<value><string>");
        ex.getResponseHeaders().add("Content-Type", json ? "application/json; charset=utf-8" : "text/xml; charset=utf-8");
        ex.getResponseHeaders().add("Connection", "close");
        ex.sendResponseHeaders(200, declared ? size : 0);
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'A');
        try (OutputStream out = ex.getResponseBody()) {
            out.write(head);
            long sent = head.length;
            while (sent < size) {
                int n = (int) Math.min(chunk.length, size - sent);
                out.write(chunk, 0, n);
                sent += n;
            }
        } catch (IOException clientGaveUp) {
            // what a well-behaved client does: stop reading
        }
    }

    private static void trickle(FakeOdoo fake, HttpExchange ex) throws IOException {
        boolean json = ex.getRequestURI().getPath().startsWith("/json");
        ex.getResponseHeaders().add("Content-Type", json ? "application/json; charset=utf-8" : "text/xml; charset=utf-8");
        ex.getResponseHeaders().add("Connection", "close");
        ex.sendResponseHeaders(200, 1 << 20);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes(json ? "{\"result\": " : HEAD));
            out.flush();
            while (!fake.stoppedWithin(java.time.Duration.ofMillis(200))) {
                out.write(' ');
                out.flush();
            }
        } catch (IOException clientGaveUp) {
            // the client's deadline passed and it hung up
        }
    }

    private static String tripwire() {
        try (ByteArrayOutputStream buf = new ByteArrayOutputStream();
             ObjectOutputStream out = new ObjectOutputStream(buf)) {
            out.writeObject(new Tripwire());
            out.flush();
            return Base64.getEncoder().encodeToString(buf.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
