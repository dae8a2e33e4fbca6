package io.faceclock.fakeodoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the rights transcripts (real Odoo 18.0 on port 8069 and 19.0 on 8070, users without
 * Employees / Officer) against the fake, in order: what such a user sees in fields_get, which
 * reads fault and with which message, and what check_access_rights and has_group answer.
 * fields_get is compared field by field for every field the fake knows: present in the fake's
 * answer exactly when real Odoo showed it (the fake knows fewer fields than Odoo has).
 */
class FakeOdooRightsContractTest {

    private static final String ADMIN_SECRET = "ADMIN-API-KEY-REDACTED";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private FakeOdoo fake;

    @AfterEach
    void stop() {
        if (fake != null) {
            fake.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> odoo_18_hides_badges_from_users_without_employee_rights() {
        return replay(OdooVersion.V18, 8069);
    }

    @TestFactory
    Stream<DynamicTest> odoo_19_hides_badges_and_refuses_employee_reads_to_users_without_employee_rights() {
        return replay(OdooVersion.V19, 8070);
    }

    private Stream<DynamicTest> replay(OdooVersion version, int port) {
        Transcripts t = Transcripts.of("rights-18.0-19.0");
        fake = FakeOdoo.start(version);
        fake.addApiKey(FakeOdoo.ADMIN_UID, ADMIN_SECRET);
        return t.cases().stream().filter(c -> ((Number) c.get("port")).intValue() == port).map(c -> {
            String name = (String) c.get("case");
            return DynamicTest.dynamicTest(name, () -> replayOne(t, c, name));
        });
    }

    private void replayOne(Transcripts t, Map<String, Object> c, String name) throws Exception {
        fake.clock().set(t.responseDate(name));
        HttpRequest req = HttpRequest.newBuilder(URI.create(fake.url() + t.requestLine(name)[1]))
                .header("Content-Type", "text/xml").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(t.request(name))).build();
        HttpResponse<byte[]> res = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, res.statusCode(), name + ": HTTP status");
        XmlRpcWire.Response got = XmlRpcWire.parseResponse(res.body());
        if (c.containsKey("faultCode")) {
            assertTrue(got.isFault(), name + ": expected a fault, got " + got.value());
            assertEquals(c.get("faultCode"), got.faultCode(), name + ": faultCode");
            assertEquals(c.get("faultString"), got.faultString(), name + ": faultString");
            return;
        }
        if (got.isFault()) {
            fail(name + ": unexpected fault " + got.faultCode() + ": " + got.faultString());
        }
        if ("fields_get".equals(method(c))) {
            sameVisibleFields(name, (Map<?, ?>) c.get("result"), (Map<?, ?>) got.value());
        } else {
            assertEquals(normalise(c.get("result")), normalise(got.value()), name + ": result");
        }
    }

    /** Every field the fake defines is shown exactly when Odoo showed it; barcode never is, here. */
    private void sameVisibleFields(String name, Map<?, ?> recorded, Map<?, ?> got) {
        Map<?, ?> all = (Map<?, ?>) fake.execute(FakeOdoo.ADMIN_UID, "hr.employee", "fields_get", List.of(),
                Map.of("attributes", List.of("type")));
        for (Object field : all.keySet()) {
            assertEquals(recorded.containsKey(field), got.containsKey(field), name + ": field " + field
                    + (recorded.containsKey(field) ? " shown by Odoo" : " hidden by Odoo"));
        }
        assertFalse(got.containsKey("barcode"), name);
        assertTrue(all.containsKey("barcode"), "the admin sees the badge");
    }

    @SuppressWarnings("unchecked")
    private static String method(Map<String, Object> c) {
        List<Object> args = (List<Object>) c.get("args");
        return "execute_kw".equals(c.get("method")) ? (String) args.get(4) : (String) c.get("method");
    }

    /** Record values compared as Odoo sends them; the clock's write_date only by its presence. */
    private static Object normalise(Object v) {
        if (v instanceof Map<?, ?> m) {
            java.util.Map<Object, Object> out = new java.util.TreeMap<>();
            m.forEach((k, x) -> out.put(k, "write_date".equals(k) ? x instanceof String : normalise(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            return l.stream().map(FakeOdooRightsContractTest::normalise).toList();
        }
        return v;
    }
}
