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
                    .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300)).withMaxResponseBytes(64 * 1024);
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
                    Hostile.HUGE_DECLARED_LENGTH, Hostile.SERIALIZED_FAULT_CAUSE, Hostile.EX_SERIALIZABLE,
                    Hostile.NEVER_ANSWER)) {
                odoo.hostile(mode);
                errors.add(attempt(() -> c.searchCount("hr.employee", List.of(), Map.of())));
            }
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

    private static Throwable attempt(Runnable r) {
        try {
            r.run();
        } catch (OdooException e) {
            return e;
        }
        return fail("expected an OdooException");
    }
}
