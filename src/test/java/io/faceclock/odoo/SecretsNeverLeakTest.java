package io.faceclock.odoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import io.faceclock.fakeodoo.FakeOdoo;
import io.faceclock.fakeodoo.Hostile;
import io.faceclock.fakeodoo.OdooVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The password or API key shows up in no exception, no toString and no log line, whatever goes wrong. */
class SecretsNeverLeakTest {

    private static final String SECRET = "Zebra-Quartz-7731-Passphrase";

    @Test
    void the_password_is_absent_from_every_error_message_and_log_line() {
        List<Throwable> errors = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        try (LogCapture logs = new LogCapture(); FakeOdoo odoo = FakeOdoo.start(OdooVersion.V19)) {
            int uid = odoo.addUser("clock", SECRET);
            OdooConnection conn = OdooConnection.of(odoo.url(), odoo.db(), "clock", SECRET)
                    .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10)).withMaxResponseBytes(64 * 1024);
            shown.add(conn.toString());
            XmlRpcOdooClient c = new XmlRpcOdooClient(conn);
            c.authenticate();
            shown.add(c.connection().toString());

            errors.add(attempt(() -> new XmlRpcOdooClient(conn.withPassword(SECRET + "x")).authenticate()));
            errors.add(attempt(() -> new XmlRpcOdooClient(conn.withDb("nodb-" + SECRET)).authenticate()));
            errors.add(attempt(() -> c.searchRead("hr.employee", List.of(List.of(SECRET, "=", 1)), List.of("id"))));
            errors.add(attempt(() -> c.searchRead("hr.employee", List.of(), List.of("id", SECRET))));
            errors.add(attempt(() -> c.write("hr.employee", List.of(2), Map.of("barcode", SECRET))));
            errors.add(attempt(() -> c.create("hr.attendance", List.of(Map.of("employee_id", 2,
                    "check_in", Instant.parse("2025-01-01T08:00:00Z"))))));
            errors.add(attempt(() -> c.execute("hr.employee", "_" + SECRET, List.of(), Map.of())));
            errors.add(attempt(() -> c.execute("hr." + SECRET, "search", List.of(List.of()), Map.of())));
            for (Hostile mode : List.of(Hostile.NOT_ODOO_404, Hostile.HTML_200, Hostile.XXE, Hostile.HUGE_RESPONSE,
                    Hostile.HUGE_DECLARED_LENGTH, Hostile.SERIALIZED_FAULT_CAUSE, Hostile.EX_SERIALIZABLE)) {
                odoo.hostile(mode);
                errors.add(attempt(() -> c.searchCount("hr.employee", List.of(), Map.of())));
            }
            odoo.hostile(Hostile.NEVER_ANSWER);
            XmlRpcOdooClient impatient = new XmlRpcOdooClient(conn.withTimeouts(Duration.ofSeconds(2),
                    Duration.ofMillis(300)));
            errors.add(attempt(impatient::authenticate));
            odoo.hostile(Hostile.NONE);
            odoo.reset(); // the user is gone: the cached uid's password no longer matches
            errors.add(attempt(() -> c.searchCount("hr.employee", List.of(), Map.of())));
            odoo.goDown();
            errors.add(attempt(() -> c.searchCount("hr.employee", List.of(), Map.of())));
            errors.add(attempt(() -> new XmlRpcOdooClient(conn).authenticate()));

            assertEquals(19, errors.size());
            for (Throwable e : errors) {
                for (Throwable t = e; t != null; t = t.getCause()) {
                    shown.add(String.valueOf(t.getMessage()));
                    shown.add(t.toString());
                }
            }
            shown.addAll(logs.lines());
            assertFalse(logs.lines().isEmpty(), "logs were captured");
        }
        for (String s : shown) {
            assertFalse(s.contains(SECRET), "the password leaked: " + s);
        }
    }

    @Test
    void the_api_key_is_absent_from_every_json2_error_and_log_line() {
        String key = "feedfacecafebeef0123456789abcdef01234567";
        List<String> shown = new ArrayList<>();
        try (LogCapture logs = new LogCapture(); FakeOdoo odoo = FakeOdoo.start(OdooVersion.V19)) {
            int uid = odoo.addUser("clock", "irrelevant");
            odoo.addApiKey(uid, key);
            OdooConnection conn = OdooConnection.of(odoo.url(), odoo.db(), "clock", key)
                    .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10)).withMaxResponseBytes(64 * 1024);
            OdooJson2Client c = new OdooJson2Client(conn);
            c.authenticate();
            List<Throwable> errors = new ArrayList<>();
            errors.add(attempt(() -> new OdooJson2Client(conn.withPassword(key + "0")).authenticate()));
            errors.add(attempt(() -> new OdooJson2Client(conn.withDb("nodb-" + key)).authenticate()));
            errors.add(attempt(() -> c.searchRead("hr.employee", List.of(List.of(key, "=", 1)), List.of("id"))));
            errors.add(attempt(() -> c.execute("hr.employee", "_" + key, List.of(), Map.of())));
            errors.add(attempt(() -> c.create("hr.attendance", List.of(Map.of("employee_id", 2,
                    "check_in", Instant.parse("2025-01-01T08:00:00Z"))))));
            for (Hostile mode : List.of(Hostile.NOT_ODOO_404, Hostile.HTML_200, Hostile.HUGE_RESPONSE,
                    Hostile.HUGE_DECLARED_LENGTH)) {
                odoo.hostile(mode);
                errors.add(attempt(() -> c.searchCount("hr.employee", List.of(), Map.of())));
            }
            odoo.hostile(Hostile.NEVER_ANSWER);
            errors.add(attempt(new OdooJson2Client(conn.withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300)))
                    ::authenticate));
            odoo.goDown();
            errors.add(attempt(() -> c.searchCount("hr.employee", List.of(), Map.of())));
            for (Throwable e : errors) {
                for (Throwable t = e; t != null; t = t.getCause()) {
                    shown.add(String.valueOf(t.getMessage()));
                    shown.add(t.toString());
                }
            }
            shown.add(conn.toString());
            shown.addAll(logs.lines());
        }
        for (String s : shown) {
            assertFalse(s.contains(key), "the API key leaked: " + s);
        }
    }

    private static Throwable attempt(Runnable r) {
        try {
            r.run();
        } catch (OdooException e) {
            return e;
        }
        return fail("expected an OdooException");
    }
}
