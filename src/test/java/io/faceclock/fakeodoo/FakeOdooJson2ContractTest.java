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
 * Replays every recorded JSON-2 request (json2-19.0), in order, against the fake Odoo 19 and compares
 * status, content type, error name / message / arguments, and results structurally (write_date values
 * only by format). Success bodies are also compared byte for byte where no clock value or field order
 * is involved. Recorded starting state: the demo install (its time from case 031), and the two
 * throwaway API keys, whose owners the context_get cases name. No case is skipped.
 */
class FakeOdooJson2ContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ODOO_DATETIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    private static final Set<String> CLOCK_FIELDS = Set.of("write_date", "create_date");
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private FakeOdoo fake;

    @AfterEach
    void stop() {
        if (fake != null) {
            fake.close();
        }
    }

    @TestFactory
    @SuppressWarnings("unchecked")
    Stream<DynamicTest> fake_odoo_19_answers_every_recorded_json2_call_like_odoo_19() {
        Transcripts t = Transcripts.of("json2-19.0");
        fake = FakeOdoo.start(OdooVersion.V19);
        String newest = (String) ((List<Map<String, Object>>) t.find("031").get("result")).get(0).get("write_date");
        fake.reset(LocalDateTime.parse(newest, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))
                .toInstant(ZoneOffset.UTC).minusSeconds(1).plusMillis(250));
        for (Map<String, Object> c : t.cases()) {
            if (((String) c.get("path")).endsWith("/res.users/context_get") && c.get("result") instanceof Map<?, ?> r) {
                String auth = String.valueOf(((Map<String, Object>) c.get("request_headers")).get("Authorization"));
                fake.addApiKey((Integer) r.get("uid"), auth.replaceFirst("(?i)^bearer\\s*", ""));
            }
        }
        return t.cases().stream().map(c -> DynamicTest.dynamicTest((String) c.get("file"), () -> replayOne(t, c)));
    }

    @SuppressWarnings("unchecked")
    private void replayOne(Transcripts t, Map<String, Object> c) throws Exception {
        String file = (String) c.get("file");
        fake.clock().set(t.responseDate(file));
        byte[] body = t.request(file);
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(fake.url() + c.get("path")))
                .timeout(Duration.ofSeconds(10));
        ((Map<String, Object>) c.get("request_headers")).forEach((k, v) -> {
            if (!RESTRICTED.contains(k.toLowerCase())) {
                req.header(k, String.valueOf(v));
            }
        });
        String method = (String) c.get("http_method");
        req.method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<byte[]> res = http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
        int status = ((Number) c.get("http_status")).intValue();
        assertEquals(status, res.statusCode(), file + ": HTTP status; body " + new String(res.body(),
                StandardCharsets.UTF_8));
        assertEquals(c.get("response_content_type"), res.headers().firstValue("Content-Type").orElse(null),
                file + ": content type");
        if (status == 401) {
            assertEquals("Bearer", res.headers().firstValue("WWW-Authenticate").orElse("").trim(), file);
        }
        String recorded = new String(t.response(file), StandardCharsets.UTF_8);
        String got = new String(res.body(), StandardCharsets.UTF_8);
        if (!String.valueOf(c.get("response_content_type")).startsWith("application/json")) {
            assertEquals(recorded, got, file + ": page");
            return;
        }
        Object want = JSON.readValue(recorded, Object.class);
        Object answer = JSON.readValue(got, Object.class);
        if (c.containsKey("error")) {
            Map<String, Object> w = (Map<String, Object>) want;
            Map<String, Object> g = (Map<String, Object>) answer;
            for (String k : List.of("name", "message", "arguments", "context")) {
                assertEquals(w.get(k), g.get(k), file + ": error " + k);
            }
            assertEquals(List.copyOf(w.keySet()), List.copyOf(g.keySet()), file + ": error keys in order");
            return;
        }
        assertSame(file, "", want, answer);
        if (!recorded.contains("_date") && !file.contains("fields_get")) {
            assertEquals(recorded, got, file + ": body bytes");
        }
    }

    private static void assertSame(String file, String path, Object want, Object got) {
        if (want instanceof Map<?, ?> w) {
            if (!(got instanceof Map<?, ?> g)) {
                fail(file + ": at " + path + " expected an object, got " + got);
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
}
