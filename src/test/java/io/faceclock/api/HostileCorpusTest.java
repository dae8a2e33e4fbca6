package io.faceclock.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faceclock.json.Json;
import io.faceclock.support.RunningService;
import io.faceclock.support.RunningService.Reply;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import java.time.Duration;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A hostile user's afternoon, kept as a table: well over 200 requests across every endpoint, each
 * of which must be refused with a 4xx JSON error naming the field at fault (where one is), while
 * the service stays healthy and the database holds exactly what it held before (compared as a
 * dump). The audit log is left out of the dump: writing down refusals (wrong keys) is its job; so are
 * the schedules' runs and leases, which a schedule firing meanwhile writes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileCorpusTest {

    private static final String J = "application/json";
    private static final String PERSON = "CORPUS-1";
    private static final String CAMERA = "corpus-door";

    private RunningService service;
    private String readKey;
    private String kioskKey;
    private long attendanceId;
    private long faceId;
    private long unknownId;

    /** One hostile request and what it must get: one of the statuses, and the field named (null: any). */
    record Case(String name, String method, String path, byte[] body, String contentType, String key,
                Set<Integer> statuses, String field) {
    }

    @BeforeAll
    void start() throws Exception {
        Path shared = Path.of(System.getProperty("faceclock.shared", "../shared"));
        service = RunningService.start(Files.createTempDirectory("faceclock-corpus"), null, "Europe/Brussels",
                Map.of("faceclock.models.dir", shared.resolve("models").toString(),
                        "faceclock.security.failed-key-limit", "100000"));
        readKey = key("corpus read", "read");
        kioskKey = key("corpus kiosk", "kiosk");
        assertEquals(201, service.post("/api/v1/persons", Map.of("person_id", PERSON, "name", "Corpus Person",
                "metadata", Map.of("kept", "as is"))).status());
        attendanceId = service.post("/api/v1/attendance", Map.of("person_id", PERSON, "check_in",
                "2025-03-03T08:00:00+01:00", "check_out", "2025-03-03T12:00:00+01:00")).data().get("id").asLong();
        Reply enrolled = service.bytes("POST", "/api/v1/persons/" + PERSON + "/faces", photo("bbt/amy/amy1.png"),
                "image/png", service.adminKey());
        assertEquals(201, enrolled.status(), enrolled.toString());
        faceId = enrolled.data().get("face_id").asLong();
        unknownId = cameraQueuesAStranger(shared);
    }

    /**
     * A camera of the shipped template plays a short clip of someone never enrolled to its end, so the
     * camera and unknown-face endpoints have a real camera and a real queued face to be attacked with.
     */
    private long cameraQueuesAStranger(Path shared) throws Exception {
        TemplatedRouteBuilder.builder(service.app().camel(), "camera").routeId("camera-" + CAMERA)
                .parameter("id", CAMERA).parameter("url", shared.resolve("video/asl/person_b_milk.mkv").toString())
                .parameter("realtime", "false").add();
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < until) {
            JsonNode cameras = service.get("/api/v1/cameras").data();
            if (cameras.size() == 1 && "ended".equals(cameras.get(0).get("state").asText())) {
                JsonNode queue = service.get("/api/v1/unknown-faces").data();
                assertTrue(queue.size() > 0, "the camera queued the stranger it saw: " + cameras);
                return queue.get(0).get("id").asLong();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the corpus camera did not play its clip to the end within 90 s");
    }

    @AfterAll
    void stop() {
        service.close();
    }

    @Test
    void every_hostile_request_is_refused_in_json_naming_the_field_and_changes_nothing() throws Exception {
        List<Case> cases = corpus();
        assertTrue(cases.size() >= 200, "the corpus holds " + cases.size() + " requests");
        String before = dump();
        List<String> wrong = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (Case c : cases) {
            Reply r = service.bytes(c.method(), c.path(), c.body(), c.contentType(), c.key());
            statuses.merge(r.status(), 1, Integer::sum);
            String problem = judge(c, r);
            if (problem != null) {
                wrong.add(c.name() + " (" + c.method() + " " + clip(c.path()) + "): " + problem);
            }
        }
        wrong.addAll(rawSocketCases());
        System.out.println("hostile corpus: " + cases.size() + " requests (+ raw socket ones), answered " + statuses);
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + cases.size() + " answers were wrong:\n"
                + String.join("\n", wrong));
        String after = dump();
        assertEquals(before, after, "the database is exactly as before; added " + diff(before, after) + ", gone "
                + diff(after, before));
        assertEquals(200, service.get("/observe/health").status(), "still healthy");
        assertEquals("Corpus Person", service.get("/api/v1/persons/" + PERSON).data().get("name").asText());
    }

    @Test
    void odd_but_valid_photos_are_taken_and_change_only_what_they_should() throws Exception {
        String before = dump();
        // a photo stored sideways with an EXIF orientation: read upright and enrolled
        Reply rotatedAmy = service.bytes("POST", "/api/v1/persons/" + PERSON + "/faces", exifRotated(
                jpeg(photo("bbt/amy/amy2.png"))), "image/jpeg", service.adminKey());
        assertEquals(201, rotatedAmy.status(), rotatedAmy.toString());
        // a photo with two people: recognition finds both and changes nothing
        Reply two = service.bytes("POST", "/api/v1/recognize", twoFaces(), "image/png", service.adminKey());
        assertEquals(200, two.status(), two.toString());
        assertEquals(2, two.json().get("faces").size(), two.toString());
        String after = dump();
        List<String> added = diff(before, after);
        assertEquals(1, added.size(), "one face row added, nothing else: " + added);
        assertTrue(added.get(0).startsWith("face_template:"), added.toString());
        assertEquals(200, service.delete("/api/v1/persons/" + PERSON + "/faces/"
                + rotatedAmy.data().get("face_id").asLong()).status());
        assertEquals(before, dump(), "back as it was once the face is deleted");
    }

    // ---- the corpus ----

    private List<Case> corpus() throws IOException {
        List<Case> cases = new ArrayList<>();
        String admin = service.adminKey();
        String p = "/api/v1/persons/" + PERSON;
        String a = "/api/v1/attendance/" + attendanceId;

        // every JSON endpoint against the same broken bodies
        Map<String, String> jsonEndpoints = new LinkedHashMap<>();
        jsonEndpoints.put("POST /api/v1/persons", "name");
        jsonEndpoints.put("PUT " + p, "name");
        jsonEndpoints.put("PATCH " + p, "name");
        jsonEndpoints.put("POST /api/v1/attendance", "note");
        jsonEndpoints.put("PATCH " + a, "note");
        jsonEndpoints.put("POST /api/v1/apikeys", "name");
        jsonEndpoints.put("POST /api/v1/sync/odoo/config", "db");
        jsonEndpoints.put("POST /api/v1/sync/odoo/push", "start_date");
        jsonEndpoints.put("POST /api/v1/sync/odoo/pull", "full");
        jsonEndpoints.put("POST /api/v1/sync/odoo/test", "url");
        jsonEndpoints.put("POST " + p + "/faces", "image");
        jsonEndpoints.put("POST /api/v1/recognize", "image");
        jsonEndpoints.put("POST /api/v1/verify", "image");
        jsonEndpoints.put("POST /api/v1/attendance/mark", "image");
        jsonEndpoints.put("POST /api/v1/unknown-faces/" + unknownId + "/assign", "person_id");
        jsonEndpoints.forEach((endpoint, textField) -> {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            cases.add(json("malformed JSON", method, path, "{\"" + textField + "\": ", 400, "body"));
            cases.add(json("truncated string", method, path, "{\"" + textField + "\": \"abc", 400, "body"));
            cases.add(json("an array, not an object", method, path, "[1, 2, 3]", 400, "body"));
            cases.add(json("nested 5000 deep", method, path, "[".repeat(5000) + "]".repeat(5000), 400, "body"));
            cases.add(json("objects nested 100 deep", method, path, "{\"a\":".repeat(100) + "1" + "}".repeat(100), 400,
                    "a"));
            cases.add(json("duplicate key", method, path, "{\"" + textField + "\": \"x\", \"" + textField
                    + "\": \"y\"}", 400, textField));
            cases.add(json("trailing garbage", method, path, "{} {}", 400, "body"));
            cases.add(json("NaN literal", method, path, "{\"" + textField + "\": NaN}", 400, "body"));
            cases.add(json("comment", method, path, "/* hi */ {}", 400, "body"));
            cases.add(new Case("text/plain body", method, path, utf8("{}"), "text/plain", admin, Set.of(415),
                    "Content-Type"));
            cases.add(new Case("no content type", method, path, utf8("{}"), null, admin, Set.of(415), "Content-Type"));
            cases.add(new Case("form body", method, path, utf8("a=b"), "application/x-www-form-urlencoded", admin,
                    Set.of(415), "Content-Type"));
            cases.add(new Case("latin-1 charset", method, path, utf8("{}"), "application/json; charset=iso-8859-1",
                    admin, Set.of(415), "Content-Type"));
            cases.add(new Case("invalid UTF-8", method, path, concat(utf8("{\"" + textField + "\": \""),
                    new byte[] {(byte) 0xff, (byte) 0xfe}, utf8("\"}")), J, admin, Set.of(400), null));
            cases.add(new Case("11 MB body", method, path, utf8("{\"" + textField + "\": \"" + "x".repeat(11 << 20)
                    + "\"}"), J, admin, Set.of(413), "body"));
        });

        // people: every field, wrong in every way
        String pid = "\"person_id\": \"CORPUS-NEW\", ";
        for (String[] t : new String[][] {
                {"name as number", "{" + pid + "\"name\": 5}", "name"},
                {"name as object", "{" + pid + "\"name\": {\"a\": 1}}", "name"},
                {"name as array", "{" + pid + "\"name\": [\"a\"]}", "name"},
                {"name missing", "{" + pid + "\"department\": \"x\"}", "name"},
                {"name null", "{" + pid + "\"name\": null}", "name"},
                {"name blank", "{" + pid + "\"name\": \"   \"}", "name"},
                {"name null byte", "{" + pid + "\"name\": \"Ann\\u0000Lee\"}", "name"},
                {"name CRLF", "{" + pid + "\"name\": \"Ann\\r\\nSet-Cookie: x=1\"}", "name"},
                {"name script", "{" + pid + "\"name\": \"<script>alert(1)</script>\"}", "name"},
                {"name img onerror", "{" + pid + "\"name\": \"<img src=x onerror=alert(1)>\"}", "name"},
                {"name lone surrogate", "{" + pid + "\"name\": \"Ann \\ud800\"}", "name"},
                {"name low surrogate", "{" + pid + "\"name\": \"\\udc00Ann\"}", "name"},
                {"name zero-width only", "{" + pid + "\"name\": \"\\u200b\\u200c\\u200d\"}", "name"},
                {"name hangul filler", "{" + pid + "\"name\": \"\\u3164\\u3164\"}", "name"},
                {"name bidi override", "{" + pid + "\"name\": \"Ann \\u202eexe.gpj\"}", "name"},
                {"name bidi isolate", "{" + pid + "\"name\": \"\\u2067Ann\\u2069\"}", "name"},
                {"name 300 chars", "{" + pid + "\"name\": \"" + "n".repeat(300) + "\"}", "name"},
                {"name 1 MB", "{" + pid + "\"name\": \"" + "n".repeat(1 << 20) + "\"}", "name"},
                {"person_id SQL", "{\"person_id\": \"x'; DROP TABLE person;--\", \"name\": \"n\"}", "person_id"},
                {"person_id traversal", "{\"person_id\": \"../../etc/passwd\", \"name\": \"n\"}", "person_id"},
                {"person_id 65 chars", "{\"person_id\": \"" + "P".repeat(65) + "\", \"name\": \"n\"}", "person_id"},
                {"person_id number", "{\"person_id\": 42, \"name\": \"n\"}", "person_id"},
                {"person_id unicode", "{\"person_id\": \"P\\u00e9\", \"name\": \"n\"}", "person_id"},
                {"email not mail", "{" + pid + "\"name\": \"n\", \"email\": \"not-mail\"}", "email"},
                {"email markup", "{" + pid + "\"name\": \"n\", \"email\": \"a<b>@c.de\"}", "email"},
                {"phone letters", "{" + pid + "\"name\": \"n\", \"phone\": \"call me\"}", "phone"},
                {"department null byte", "{" + pid + "\"name\": \"n\", \"department\": \"D\\u0000\"}", "department"},
                {"position bidi", "{" + pid + "\"name\": \"n\", \"position\": \"\\u202dX\"}", "position"},
                {"metadata array", "{" + pid + "\"name\": \"n\", \"metadata\": [1]}", "metadata"},
                {"metadata string", "{" + pid + "\"name\": \"n\", \"metadata\": \"x\"}", "metadata"},
                {"metadata 20 deep", "{" + pid + "\"name\": \"n\", \"metadata\": " + "{\"a\":".repeat(20) + "1"
                        + "}".repeat(20) + "}", "metadata"},
                {"metadata 20 kB", "{" + pid + "\"name\": \"n\", \"metadata\": {\"a\": \"" + "m".repeat(20_000)
                        + "\"}}", "metadata"},
                {"metadata surrogate", "{" + pid + "\"name\": \"n\", \"metadata\": {\"a\": \"\\ud83d\"}}", "metadata"},
                {"active string", "{" + pid + "\"name\": \"n\", \"active\": \"yes\"}", "active"},
                {"active number", "{" + pid + "\"name\": \"n\", \"active\": 1}", "active"},
                {"odoo id negative", "{" + pid + "\"name\": \"n\", \"odoo_employee_id\": -1}", "odoo_employee_id"},
                {"odoo id huge", "{" + pid + "\"name\": \"n\", \"odoo_employee_id\": 1" + "0".repeat(40) + "}",
                        "odoo_employee_id"},
                {"odoo id 2000 digits", "{" + pid + "\"name\": \"n\", \"odoo_employee_id\": 1" + "0".repeat(2000) + "}",
                        "body"},
                {"odoo id float", "{" + pid + "\"name\": \"n\", \"odoo_employee_id\": 1.5}", "odoo_employee_id"},
                {"odoo id exponent", "{" + pid + "\"name\": \"n\", \"odoo_employee_id\": 1e999}", "odoo_employee_id"},
                {"unknown field", "{" + pid + "\"name\": \"n\", \"colour\": \"red\"}", "colour"},
                {"prototype pollution", "{" + pid + "\"name\": \"n\", \"__proto__\": {\"admin\": true}}", "__proto__"}}) {
            cases.add(json(t[0], "POST", "/api/v1/persons", t[1], 400, t[2]));
        }
        cases.add(json("person_id taken", "POST", "/api/v1/persons", "{\"person_id\": \"" + PERSON
                + "\", \"name\": \"n\"}", 409, "person_id"));
        cases.add(json("patch name null", "PATCH", p, "{\"name\": null}", 400, "name"));
        cases.add(json("patch active null", "PATCH", p, "{\"active\": null}", 400, "active"));
        cases.add(json("patch rename to SQL", "PATCH", p, "{\"person_id\": \"' OR 1=1 --\"}", 400, "person_id"));
        cases.add(json("put without name", "PUT", p, "{\"department\": \"x\"}", 400, "name"));

        // ids in paths: traversal, encoded traversal, injection, junk
        for (String id : List.of("..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc", "..%252F..%252F", "%00", "a%00b",
                "%27%20OR%201%3D1--", "1%3BDROP%20TABLE%20person", "%3Cscript%3E", "%E2%80%AE", "%FF%FE",
                "P".repeat(200), "%0d%0aX-Injected:%201", "CORPUS-1%20", "~root", "%C0%AE%C0%AE", "..%2F1", "%2F%2F")) {
            for (String[] m : new String[][] {{"GET", ""}, {"DELETE", ""}, {"GET", "/faces"}, {"PATCH", ""}}) {
                String body = m[0].equals("PATCH") ? "{\"name\": \"x\"}" : null;
                cases.add(new Case("person id " + clip(id), m[0], "/api/v1/persons/" + id + m[1], body == null ? null
                        : utf8(body), body == null ? null : J, admin, Set.of(400, 404), null));
            }
        }
        for (String id : List.of("abc", "-1", "0", "1.5", "1e3", "99999999999999999999", "%27", "%00", "%20")) {
            cases.add(new Case("attendance id " + id, "GET", "/api/v1/attendance/" + id, null, null, admin,
                    Set.of(400, 404), "id"));
            cases.add(new Case("attendance patch id " + id, "PATCH", "/api/v1/attendance/" + id, utf8("{\"note\":\"x\"}"),
                    J, admin, Set.of(400, 404), "id"));
            cases.add(new Case("api key id " + id, "DELETE", "/api/v1/apikeys/" + id, null, null, admin,
                    Set.of(400, 404), "id"));
            cases.add(new Case("face id " + id, "DELETE", p + "/faces/" + id, null, null, admin, Set.of(400, 404),
                    "face_id"));
            cases.add(new Case("thumbnail id " + id, "GET", p + "/faces/" + id + "/thumbnail", null, null, admin,
                    Set.of(400, 404), "face_id"));
        }

        // attendance: times and dates impossible or extreme
        for (String[] t : new String[][] {
                {"check_in Feb 30", "2025-02-30T08:00:00Z", "check_in"},
                {"check_in year -1000", "-1000-01-01T08:00:00Z", "check_in"},
                {"check_in year 0", "0000-01-01T08:00:00Z", "check_in"},
                {"check_in year 99999", "+99999-01-01T08:00:00Z", "check_in"},
                {"check_in 1969", "1969-12-30T08:00:00Z", "check_in"},
                {"check_in 2101", "2101-01-02T08:00:00Z", "check_in"},
                {"check_in hour 25", "2025-01-01T25:00:00Z", "check_in"},
                {"check_in offset +25", "2025-01-01T08:00:00+25:00", "check_in"},
                {"check_in words", "yesterday", "check_in"},
                {"check_in epoch", "1700000000", "check_in"},
                {"check_in SQL", "2025-01-01' OR '1'='1", "check_in"},
                {"check_in DST gap", "2025-03-30T02:30:00", "check_in"},
                {"check_in DST twice", "2025-10-26T02:30:00", "check_in"}}) {
            cases.add(json(t[0], "POST", "/api/v1/attendance", "{\"person_id\": \"" + PERSON + "\", \"check_in\": \""
                    + t[1] + "\"}", 400, t[2]));
        }
        cases.add(json("check_in number", "POST", "/api/v1/attendance", "{\"person_id\": \"" + PERSON
                + "\", \"check_in\": 12}", 400, "check_in"));
        cases.add(json("check_out before in", "POST", "/api/v1/attendance", "{\"person_id\": \"" + PERSON
                + "\", \"check_in\": \"2025-05-05T10:00:00Z\", \"check_out\": \"2025-05-05T09:00:00Z\"}", 409,
                "check_out"));
        cases.add(json("overlapping", "POST", "/api/v1/attendance", "{\"person_id\": \"" + PERSON
                + "\", \"check_in\": \"2025-03-03T09:00:00+01:00\", \"check_out\": \"2025-03-03T10:00:00+01:00\"}", 409,
                "check_in"));
        cases.add(json("unknown person", "POST", "/api/v1/attendance", "{\"person_id\": \"NOBODY-HERE\", "
                + "\"check_in\": \"2025-05-05T10:00:00Z\"}", 404, "person_id"));
        cases.add(json("note script", "PATCH", a, "{\"note\": \"<script>x</script>\"}", 400, "note"));
        cases.add(json("note 10 kB", "PATCH", a, "{\"note\": \"" + "n".repeat(10_000) + "\"}", 400, "note"));
        cases.add(json("patch check_out before in", "PATCH", a, "{\"check_out\": \"2025-03-03T07:00:00+01:00\"}", 409,
                "check_out"));
        for (String q : List.of("start_date=2025-02-30", "start_date=0000-01-01", "end_date=%2B99999-01-01",
                "start_date=2025-02-10&end_date=2025-02-01", "start_date=tomorrow", "limit=-1", "limit=100000",
                "limit=abc", "offset=-5", "person_id=%27%20OR%201%3D1", "person_id=NOBODY-HERE",
                "limit=99999999999999999999")) {
            cases.add(new Case("attendance query " + q, "GET", "/api/v1/attendance?" + q, null, null, admin,
                    Set.of(400, 404), q.contains("&") ? "end_date" : field(q)));
        }
        for (String q : List.of("limit=0", "limit=501", "offset=x", "active=maybe", "q=" + "q".repeat(200))) {
            cases.add(new Case("persons query " + q, "GET", "/api/v1/persons?" + q, null, null, admin, Set.of(400),
                    field(q)));
        }
        for (String q : List.of("category=bogus", "category=%27%20OR%201%3D1", "level=loud", "since=2025-02-30",
                "since=0000-01-01", "since=yesterday", "limit=0", "limit=9999")) {
            cases.add(new Case("logs query " + q, "GET", "/api/v1/logs?" + q, null, null, admin, Set.of(400), field(q)));
        }

        // keys: wrong, missing, scopes, the last admin
        cases.add(new Case("no key", "GET", "/api/v1/persons", null, null, null, Set.of(401), "X-API-Key"));
        cases.add(new Case("wrong key", "GET", "/api/v1/persons", null, null, "fck_wrong", Set.of(401), "X-API-Key"));
        cases.add(new Case("key 10 kB", "GET", "/api/v1/persons", null, null, "k".repeat(6000), Set.of(401, 431), null));
        cases.add(new Case("read key writes", "POST", "/api/v1/persons", utf8("{\"person_id\":\"R\",\"name\":\"r\"}"),
                J, readKey, Set.of(403), null));
        cases.add(new Case("read key lists keys", "GET", "/api/v1/apikeys", null, null, readKey, Set.of(403), null));
        cases.add(new Case("read key lists keys/", "GET", "/api/v1/apikeys/", null, null, readKey, Set.of(403, 404),
                null));
        cases.add(new Case("read key deletes", "DELETE", p, null, null, readKey, Set.of(403), null));
        cases.add(new Case("kiosk key lists", "GET", "/api/v1/persons", null, null, kioskKey, Set.of(403), null));
        cases.add(new Case("kiosk key config", "GET", "/api/v1/sync/odoo/config", null, null, kioskKey, Set.of(403),
                null));
        cases.add(json("key scope root", "POST", "/api/v1/apikeys", "{\"name\": \"x\", \"scope\": \"root\"}", 400,
                "scope"));
        cases.add(json("key without name", "POST", "/api/v1/apikeys", "{\"scope\": \"read\"}", 400, "name"));
        cases.add(new Case("revoke the last admin", "DELETE", "/api/v1/apikeys/1", null, null, admin, Set.of(409),
                "id"));

        // Odoo endpoints: bad settings never leave faceclock
        cases.add(json("odoo url ftp", "POST", "/api/v1/sync/odoo/config", "{\"url\": \"ftp://x\", \"db\": \"d\", "
                + "\"username\": \"u\", \"password\": \"p\"}", 400, "url"));
        cases.add(json("odoo url javascript", "POST", "/api/v1/sync/odoo/config", "{\"url\": \"javascript:alert(1)\", "
                + "\"db\": \"d\", \"username\": \"u\", \"password\": \"p\"}", 400, "url"));
        cases.add(json("odoo no password", "POST", "/api/v1/sync/odoo/config", "{\"url\": \"http://x\", \"db\": \"d\", "
                + "\"username\": \"u\"}", 400, "password"));
        cases.add(json("odoo db markup", "POST", "/api/v1/sync/odoo/config", "{\"url\": \"http://x\", "
                + "\"db\": \"<b>\", \"username\": \"u\", \"password\": \"p\"}", 400, "db"));
        cases.add(json("push Feb 30", "POST", "/api/v1/sync/odoo/push", "{\"start_date\": \"2025-02-30\"}", 400,
                "start_date"));
        cases.add(json("push year 0", "POST", "/api/v1/sync/odoo/push", "{\"end_date\": \"0000-01-01\"}", 400,
                "end_date"));
        cases.add(json("push backwards", "POST", "/api/v1/sync/odoo/push", "{\"start_date\": \"2025-02-10\", "
                + "\"end_date\": \"2025-02-01\"}", 400, "end_date"));
        cases.add(json("pull limit string", "POST", "/api/v1/sync/odoo/pull", "{\"limit\": \"all\"}", 400, "limit"));
        cases.add(json("pull full string", "POST", "/api/v1/sync/odoo/pull", "{\"full\": \"yes\"}", 400, "full"));
        cases.add(json("test unknown field", "POST", "/api/v1/sync/odoo/test", "{\"host\": \"x\"}", 400, "host"));
        cases.add(new Case("push unconfigured", "POST", "/api/v1/sync/odoo/push", null, null, admin, Set.of(409, 400),
                null));

        // photos: empty, truncated, bombs, unsupported, not base64
        byte[] png = photo("bbt/amy/amy3.png");
        byte[] jpg = photo("facerec/obama/examples_obama.jpg");
        Map<String, byte[]> images = new LinkedHashMap<>();
        images.put("truncated PNG", Arrays.copyOf(png, 200));
        images.put("truncated JPEG", Arrays.copyOf(jpg, 600));
        images.put("PNG bomb header", pngHeader(100_000, 100_000));
        images.put("PNG 1x1 header only", pngHeader(1, 1));
        images.put("JPEG bomb header", jpegHeader(65_000, 65_000));
        images.put("GIF", utf8("GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;"));
        images.put("BMP", concat(utf8("BM"), new byte[64]));
        images.put("text as image", utf8("hello, I am not a photo"));
        images.put("no face", blank());
        images.put("zip", new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0});
        for (Map.Entry<String, byte[]> img : images.entrySet()) {
            for (String path : List.of(p + "/faces", "/api/v1/recognize", "/api/v1/attendance/mark",
                    "/api/v1/verify?person_id=" + PERSON)) {
                if (img.getKey().equals("no face") && path.endsWith("recognize")) {
                    continue; // a photo of nobody is a fine question for /recognize: 200 with no faces
                }
                cases.add(new Case(img.getKey() + " raw", "POST", path, img.getValue(), "image/png", admin,
                        Set.of(400, 413, 415, 422), "image"));
            }
            cases.add(json(img.getKey() + " base64", "POST", "/api/v1/attendance/mark", "{\"image\": \""
                    + Base64.getEncoder().encodeToString(img.getValue()) + "\"}", Set.of(400, 413, 415, 422), "image"));
        }
        for (String path : List.of(p + "/faces", "/api/v1/recognize", "/api/v1/attendance/mark")) {
            cases.add(new Case("empty photo", "POST", path, new byte[0], "image/jpeg", admin, Set.of(400), "image"));
            cases.add(json("image not base64", "POST", path, "{\"image\": \"***not base64***\"}", 400, "image"));
            cases.add(json("image number", "POST", path, "{\"image\": 12}", 400, "image"));
            cases.add(json("image missing", "POST", path, "{}", 400, "image"));
            cases.add(new Case("image as gif type", "POST", path, png, "image/gif", admin, Set.of(415), "Content-Type"));
            cases.add(new Case("multipart wrong boundary", "POST", path, utf8("--a\r\nContent-Disposition: form-data; "
                    + "name=\"image\"; filename=\"x.png\"\r\n\r\nxx\r\n--a--\r\n"), "multipart/form-data; boundary=b",
                    admin, Set.of(400), null));
        }
        cases.add(new Case("two faces to enrol", "POST", p + "/faces", twoFaces(), "image/png", admin,
                Set.of(400, 409, 422), "image"));
        cases.add(json("mark source injection", "POST", "/api/v1/attendance/mark", "{\"image\": \""
                + Base64.getEncoder().encodeToString(png) + "\", \"source\": \"kiosk\\r\\nX: 1\"}", 400, "source"));
        // a face punch that would be sent to Odoo as entered by hand (in_mode manual)
        cases.add(new Case("kiosk mark as manual", "POST", "/api/v1/attendance/mark", utf8("{\"image\": \""
                + Base64.getEncoder().encodeToString(photo("bbt/amy/amy1.png")) + "\", \"source\": \"manual\"}"), J,
                kioskKey, Set.of(400), "source"));
        cases.add(json("verify no person", "POST", "/api/v1/verify", "{\"image\": \""
                + Base64.getEncoder().encodeToString(png) + "\"}", 400, "person_id"));
        cases.add(json("verify SQL person", "POST", "/api/v1/verify", "{\"person_id\": \"' OR 1=1\", \"image\": \""
                + Base64.getEncoder().encodeToString(png) + "\"}", 400, "person_id"));

        // cameras and the unknown faces they queue
        String u = "/api/v1/unknown-faces/" + unknownId;
        String cam = "/api/v1/cameras/" + CAMERA;
        for (String[] t : new String[][] {
                {"assign without person", "{}", "person_id"},
                {"assign person null", "{\"person_id\": null}", "person_id"},
                {"assign person number", "{\"person_id\": 7}", "person_id"},
                {"assign person SQL", "{\"person_id\": \"' OR 1=1 --\"}", "person_id"},
                {"assign person traversal", "{\"person_id\": \"../../etc/passwd\"}", "person_id"},
                {"assign person 65 chars", "{\"person_id\": \"" + "P".repeat(65) + "\"}", "person_id"},
                {"assign person bidi", "{\"person_id\": \"\u202eP\"}", "person_id"},
                {"assign force string", "{\"person_id\": \"" + PERSON + "\", \"force\": \"yes\"}", "force"},
                {"assign force number", "{\"person_id\": \"" + PERSON + "\", \"force\": 1}", "force"},
                {"assign unknown field", "{\"person_id\": \"" + PERSON + "\", \"name\": \"x\"}", "name"}}) {
            cases.add(json(t[0], "POST", u + "/assign", t[1], 400, t[2]));
        }
        cases.add(json("assign to nobody", "POST", u + "/assign", "{\"person_id\": \"NOBODY-HERE\"}", 404,
                "person_id"));
        for (String id : List.of("abc", "-1", "0", "1.5", "1e3", "99999999999999999999", "%27", "%00", "%20",
                "..%2F1", String.valueOf(unknownId + 1000))) {
            String path = "/api/v1/unknown-faces/" + id;
            cases.add(new Case("unknown face snapshot " + id, "GET", path + "/snapshot", null, null, admin,
                    Set.of(400, 404), "id"));
            cases.add(json("assign unknown face " + id, "POST", path + "/assign", "{\"person_id\": \"" + PERSON
                    + "\"}", Set.of(400, 404), "id"));
            cases.add(new Case("discard unknown face " + id, "DELETE", path, null, null, admin, Set.of(400, 404),
                    "id"));
        }
        for (String id : List.of("nope", "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f", "%00", "%27%20OR%201%3D1--",
                "%3Cscript%3E", "%E2%80%AE", "C".repeat(200), "%0d%0aX-Injected:%201", CAMERA + "%20",
                CAMERA.toUpperCase())) {
            cases.add(new Case("camera visits " + clip(id), "GET", "/api/v1/cameras/" + id + "/visits", null, null,
                    admin, Set.of(400, 404), null));
            cases.add(new Case("camera snapshot " + clip(id), "GET", "/api/v1/cameras/" + id + "/snapshot", null, null,
                    admin, Set.of(400, 404), null));
        }
        for (String q : List.of("limit=0", "limit=1001", "limit=abc", "limit=-1", "limit=99999999999999999999")) {
            cases.add(new Case("camera visits " + q, "GET", cam + "/visits?" + q, null, null, admin, Set.of(400),
                    "limit"));
        }
        for (String q : List.of("limit=0", "limit=1001", "limit=x", "offset=-1", "offset=x", "offset=1e3")) {
            cases.add(new Case("unknown faces " + q, "GET", "/api/v1/unknown-faces?" + q, null, null, admin,
                    Set.of(400), field(q)));
        }
        cases.add(json("read key assigns", "POST", u + "/assign", "{\"person_id\": \"" + PERSON + "\"}",
                Set.of(403), null, readKey));
        cases.add(new Case("read key discards", "DELETE", u, null, null, readKey, Set.of(403), null));
        cases.add(json("kiosk key assigns", "POST", u + "/assign", "{\"person_id\": \"" + PERSON + "\"}",
                Set.of(403), null, kioskKey));
        cases.add(new Case("kiosk key discards", "DELETE", u, null, null, kioskKey, Set.of(403), null));
        cases.add(new Case("kiosk key lists cameras", "GET", "/api/v1/cameras", null, null, kioskKey, Set.of(403),
                null));
        cases.add(new Case("kiosk key camera snapshot", "GET", cam + "/snapshot", null, null, kioskKey, Set.of(403),
                null));
        cases.add(new Case("kiosk key unknown faces", "GET", "/api/v1/unknown-faces", null, null, kioskKey,
                Set.of(403), null));
        cases.add(new Case("no key unknown snapshot", "GET", u + "/snapshot", null, null, null, Set.of(401),
                "X-API-Key"));
        cases.add(new Case("no key discards", "DELETE", u, null, null, null, Set.of(401), "X-API-Key"));
        cases.add(new Case("PUT a camera", "PUT", cam, utf8("{}"), J, admin, Set.of(404, 405), null));
        cases.add(new Case("DELETE a camera", "DELETE", cam, null, null, admin, Set.of(404, 405), null));

        // the pages' endpoints: reports, enrolment, session, sync jobs, today, status
        for (String q : List.of("start_date=2025-02-30&end_date=2025-03-01", "start_date=2025-03-01",
                "end_date=2025-03-01", "start_date=2025-03-10&end_date=2025-03-01",
                "start_date=2020-01-01&end_date=2025-01-01", "start_date=0000-01-01&end_date=2025-01-01",
                "start_date=2025-03-01&end_date=2025-03-02&format=xml", "start_date=%27%20OR%201%3D1&end_date=x",
                "start_date=2025-03-01&end_date=2025-03-02&format=csv%0d%0aX:1")) {
            cases.add(new Case("report " + q, "GET", "/api/v1/reports/attendance?" + q, null, null, admin,
                    Set.of(400), null));
        }
        for (String q : List.of("faces=some", "faces=%27", "q=" + "q".repeat(101), "department=" + "d".repeat(256),
                "active=maybe", "limit=0", "limit=501", "offset=-1", "limit=x")) {
            cases.add(new Case("enrolment " + clip(q), "GET", "/api/v1/enrolment?" + q, null, null, admin, Set.of(400),
                    field(q)));
        }
        for (String id : List.of("nope", "-1", "%27%20OR%201%3D1", "..%2F..%2Fetc", "J".repeat(200), "%00")) {
            cases.add(new Case("sync job " + clip(id), "GET", "/api/v1/sync/jobs/" + id, null, null, admin,
                    Set.of(400, 404), null));
        }
        for (String q : List.of("limit=0", "limit=1001", "offset=-1", "limit=abc")) {
            cases.add(new Case("today " + q, "GET", "/api/v1/attendance/today?" + q, null, null, admin, Set.of(400),
                    field(q)));
        }
        cases.add(new Case("session without a key", "GET", "/api/v1/session", null, null, null, Set.of(401),
                "X-API-Key"));
        cases.add(new Case("session with a wrong key", "GET", "/api/v1/session", null, null, "fck_nope", Set.of(401),
                "X-API-Key"));
        cases.add(new Case("kiosk key reports", "GET", "/api/v1/reports/attendance?start_date=2025-03-01"
                + "&end_date=2025-03-02", null, null, kioskKey, Set.of(403), null));
        cases.add(new Case("kiosk key enrolment", "GET", "/api/v1/enrolment", null, null, kioskKey, Set.of(403), null));
        cases.add(new Case("kiosk key sync status", "GET", "/api/v1/sync/status", null, null, kioskKey, Set.of(403),
                null));
        cases.add(new Case("read key starts a pull", "POST", "/api/v1/sync/odoo/pull", utf8("{}"), J, readKey,
                Set.of(403), null));

        // methods and paths nobody serves
        cases.add(new Case("DELETE logs", "DELETE", "/api/v1/logs", null, null, admin, Set.of(404, 405), null));
        cases.add(new Case("PUT attendance list", "PUT", "/api/v1/attendance", utf8("{}"), J, admin, Set.of(404, 405),
                null));
        cases.add(new Case("unknown path", "GET", "/api/v1/../../etc/passwd", null, null, admin, Set.of(400, 404),
                null));
        cases.add(new Case("encoded traversal path", "GET", "/api/v1/%2e%2e/%2e%2e/etc/passwd", null, null, admin,
                Set.of(400, 404), null));
        return cases;
    }

    /** A few requests no HTTP client library sends: ambiguous framing, CRLF in a header, a bare LF. */
    private List<String> rawSocketCases() throws IOException {
        List<String> wrong = new ArrayList<>();
        String key = service.adminKey();
        Map<String, String> raw = new LinkedHashMap<>();
        String hidden = "POST /api/v1/persons HTTP/1.1\r\nHost: x\r\nX-API-Key: " + key + "\r\nContent-Type: "
                + "application/json\r\nContent-Length: 36\r\n\r\n{\"person_id\":\"SMUG\",\"name\":\"Smug\"}";
        raw.put("CL and TE", "POST /api/v1/persons HTTP/1.1\r\nHost: x\r\nX-API-Key: " + key + "\r\nContent-Length: "
                + (hidden.length() + 5) + "\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + hidden);
        raw.put("two Content-Lengths", "POST /api/v1/persons HTTP/1.1\r\nHost: x\r\nX-API-Key: " + key
                + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 40\r\n\r\n{}");
        raw.put("header without colon", "GET /api/v1/persons HTTP/1.1\r\nHost: x\r\nX-API-Key " + key + "\r\n\r\n");
        raw.put("line too long", "GET /api/v1/persons?q=" + "a".repeat(9000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
        raw.put("headers too large", "GET /api/v1/persons HTTP/1.1\r\nHost: x\r\nX-Pad: " + "p".repeat(9000)
                + "\r\n\r\n");
        for (Map.Entry<String, String> e : raw.entrySet()) {
            String answer = exchange(e.getValue());
            int status = answer.length() >= 12 ? Integer.parseInt(answer.substring(9, 12)) : -1;
            String body = answer.contains("\r\n\r\n") ? answer.substring(answer.indexOf("\r\n\r\n") + 4) : "";
            if (status < 400 || status >= 500 || !body.contains("\"success\":false")) {
                wrong.add("raw " + e.getKey() + ": " + clip(answer));
            }
        }
        if (service.get("/api/v1/persons/SMUG").status() != 404) {
            wrong.add("the request hidden behind Content-Length and Transfer-Encoding ran");
        }
        return wrong;
    }

    private String judge(Case c, Reply r) {
        if (!c.statuses().contains(r.status())) {
            return "status " + r.status() + ", wanted " + c.statuses() + ": " + clip(r.body());
        }
        JsonNode j;
        try {
            j = Json.MAPPER.readTree(r.body());
        } catch (IOException notJson) {
            return "not JSON: " + clip(r.body());
        }
        if (j == null || !j.path("success").isBoolean() || j.get("success").asBoolean()) {
            return "no success:false: " + clip(r.body());
        }
        if (j.path("error").asText().length() < 5) {
            return "no error sentence: " + clip(r.body());
        }
        if (r.body().contains("Exception") || r.body().contains("\tat ") || r.body().contains("SQL")
                && !c.name().contains("SQL")) {
            return "internals leaked: " + clip(r.body());
        }
        if (c.field() != null && !c.field().equals(j.path("field").asText(null))) {
            return "field " + j.path("field").asText(null) + ", wanted " + c.field() + ": " + clip(r.body());
        }
        return null;
    }

    // ---- helpers ----

    private Case json(String name, String method, String path, String body, int status, String field) {
        return json(name, method, path, body, Set.of(status), field);
    }

    private Case json(String name, String method, String path, String body, Set<Integer> statuses, String field) {
        return json(name, method, path, body, statuses, field, service.adminKey());
    }

    private Case json(String name, String method, String path, String body, Set<Integer> statuses, String field,
                      String key) {
        return new Case(name, method, path, utf8(body), J, key, statuses, field);
    }

    private static String field(String query) {
        return query.substring(0, query.indexOf('='));
    }

    private String key(String name, String scope) {
        return service.post("/api/v1/apikeys", Map.of("name", name, "scope", scope)).data().get("key").asText();
    }

    /**
     * Every table but the logs (the audit log; the people change log, which numbers each change for
     * the other nodes; the schedule runs, which a scheduled route adds to whenever it fires), row by
     * row in a stable order; api_key without last_used_at.
     */
    private String dump() throws Exception {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Connection c = service.app().beans().database().connection(); Statement st = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    names.add(rs.getString("TABLE_NAME"));
                }
            }
            for (String t : names) {
                // bookkeeping: a schedule firing during the corpus writes its run and lease there, and an
                // enrolment (then deleted) numbers its change for the other nodes
                if (Set.of("audit_log", "schedule_run", "sync_lease", "people_change", "people_version")
                        .contains(t.toLowerCase(java.util.Locale.ROOT))) {
                    continue;
                }
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT * FROM \"" + t + "\"")) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= n; i++) {
                            if (rs.getMetaData().getColumnName(i).equalsIgnoreCase("last_used_at")) {
                                continue;
                            }
                            Object v = rs.getObject(i);
                            row.append(v instanceof byte[] b ? "bytes:" + Arrays.hashCode(b) : String.valueOf(v))
                                    .append('|');
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                tables.put(t.toLowerCase(java.util.Locale.ROOT), rows);
            }
        }
        return tables.entrySet().stream().flatMap(e -> e.getValue().stream().map(r -> e.getKey() + ": " + r))
                .collect(Collectors.joining("\n"));
    }

    private static List<String> diff(String before, String after) {
        Set<String> old = Set.copyOf(Arrays.asList(before.split("\n")));
        return Arrays.stream(after.split("\n")).filter(l -> !old.contains(l)).toList();
    }

    private String exchange(String raw) throws IOException {
        int port = Integer.parseInt(service.baseUrl().substring(service.baseUrl().lastIndexOf(':') + 1));
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(3000);
            s.getOutputStream().write(raw.getBytes(StandardCharsets.UTF_8));
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    got.write(buf, 0, n);
                }
            } catch (SocketTimeoutException | java.net.SocketException quietOrReset) {
                // what came is the answer
            }
            return got.toString(StandardCharsets.UTF_8);
        }
    }

    private static byte[] photo(String inFaces) {
        try {
            return Files.readAllBytes(Path.of(System.getProperty("faceclock.shared", "../shared"), "faces", inFaces));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** A PNG signature and IHDR chunk claiming the size, and nothing after. */
    private static byte[] pngHeader(int width, int height) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(33);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        b.putInt(width).putInt(height).put(new byte[] {8, 2, 0, 0, 0});
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(b.array(), 12, 17);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    /** A JPEG start and an SOF0 frame claiming the size, and nothing after. */
    private static byte[] jpegHeader(int width, int height) {
        return new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xc0, 0, 17, 8, (byte) (height >> 8),
                (byte) height, (byte) (width >> 8), (byte) width, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1};
    }

    private static byte[] blank() throws IOException {
        BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        return encode(img, "png");
    }

    private static byte[] jpeg(byte[] png) throws IOException {
        BufferedImage src = ImageIO.read(new java.io.ByteArrayInputStream(png));
        BufferedImage rgb = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(src, 0, 0, null);
        return encode(rgb, "jpg");
    }

    /** The photo's pixels turned a quarter to the left, with EXIF orientation 6 telling a viewer to turn them back. */
    private static byte[] exifRotated(byte[] jpeg) throws IOException {
        BufferedImage src = ImageIO.read(new java.io.ByteArrayInputStream(jpeg));
        BufferedImage turned = new BufferedImage(src.getHeight(), src.getWidth(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = turned.createGraphics();
        AffineTransform t = new AffineTransform();
        t.translate(0, src.getWidth());
        t.rotate(-Math.PI / 2);
        g.drawImage(src, t, null);
        g.dispose();
        byte[] plain = encode(turned, "jpg");
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0};
        byte[] exif = concat(utf8("Exif\0\0"), tiff);
        int len = exif.length + 2;
        return concat(Arrays.copyOf(plain, 2), new byte[] {(byte) 0xff, (byte) 0xe1, (byte) (len >> 8), (byte) len},
                exif, Arrays.copyOfRange(plain, 2, plain.length));
    }

    private static byte[] twoFaces() throws IOException {
        BufferedImage left = ImageIO.read(new java.io.ByteArrayInputStream(photo("bbt/sheldon/sheldon3.png")));
        BufferedImage right = ImageIO.read(new java.io.ByteArrayInputStream(photo("bbt/penny/penny2.png")));
        BufferedImage canvas = new BufferedImage(left.getWidth() + right.getWidth() + 60,
                Math.max(left.getHeight(), right.getHeight()) + 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        g.drawImage(left, 20, 20, null);
        g.drawImage(right, left.getWidth() + 40, 20, null);
        g.dispose();
        return encode(canvas, "png");
    }

    private static byte[] encode(BufferedImage img, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    private static String clip(String s) {
        String one = s.replaceAll("[\\r\\n]+", " ");
        return one.length() > 220 ? one.substring(0, 220) + "…" : one;
    }
}
