package io.faceclock.fakeodoo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xml.sax.SAXException;

/** Odoo's /xmlrpc/2/&lt;service&gt; (and the legacy /xmlrpc/&lt;service&gt;) over the fake database. */
final class RpcHandler implements HttpHandler {

    static final String METHOD_NOT_ALLOWED = "<!doctype html>\n<html lang=en>\n<title>405 Method Not Allowed</title>\n"
            + "<h1>Method Not Allowed</h1>\n<p>The method is not allowed for the requested URL.</p>\n";

    private final FakeOdoo fake;

    RpcHandler(FakeOdoo fake) {
        this.fake = fake;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            Hostile mode = fake.hostileMode();
            if (mode != Hostile.NONE) {
                HostileAnswers.answer(fake, mode, ex);
                return;
            }
            if (!ex.getRequestMethod().equals("POST")) {
                ex.getResponseHeaders().add("Allow", "POST, OPTIONS");
                send(ex, 405, "text/html; charset=utf-8", METHOD_NOT_ALLOWED.getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = ex.getRequestURI().getPath();
            boolean legacy = !path.startsWith("/xmlrpc/2/");
            String service = path.substring(path.lastIndexOf('/') + 1);
            byte[] answer;
            try {
                XmlRpcWire.Call call = parse(body);
                answer = XmlRpcWire.response(dispatch(service, call));
            } catch (Fault f) {
                answer = legacy
                        ? XmlRpcWire.fault(f.legacyFaultCode(), f.code == 3 ? f.getMessage() : "")
                        : XmlRpcWire.fault(f.code, f.faultString());
            }
            send(ex, 200, "text/xml; charset=utf-8", answer);
        }
    }

    static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.getResponseHeaders().add("X-Content-Type-Options", "nosniff");
        ex.getResponseHeaders().add("Connection", "close");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static XmlRpcWire.Call parse(byte[] body) {
        try {
            return XmlRpcWire.parseCall(body);
        } catch (SAXException | RuntimeException e) {
            // expat's wording for a truncated document, at the position where the input ended
            String text = new String(body, StandardCharsets.UTF_8);
            int line = (int) text.chars().filter(c -> c == '\n').count() + 1;
            int column = text.length() - (text.lastIndexOf('\n') + 1);
            throw Fault.python("xml.parsers.expat.ExpatError", "no element found: line " + line + ", column "
                    + column);
        }
    }

    Object dispatch(String service, XmlRpcWire.Call call) {
        String method = call.method();
        List<Object> p = call.params();
        switch (service) {
            case "common":
                fake.count("common." + method);
                fake.pause("common." + method);
                return common(method, p);
            case "object":
                fake.count("object." + method);
                if (!method.equals("execute_kw") && !method.equals("execute")) {
                    throw Fault.python("NameError", "Method not available " + method);
                }
                String key = p.get(3) + "." + p.get(4);
                fake.count(key);
                try {
                    fake.pause(key);
                    return object(method, p);
                } finally {
                    fake.finished(key);
                }
            case "db":
                fake.count("db." + method);
                if (method.equals("list")) {
                    throw Fault.accessDenied();
                }
                throw Fault.python("Exception", "Method not found: " + method);
            default:
                throw Fault.python("KeyError", Py.repr(service));
        }
    }

    private Object common(String method, List<Object> p) {
        switch (method) {
            case "version": {
                OdooVersion v = fake.version();
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("server_version", v.serie);
                out.put("server_version_info", v.versionInfo());
                out.put("server_serie", v.serie);
                out.put("protocol_version", 1);
                return out;
            }
            case "authenticate":
            case "login": {
                FakeDb db = fake.database();
                synchronized (db) {
                    checkDb(db, (String) p.get(0));
                    Integer uid = db.uidForLogin(String.valueOf(p.get(1)));
                    return uid != null && db.credentialsMatch(uid, String.valueOf(p.get(2))) ? uid : Boolean.FALSE;
                }
            }
            default:
                throw Fault.python("Exception", "Method not found: " + method);
        }
    }

    @SuppressWarnings("unchecked")
    private Object object(String method, List<Object> p) {
        FakeDb db = fake.database();
        synchronized (db) {
            checkDb(db, (String) p.get(0));
            int uid = (Integer) p.get(1);
            if (!db.userExists(uid)) {
                throw Fault.missingRecord("res.users", List.of(uid), uid);
            }
            if (!db.credentialsMatch(uid, String.valueOf(p.get(2)))) {
                throw Fault.accessDenied();
            }
            List<Object> args;
            Map<String, Object> kwargs;
            if (method.equals("execute_kw")) {
                args = p.size() > 5 ? (List<Object>) p.get(5) : List.of();
                kwargs = p.size() > 6 ? (Map<String, Object>) p.get(6) : Map.of();
            } else {
                args = new ArrayList<>(p.subList(5, p.size()));
                kwargs = Map.of();
            }
            return new Orm(db).execute(uid, (String) p.get(3), (String) p.get(4), args, kwargs);
        }
    }

    private static void checkDb(FakeDb db, String name) {
        if (!db.name.equals(name)) {
            throw Fault.python("psycopg2.OperationalError", "connection to server on socket "
                    + "\"/var/run/postgresql/.s.PGSQL.5432\" failed: FATAL:  database \"" + name + "\" does not exist\n");
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
