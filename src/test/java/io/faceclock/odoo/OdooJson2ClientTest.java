package io.faceclock.odoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceclock.fakeodoo.FakeOdoo;
import io.faceclock.fakeodoo.Hostile;
import io.faceclock.fakeodoo.OdooVersion;
import io.faceclock.odoo.OdooException.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JSON-2 client (Odoo 19+) against the fake: the same API as XML-RPC, with a bearer API key. */
class OdooJson2ClientTest {

    private static final String KEY = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";

    private FakeOdoo odoo;
    private OdooJson2Client client;

    @BeforeEach
    void start() {
        odoo = FakeOdoo.start(OdooVersion.V19);
        odoo.addApiKey(FakeOdoo.ADMIN_UID, KEY);
        client = new OdooJson2Client(connection(KEY));
    }

    @AfterEach
    void stop() {
        odoo.close();
    }

    private OdooConnection connection(String key) {
        return OdooConnection.of(odoo.url(), odoo.db(), "admin", key)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    @Test
    void finds_its_uid_once_with_context_get() {
        assertEquals(2, client.authenticate());
        assertEquals(2, client.authenticate());
        assertEquals(21, client.searchCount("hr.employee", List.of(), Map.of()));
        assertEquals(1, odoo.calls("res.users.context_get"));
        assertEquals("19.0", client.version().serverVersion());
        assertEquals(new UserInfo(2, "Mitchell Admin", "admin", "Europe/Brussels"), client.currentUser());
    }

    @Test
    void the_login_password_is_not_an_api_key() {
        OdooException e = assertThrows(OdooException.class,
                () -> new OdooJson2Client(connection(FakeOdoo.ADMIN_PASSWORD)).authenticate());
        assertEquals(Kind.AUTH_FAILED, e.kind());
        assertEquals("Authentication failed. Check credentials.", e.getMessage());
    }

    @Test
    void an_unknown_database_is_named() {
        OdooException e = assertThrows(OdooException.class,
                () -> new OdooJson2Client(connection(KEY).withDb("nope_db")).authenticate());
        assertEquals(Kind.UNKNOWN_DATABASE, e.kind());
        assertTrue(e.getMessage().contains("'nope_db'"), e.getMessage());
    }

    @Test
    void an_odoo_18_server_is_not_a_json2_endpoint() {
        try (FakeOdoo old = FakeOdoo.start(OdooVersion.V18)) {
            OdooJson2Client c = new OdooJson2Client(OdooConnection.of(old.url(), old.db(), "admin", KEY));
            OdooException e = assertThrows(OdooException.class, c::authenticate);
            assertEquals(Kind.NOT_ODOO, e.kind());
            assertTrue(e.getMessage().contains("Odoo 19"), e.getMessage());
        }
    }

    @Test
    void reads_and_writes_like_the_xmlrpc_client() {
        assertTrue(client.fieldsGet("hr.employee").containsKey("version_id"));
        List<Integer> ids = client.create("hr.attendance", List.of(Map.of("employee_id", 2,
                "check_in", Instant.parse("2025-02-03T08:00:00Z"), "check_out", Instant.parse("2025-02-03T12:00:00Z"))));
        assertEquals(1, ids.size());
        Map<String, Object> rec = client.read("hr.attendance", ids, List.of("check_in", "worked_hours", "write_date"))
                .get(0);
        assertEquals(Instant.parse("2025-02-03T08:00:00Z"), rec.get("check_in"));
        assertEquals(3.0, rec.get("worked_hours"));
        assertInstanceOf(Instant.class, rec.get("write_date"));
        assertTrue(client.write("hr.employee", List.of(5), Map.of("active", false)));
        assertEquals(List.of(5), client.search("hr.employee", List.of(List.of("id", "=", 5)), 0, null, null,
                Map.of("active_test", false)));
        assertTrue(client.hasGroup(FakeOdoo.GROUP_ATTENDANCE_OFFICER));
        assertTrue(client.checkAccessRights("hr.attendance", "create"));
    }

    @Test
    void odoo_errors_keep_their_kind_and_message() {
        OdooException batch = assertThrows(OdooException.class, () -> client.create("hr.attendance", List.of(
                Map.of("employee_id", 3, "check_in", Instant.parse("2025-04-01T07:00:00Z"),
                        "check_out", Instant.parse("2025-04-01T15:00:00Z")),
                Map.of("employee_id", 3, "check_in", Instant.parse("2025-04-02T15:00:00Z"),
                        "check_out", Instant.parse("2025-04-02T07:00:00Z")))));
        assertEquals(Kind.VALIDATION, batch.kind());
        assertEquals("\"Check Out\" time cannot be earlier than \"Check In\" time.", batch.getMessage());
        assertEquals(0, client.searchCount("hr.attendance", List.of(List.of("employee_id", "=", 3)), Map.of()));

        OdooException missing = assertThrows(OdooException.class,
                () -> client.write("hr.attendance", List.of(999999), Map.of("check_out", Instant.now())));
        assertEquals(Kind.MISSING_RECORD, missing.kind());

        OdooException bad = assertThrows(OdooException.class,
                () -> client.searchRead("hr.employee", List.of(List.of("nope_field", "=", 1)), List.of("id")));
        assertEquals(Kind.SERVER_ERROR, bad.kind());
        assertTrue(bad.getMessage().endsWith("ValueError: Invalid field hr.employee.nope_field in condition "
                + "('nope_field', '=', 1)"), bad.getMessage());

        int kiosk = odoo.addUser("kiosk", "kiosk-pass");
        String kioskKey = "0000000000000000000000000000000000000aaa";
        odoo.addApiKey(kiosk, kioskKey);
        OdooException denied = assertThrows(OdooException.class, () -> new OdooJson2Client(connection(kioskKey))
                .create("hr.attendance", List.of(Map.of("employee_id", 2, "check_in", Instant.now()))));
        assertEquals(Kind.ACCESS_DENIED, denied.kind());
        assertTrue(denied.getMessage().contains("(hr.attendance)"), denied.getMessage());
    }

    @Test
    void slow_huge_or_absent_servers_fail_fast_and_clearly() {
        odoo.hostile(Hostile.NEVER_ANSWER);
        OdooJson2Client impatient = new OdooJson2Client(connection(KEY).withTimeouts(Duration.ofSeconds(2),
                Duration.ofMillis(300)));
        assertEquals(Kind.TIMEOUT, assertThrows(OdooException.class, impatient::authenticate).kind());
        odoo.hostile(Hostile.HUGE_RESPONSE);
        odoo.hugeResponseBytes(300L * 1024 * 1024);
        OdooJson2Client capped = new OdooJson2Client(connection(KEY).withMaxResponseBytes(1024 * 1024));
        assertEquals(Kind.RESPONSE_TOO_LARGE, assertThrows(OdooException.class, capped::authenticate).kind());
        odoo.hostile(Hostile.HUGE_DECLARED_LENGTH);
        assertEquals(Kind.RESPONSE_TOO_LARGE, assertThrows(OdooException.class, capped::authenticate).kind());
        odoo.hostile(Hostile.NOT_ODOO_404);
        assertEquals(Kind.NOT_ODOO, assertThrows(OdooException.class, client::authenticate).kind());
        odoo.goDown();
        OdooException down = assertThrows(OdooException.class, client::authenticate);
        assertEquals(Kind.UNREACHABLE, down.kind());
        assertTrue(down.getMessage().contains(odoo.url().substring(7)), down.getMessage());
        assertFalse(down.getMessage().contains(KEY));
    }
}
