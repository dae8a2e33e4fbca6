package io.faceclock.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceclock.support.RunningService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every endpoint with every key scope, each path also spelt the ways a lenient server might read as
 * the same path (trailing slash, double slash, dot segments, percent-encoding, other case). A scope
 * that may not call an endpoint gets 403 or, where the spelling matches no route, 404; never an answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyScopeMatrixTest {

    /** README: admin everything, read GETs except the key list, kiosk only recognition and marking. */
    private record Endpoint(String method, String path, Set<String> scopes) {
    }

    private static final Set<String> ADMIN = Set.of("admin");
    private static final Set<String> READ = Set.of("admin", "read");
    private static final Set<String> KIOSK = Set.of("admin", "kiosk");
    private static final Set<String> ANY = Set.of("admin", "read", "kiosk");

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/logs", READ),
            new Endpoint("GET", "/sync/status", READ),
            new Endpoint("GET", "/apikeys", ADMIN),
            new Endpoint("POST", "/apikeys", ADMIN),
            new Endpoint("DELETE", "/apikeys/987654", ADMIN),
            new Endpoint("GET", "/persons", READ),
            new Endpoint("GET", "/persons/NOBODY", READ),
            new Endpoint("POST", "/persons", ADMIN),
            new Endpoint("PUT", "/persons/NOBODY", ADMIN),
            new Endpoint("PATCH", "/persons/NOBODY", ADMIN),
            new Endpoint("DELETE", "/persons/NOBODY", ADMIN),
            new Endpoint("GET", "/persons/NOBODY/faces", READ),
            new Endpoint("GET", "/persons/NOBODY/faces/987654/thumbnail", READ),
            new Endpoint("POST", "/persons/NOBODY/faces", ADMIN),
            new Endpoint("DELETE", "/persons/NOBODY/faces/987654", ADMIN),
            new Endpoint("GET", "/attendance", READ),
            new Endpoint("GET", "/attendance/today", READ),
            new Endpoint("GET", "/attendance/987654", READ),
            new Endpoint("POST", "/attendance", ADMIN),
            new Endpoint("PATCH", "/attendance/987654", ADMIN),
            new Endpoint("POST", "/recognize", KIOSK),
            new Endpoint("POST", "/verify", KIOSK),
            new Endpoint("POST", "/attendance/mark", KIOSK),
            new Endpoint("GET", "/sync/odoo/config", READ),
            new Endpoint("POST", "/sync/odoo/config", ADMIN),
            new Endpoint("POST", "/sync/odoo/test", ADMIN),
            new Endpoint("POST", "/sync/odoo/pull", ADMIN),
            new Endpoint("POST", "/sync/odoo/push", ADMIN),
            new Endpoint("GET", "/sync/jobs/nope", READ),
            new Endpoint("GET", "/cameras", READ),
            new Endpoint("GET", "/cameras/nope/visits", READ),
            new Endpoint("GET", "/cameras/nope/snapshot", READ),
            new Endpoint("GET", "/unknown-faces", READ),
            new Endpoint("GET", "/unknown-faces/987654/snapshot", READ),
            new Endpoint("POST", "/unknown-faces/987654/assign", ADMIN),
            new Endpoint("DELETE", "/unknown-faces/987654", ADMIN),
            new Endpoint("GET", "/reports/attendance", READ),
            new Endpoint("GET", "/enrolment", READ),
            new Endpoint("GET", "/session", ANY));

    private RunningService service;
    private Map<String, String> keys;

    @BeforeAll
    void start() throws Exception {
        service = RunningService.start(Files.createTempDirectory("faceclock-scopes"), null, "Europe/Brussels", Map.of());
        keys = Map.of("admin", service.adminKey(), "read", newKey("read"), "kiosk", newKey("kiosk"));
    }

    @AfterAll
    void stop() {
        service.close();
    }

    @Test
    void everyScopeIsRefusedWhatItMayNotCallHoweverThePathIsSpelt() throws IOException {
        List<String> wrong = new ArrayList<>();
        int refusals = 0;
        for (Endpoint e : ENDPOINTS) {
            for (String path : spellings(e.path())) {
                for (Map.Entry<String, String> key : keys.entrySet()) {
                    int status = send(e.method(), path, key.getValue());
                    boolean allowed = e.scopes().contains(key.getKey());
                    if (allowed ? status == 401 || status == 403 : status != 403 && status != 404) {
                        wrong.add(key.getKey() + " key: " + e.method() + " " + path + " -> " + status);
                    }
                    if (!allowed && status == 403) {
                        refusals++;
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(refusals > ENDPOINTS.size(), "the plain spellings at least are matched and refused: " + refusals);
    }

    @Test
    void aReadKeyCannotListTheKeysWithATrailingSlash() throws IOException {
        assertEquals(403, send("GET", "/api/v1/apikeys/", keys.get("read")));
        assertEquals(403, send("GET", "/api/v1/apikeys", keys.get("read")));
        assertEquals(200, send("GET", "/api/v1/apikeys/", keys.get("admin")));
    }

    /** The path as given, and as spelt in ways that could reach the same route. */
    private static Set<String> spellings(String path) {
        String api = "/api/v1";
        int last = path.lastIndexOf('/');
        String lastSegment = path.substring(last + 1);
        Set<String> s = new LinkedHashSet<>();
        s.add(api + path);
        s.add(api + path + "/");
        s.add(api + path + "//");
        s.add(api + "/" + path);
        s.add("/api//v1" + path);
        s.add(api + path.replace("/", "//"));
        s.add(api + "/x/.." + path);
        s.add(api + "/." + path);
        s.add(api + path + "/.");
        s.add(api + "/%2e%2e/v1" + path);
        s.add(api + path.substring(0, last + 1) + "%" + Integer.toHexString(lastSegment.charAt(0)) + lastSegment.substring(1));
        s.add(api + path.substring(0, last + 1) + "%" + Integer.toHexString(lastSegment.charAt(0)).toUpperCase()
                + lastSegment.substring(1));
        s.add(api + path.replace("/", "%2F"));
        s.add(api + path + "?x=1");
        s.add(api + path + ";x=1");
        s.add(api + path + "#x");
        s.add((api + path).toUpperCase());
        s.add(api + path.substring(0, last + 1) + Character.toUpperCase(lastSegment.charAt(0)) + lastSegment.substring(1));
        return s;
    }

    /** One request on its own connection, the path sent byte for byte as given; the answer's status. */
    private int send(String method, String path, String key) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(service.baseUrl().replaceAll(".*:", "")))) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            // an empty JSON object where a body goes: the verbs route by the content type they consume
            String body = method.equals("GET") || method.equals("DELETE") ? ""
                    : "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";
            out.write((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: " + key
                    + "\r\nConnection: close\r\n" + (body.isEmpty() ? "Content-Length: 0\r\n\r\n" : body))
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 "), method + " " + path + ": " + answer);
            return Integer.parseInt(answer.substring(9, 12));
        }
    }

    private String newKey(String scope) {
        return service.post("/api/v1/apikeys", Map.of("name", scope + " probe", "scope", scope)).data()
                .get("key").asText();
    }
}
