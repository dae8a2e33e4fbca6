package io.faceclock.fakeodoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every recorded XML-RPC request (18.0 and 19.0) and then the 18.0 JSON-RPC ones, in order, against the fake and compares the
 * answers with what real Odoo answered: HTTP status, fault codes, fault messages (the last traceback
 * line for code 1), and result values structurally. write_date / create_date values depend on the
 * clock, so only their format is compared. No case is skipped.
 * <p>
 * Recorded starting state: the demo database as installed (Seed), its install time taken from the
 * "newest write_date" case, the throwaway API keys the capture minted out of band, and (19.0 only) the
 * writes the JSON-2 capture made on the same database before the XML-RPC calls, replayed from
 * json2-19.0/cases.json through the fake's ORM. The fake's clock is pinned to each case's recorded
 * Date header, so write_date ordering follows the recording.
 */
class FakeOdooContractTest {

    private static final Pattern API_KEY = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern ODOO_DATETIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    private static final Set<String> CLOCK_FIELDS = Set.of("write_date", "create_date");
    private static final Set<String> JSON2_WRITES = Set.of("create", "write", "unlink");
    private static final DateTimeFormatter ODOO = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private FakeOdoo fake;

    @AfterEach
    void stop() {
        if (fake != null) {
            fake.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> fake_odoo_18_answers_every_recorded_xmlrpc_call_like_odoo_18() {
        Transcripts t = Transcripts.of("xmlrpc-18.0");
        fake = FakeOdoo.start(OdooVersion.V18);
        fake.reset(installTime(t.find("026").get("result")));
        registerApiKeys(t);
        // the JSON-RPC capture ran next, on the same database (its ids and the noaccess user follow on)
        Transcripts jsonRpc = Transcripts.of("jsonrpc-18.0");
        return Stream.concat(replay(t), jsonRpc.cases().stream().map(c -> DynamicTest.dynamicTest(
                "jsonrpc " + c.get("file"), () -> replayJsonRpc(jsonRpc, c))));
    }

    @TestFactory
    Stream<DynamicTest> fake_odoo_19_answers_every_recorded_xmlrpc_call_like_odoo_19() {
        Transcripts t = Transcripts.of("xmlrpc-19.0");
        Transcripts json2 = Transcripts.of("json2-19.0");
        fake = FakeOdoo.start(OdooVersion.V19);
        fake.reset(installTime(json2.find("031").get("result")));
        registerApiKeys(t);
        replayJson2Writes(json2);
        return replay(t);
    }

    /** The demo data's write_date is the install time; admin's employee is written a second later. */
    @SuppressWarnings("unchecked")
    private static Instant installTime(Object newestWriteDateResult) {
        String newest = (String) ((List<Map<String, Object>>) newestWriteDateResult).get(0).get("write_date");
        return LocalDateTime.parse(newest, ODOO).toInstant(ZoneOffset.UTC).minusSeconds(1).plusMillis(250);
    }

    @SuppressWarnings("unchecked")
    private void registerApiKeys(Transcripts t) {
        for (Map<String, Object> c : t.cases()) {
            List<Object> params = (List<Object>) c.get("params");
            if (params != null && params.size() > 2 && params.get(2) instanceof String s && API_KEY.matcher(s).matches()) {
                fake.addApiKey(FakeOdoo.ADMIN_UID, s);
            }
        }
    }

    /** The JSON-2 capture's create/write/unlink calls that reached the ORM, as the user who made them. */
    @SuppressWarnings("unchecked")
    private void replayJson2Writes(Transcripts json2) {
        // whose key made each call: the context_get cases say which uid owns which bearer token
        Map<String, Integer> uidByToken = new LinkedHashMap<>();
        for (Map<String, Object> c : json2.cases()) {
            if (((String) c.get("path")).endsWith("/res.users/context_get") && c.get("result") instanceof Map<?, ?> r) {
                uidByToken.put(token(c), (Integer) r.get("uid"));
            }
        }
        for (Map<String, Object> c : json2.cases()) {
            String[] path = ((String) c.get("path")).split("/");
            if (path.length != 5 || !JSON2_WRITES.contains(path[4]) || isBindingOrAuthError(c)) {
                continue;
            }
            Map<String, Object> body = new LinkedHashMap<>((Map<String, Object>) c.get("body"));
            List<Object> args = new ArrayList<>();
            if (!path[4].equals("create")) {
                Object ids = body.remove("ids");
                args.add(ids == null ? List.of() : ids);
            }
            fake.clock().set(json2.responseDate((String) c.get("file")));
            int status = ((Number) c.get("http_status")).intValue();
            try {
                fake.execute(uidByToken.getOrDefault(token(c), FakeOdoo.ADMIN_UID), path[3], path[4], args, body);
                assertEquals(200, status, "json2 " + c.get("file") + " succeeded on the fake but not on Odoo");
            } catch (Fault f) {
                assertTrue(status != 200, "json2 " + c.get("file") + " failed on the fake: " + f.getMessage());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static String token(Map<String, Object> c) {
        Object auth = ((Map<String, Object>) c.get("request_headers")).get("Authorization");
        return auth == null ? "" : String.valueOf(auth).replaceFirst("(?i)^bearer\\s*", "");
    }

    @SuppressWarnings("unchecked")
    private static boolean isBindingOrAuthError(Map<String, Object> c) {
        Object error = c.get("error");
        return error instanceof Map<?, ?> e && String.valueOf(e.get("name")).startsWith("werkzeug.");
    }

    private Stream<DynamicTest> replay(Transcripts t) {
        return t.cases().stream().map(c -> {
            String file = (String) c.get("file");
            return DynamicTest.dynamicTest(file, () -> replayOne(t, c, file));
        });
    }

    private void replayOne(Transcripts t, Map<String, Object> c, String file) throws Exception {
        String[] line = t.requestLine(file);
        fake.clock().set(t.responseDate(file));
        byte[] body = t.request(file);
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(fake.url() + line[1]))
                .header("Content-Type", "text/xml").timeout(Duration.ofSeconds(10));
        req = line[0].equals("GET") ? req.GET() : req.POST(HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<byte[]> res = http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
        int status = ((Number) c.get("http_status")).intValue();
        assertEquals(status, res.statusCode(), file + ": HTTP status");
        assertEquals("close", res.headers().firstValue("Connection").orElse(null), file + ": Connection header");
        byte[] recorded = t.response(file);
        if (status != 200) {
            assertEquals(new String(recorded, StandardCharsets.UTF_8), new String(res.body(), StandardCharsets.UTF_8),
                    file + ": body");
            assertEquals(t.responseHeader(file, "Allow"), res.headers().firstValue("Allow").orElse(null));
            return;
        }
        assertEquals(t.responseHeader(file, "Content-Type"), res.headers().firstValue("Content-Type").orElse(null));
        XmlRpcWire.Response want = XmlRpcWire.parseResponse(recorded);
        XmlRpcWire.Response got = XmlRpcWire.parseResponse(res.body());
        if (want.isFault()) {
            assertTrue(got.isFault(), file + ": expected a fault, got " + got.value());
            assertEquals(want.faultCode(), got.faultCode(), file + ": faultCode (" + got.faultString() + ")");
            if (Integer.valueOf(1).equals(want.faultCode())) {
                assertEquals(lastLine(want.faultString()), lastLine(got.faultString()), file + ": traceback's last line");
            } else {
                assertEquals(want.faultString(), got.faultString(), file + ": faultString");
            }
            return;
        }
        if (got.isFault()) {
            fail(file + ": unexpected fault " + got.faultCode() + ": " + lastLine(got.faultString()));
        }
        assertSame(file, "", want.value(), got.value());
        if (!new String(recorded, StandardCharsets.UTF_8).contains("_date")
                && !((String) c.get("file")).contains("fields_get")) {
            // same bytes, not just same values: the fake marshals like Python's xmlrpc.client
            assertEquals(new String(recorded, StandardCharsets.UTF_8), new String(res.body(), StandardCharsets.UTF_8),
                    file + ": body bytes");
        }
    }

    @SuppressWarnings("unchecked")
    private void replayJsonRpc(Transcripts t, Map<String, Object> c) throws Exception {
        String file = (String) c.get("file");
        fake.clock().set(t.responseDate(file));
        HttpRequest req = HttpRequest.newBuilder(URI.create(fake.url() + t.requestLine(file)[1]))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(t.request(file))).build();
        HttpResponse<byte[]> res = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(((Number) c.get("http_status")).intValue(), res.statusCode(), file);
        ObjectMapper json = new ObjectMapper();
        Map<String, Object> want = json.readValue(t.response(file), Map.class);
        Map<String, Object> got = json.readValue(res.body(), Map.class);
        assertEquals(want.keySet(), got.keySet(), file + ": keys");
        assertEquals(want.get("id"), got.get("id"), file + ": id echoed");
        if (want.containsKey("error")) {
            Map<String, Object> we = (Map<String, Object>) want.get("error");
            Map<String, Object> ge = (Map<String, Object>) got.get("error");
            assertEquals(we.get("code"), ge.get("code"), file);
            assertEquals(we.get("message"), ge.get("message"), file);
            Map<String, Object> wd = (Map<String, Object>) we.get("data");
            Map<String, Object> gd = (Map<String, Object>) ge.get("data");
            for (String k : List.of("name", "message", "arguments", "context")) {
                assertEquals(wd.get(k), gd.get(k), file + ": error data " + k);
            }
            return;
        }
        assertSame(file, "", want.get("result"), got.get("result"));
    }

    private static void assertSame(String file, String path, Object want, Object got) {
        if (want instanceof Map<?, ?> w) {
            if (!(got instanceof Map<?, ?> g)) {
                fail(file + ": at " + path + " expected a struct, got " + got);
                return;
            }
            assertEquals(w.keySet(), g.keySet(), file + ": keys at " + path);
            for (Object k : w.keySet()) {
                if (CLOCK_FIELDS.contains(k) && w.get(k) instanceof String) {
                    assertTrue(g.get(k) instanceof String s && ODOO_DATETIME.matcher(s).matches(),
                            file + ": " + path + "." + k + " should be an Odoo datetime, got " + g.get(k));
                } else {
                    assertSame(file, path + "." + k, w.get(k), g.get(k));
                }
            }
        } else if (want instanceof List<?> w) {
            if (!(got instanceof List<?> g)) {
                fail(file + ": at " + path + " expected an array, got " + got);
                return;
            }
            assertEquals(w.size(), g.size(), file + ": length at " + path + ": " + g);
            for (int i = 0; i < w.size(); i++) {
                assertSame(file, path + "[" + i + "]", w.get(i), g.get(i));
            }
        } else {
            assertEquals(want, got, file + ": value at " + path);
        }
    }

    static String lastLine(String traceback) {
        String[] lines = traceback.strip().split("\n");
        return lines[lines.length - 1];
    }
}
