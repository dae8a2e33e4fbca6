package io.faceclock.odoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceclock.fakeodoo.FakeOdoo;
import io.faceclock.fakeodoo.OdooVersion;
import io.faceclock.odoo.OdooException.Kind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The XML-RPC client against the fake Odoo 18 and 19: the calls faceclock makes and Odoo's answers. */
class XmlRpcOdooClientTest {

    private static final List<String> WANTED = List.of("id", "name", "barcode", "work_email", "department_id",
            "job_id", "active", "write_date", "version_id", "no_such_field_anywhere");

    private FakeOdoo odoo;

    @AfterEach
    void stop() {
        odoo.close();
    }

    private XmlRpcOdooClient client(OdooVersion v) {
        odoo = FakeOdoo.start(v);
        return new XmlRpcOdooClient(OdooConnection.of(odoo.url(), odoo.db(), "admin", "admin"));
    }

    @ParameterizedTest
    @EnumSource(OdooVersion.class)
    void authenticates_once_and_reuses_the_uid(OdooVersion v) {
        XmlRpcOdooClient c = client(v);
        assertEquals(2, c.authenticate());
        c.searchCount("hr.employee", List.of(), Map.of());
        c.read("hr.employee", List.of(1), List.of("name"));
        assertEquals(2, c.authenticate());
        assertEquals(1, odoo.calls("common.authenticate"));
        assertEquals(2, odoo.calls("object.execute_kw"));
    }

    @ParameterizedTest
    @EnumSource(OdooVersion.class)
    void a_user_removed_after_login_fails_as_bad_credentials_and_logs_in_again_next_time(OdooVersion v) {
        client(v);
        odoo.addUser("kiosk", "kiosk-pass");
        XmlRpcOdooClient kiosk = new XmlRpcOdooClient(OdooConnection.of(odoo.url(), odoo.db(), "kiosk", "kiosk-pass"));
        kiosk.authenticate();
        odoo.reset(); // a fresh demo database: kiosk is gone
        OdooException e = assertThrows(OdooException.class, () -> kiosk.searchCount("hr.employee", List.of(),
                Map.of()));
        assertEquals(Kind.AUTH_FAILED, e.kind());
        odoo.addUser("kiosk", "kiosk-pass");
        assertEquals(v == OdooVersion.V18 ? 20 : 21, kiosk.searchCount("hr.employee", List.of(), Map.of()));
        assertEquals(1, odoo.calls("common.authenticate"), "counted since the reset");
    }

    @Test
    void clients_shared_per_connection_settings_authenticate_once() {
        client(OdooVersion.V18);
        OdooConnection settings = OdooConnection.of(odoo.url(), odoo.db(), "admin", "admin");
        OdooClients.xmlRpc(settings).authenticate();
        OdooClients.xmlRpc(OdooConnection.of(odoo.url(), odoo.db(), "admin", "admin")).authenticate();
        assertEquals(1, odoo.calls("common.authenticate"));
        OdooClients.forget(settings);
    }

    @ParameterizedTest
    @EnumSource(OdooVersion.class)
    void reports_the_server_version(OdooVersion v) {
        ServerVersion sv = client(v).version();
        assertEquals(v == OdooVersion.V18 ? "18.0" : "19.0", sv.serverVersion());
        assertEquals(v == OdooVersion.V18 ? 18 : 19, sv.major());
        assertEquals(1, sv.protocolVersion());
    }

    @ParameterizedTest
    @EnumSource(OdooVersion.class)
    void a_wrong_password_says_check_credentials(OdooVersion v) {
        client(v);
        XmlRpcOdooClient bad = new XmlRpcOdooClient(OdooConnection.of(odoo.url(), odoo.db(), "admin", "nope"));
        OdooException e = assertThrows(OdooException.class, bad::authenticate);
        assertEquals(Kind.AUTH_FAILED, e.kind());
        assertEquals("Authentication failed. Check credentials.", e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(OdooVersion.class)
    void an_api_key_works_in_place_of_the_password(OdooVersion v) {
        client(v);
        String key = "0123456789abcdef0123456789abcdef01234567";
        odoo.addApiKey(FakeOdoo.ADMIN_UID, key);
        XmlRpcOdooClient c = new XmlRpcOdooClient(OdooConnection.of(odoo.url(), odoo.db(), "admin", key));
        assertEquals(v == OdooVersion.V18 ? 20 : 21, c.searchCount("hr.employee", List.of(), Map.of()));
    }

    @ParameterizedTest
    @EnumSource(OdooVersion.class)
    void an_unknown_database_is_named(OdooVersion v) {
        client(v);
        XmlRpcOdooClient c = new XmlRpcOdooClient(OdooConnection.of(odoo.url(), "payroll_typo", "admin", "admin"));
        OdooException e = assertThrows(OdooException.class, c::authenticate);
        assertEquals(Kind.UNKNOWN_DATABASE, e.kind());
        assertTrue(e.getMessage().contains("'payroll_typo'"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(OdooVersion.class)
    void fields_get_tells_which_employee_fields_exist(OdooVersion v) {
        XmlRpcOdooClient c = client(v);
        Map<String, FieldInfo> fields = c.fieldsGet("hr.employee");
        assertEquals("many2one", fields.get("department_id").type());
        assertEquals("hr.department", fields.get("department_id").relation());
        assertEquals(v == OdooVersion.V19, fields.containsKey("version_id"));
        List<String> present = WANTED.stream().filter(fields::containsKey).collect(Collectors.toList());
        List<Map<String, Object>> rows = c.searchRead("hr.employee", List.of(List.of("id", "<=", 3)), present, 0,
                null, "id", Map.of());
        assertEquals(3, rows.size());
        assertEquals(List.of(3, "Management / Sales"), rows.get(1).get("department_id"));
        assertInstanceOf(Instant.class, rows.get(0).get("write_date"));
        assertEquals(1, odoo.calls("hr.employee.fields_get"));
    }

    @ParameterizedTest
    @EnumSource(OdooVersion.class)
    void fields_get_hides_the_badge_from_a_user_without_employee_rights_until_they_get_them(OdooVersion v) {
        client(v);
        int uid = odoo.addUser("clerk", "clerk-pass", FakeOdoo.GROUP_ATTENDANCE_OFFICER);
        XmlRpcOdooClient c = new XmlRpcOdooClient(OdooConnection.of(odoo.url(), odoo.db(), "clerk", "clerk-pass"));
        assertFalse(c.fieldsGet("hr.employee").containsKey("barcode"));
        assertFalse(c.checkAccessRights("hr.employee", "read"));
        assertTrue(c.checkAccessRights("hr.attendance", "create"));
        odoo.grant(uid, FakeOdoo.GROUP_HR_OFFICER);
        assertTrue(c.fieldsGet("hr.employee").containsKey("barcode"), "asked afresh, not cached");
        assertTrue(c.checkAccessRights("hr.employee", "read"));
    }

    @ParameterizedTest
    @EnumSource(OdooVersion.class)
    void archived_employees_show_only_with_active_test_off(OdooVersion v) {
        XmlRpcOdooClient c = client(v);
        assertTrue(c.write("hr.employee", List.of(5), Map.of("active", false)));
        List<?> domain = List.of(List.of("id", "=", 5));
        assertEquals(0, c.search("hr.employee", domain, 0, null, null, Map.of()).size());
        assertEquals(List.of(5), c.search("hr.employee", domain, 0, null, null, Map.of("active_test", false)));
    }

    @ParameterizedTest
    @EnumSource(OdooVersion.class)
    void attendances_go_out_as_utc_strings_and_come_back_as_instants(OdooVersion v) {
        XmlRpcOdooClient c = client(v);
        Instant in = Instant.parse("2025-03-03T07:00:00.987Z");
        Instant out = Instant.parse("2025-03-03T15:30:00Z");
        List<Integer> ids = c.create("hr.attendance", List.of(
                Map.of("employee_id", 2, "check_in", in, "check_out", out),
                Map.of("employee_id", 3, "check_in", in, "check_out", out)));
        assertEquals(2, ids.size());
        Map<String, Object> rec = c.read("hr.attendance", ids.subList(0, 1),
                List.of("employee_id", "check_in", "check_out", "worked_hours")).get(0);
        assertEquals(Instant.parse("2025-03-03T07:00:00Z"), rec.get("check_in"));
        assertEquals(out, rec.get("check_out"));
        assertEquals(7.5, rec.get("worked_hours"));
        assertEquals(List.of(2, "Jeffrey Kelly"), rec.get("employee_id"));
        List<Map<String, Object>> mine = c.searchRead("hr.attendance", List.of(List.of("check_in", ">=", in
                .minusSeconds(60)), List.of("employee_id", "in", List.of(2, 3))), List.of("id"), 0, null, "id",
                Map.of());
        assertEquals(ids, mine.stream().map(r -> r.get("id")).collect(Collectors.toList()));
    }

    @ParameterizedTest
    @EnumSource(OdooVersion.class)
    void a_batch_with_one_bad_attendance_stores_nothing_and_says_why(OdooVersion v) {
        XmlRpcOdooClient c = client(v);
        OdooException e = assertThrows(OdooException.class, () -> c.create("hr.attendance", List.of(
                Map.of("employee_id", 3, "check_in", Instant.parse("2025-04-01T07:00:00Z"),
                        "check_out", Instant.parse("2025-04-01T15:00:00Z")),
                Map.of("employee_id", 3, "check_in", Instant.parse("2025-04-02T15:00:00Z"),
                        "check_out", Instant.parse("2025-04-02T07:00:00Z")))));
        assertEquals(Kind.VALIDATION, e.kind());
        assertEquals("\"Check Out\" time cannot be earlier than \"Check In\" time.", e.getMessage());
        assertEquals(0, c.searchCount("hr.attendance", List.of(List.of("employee_id", "=", 3),
                List.of("check_in", ">=", Instant.parse("2025-04-01T00:00:00Z"))), Map.of()));
    }

    @ParameterizedTest
    @EnumSource(OdooVersion.class)
    void an_overlapping_attendance_gets_odoos_message(OdooVersion v) {
        XmlRpcOdooClient c = client(v);
        c.create("hr.attendance", List.of(Map.of("employee_id", 2, "check_in", Instant.parse("2025-01-06T08:00:00Z"),
                "check_out", Instant.parse("2025-01-06T12:00:00Z"))));
        OdooException e = assertThrows(OdooException.class, () -> c.create("hr.attendance", List.of(Map.of(
                "employee_id", 2, "check_in", Instant.parse("2025-01-06T10:00:00Z"),
                "check_out", Instant.parse("2025-01-06T14:00:00Z")))));
        assertEquals(Kind.VALIDATION, e.kind());
        assertEquals("Cannot create new attendance record for Jeffrey Kelly, the employee was already checked in on "
                + (v == OdooVersion.V18 ? "01/06/2025 11:00:00" : "01/06/2025 11:00:00 AM"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(OdooVersion.class)
    void missing_rights_pass_odoos_message_naming_model_and_group(OdooVersion v) {
        client(v);
        odoo.addUser("kiosk", "kiosk-pass");
        XmlRpcOdooClient kiosk = new XmlRpcOdooClient(OdooConnection.of(odoo.url(), odoo.db(), "kiosk", "kiosk-pass"));
        assertFalse(kiosk.hasGroup(FakeOdoo.GROUP_ATTENDANCE_OFFICER));
        assertFalse(kiosk.checkAccessRights("hr.attendance", "create"));
        assertFalse(kiosk.checkAccessRights("hr.employee", "read"), "as real Odoo answers (rights cases 008, 022)");
        OdooException e = assertThrows(OdooException.class, () -> kiosk.create("hr.attendance", List.of(Map.of(
                "employee_id", 2, "check_in", Instant.parse("2025-01-22T08:00:00Z")))));
        assertEquals(Kind.ACCESS_DENIED, e.kind());
        assertTrue(e.getMessage().startsWith("You are not allowed to create 'Attendance' (hr.attendance) records."),
                e.getMessage());
        assertTrue(e.getMessage().contains("Attendances/Administrator"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(OdooVersion.class)
    void the_admin_is_an_attendance_officer_in_brussels(OdooVersion v) {
        XmlRpcOdooClient c = client(v);
        assertTrue(c.hasGroup(FakeOdoo.GROUP_ATTENDANCE_OFFICER));
        assertTrue(c.checkAccessRights("hr.attendance", "create"));
        UserInfo me = c.currentUser();
        assertEquals(new UserInfo(2, "Mitchell Admin", "admin", "Europe/Brussels"), me);
    }

    @ParameterizedTest
    @EnumSource(OdooVersion.class)
    void writing_a_missing_record_is_missing_record(OdooVersion v) {
        XmlRpcOdooClient c = client(v);
        OdooException e = assertThrows(OdooException.class,
                () -> c.write("hr.attendance", List.of(999999), Map.of("check_out", Instant.now())));
        assertEquals(Kind.MISSING_RECORD, e.kind());
        assertEquals("Record does not exist or has been deleted.\n(Record: hr.attendance(999999,), User: 2)",
                e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(OdooVersion.class)
    void a_server_traceback_is_reduced_to_its_last_line(OdooVersion v) {
        XmlRpcOdooClient c = client(v);
        OdooException e = assertThrows(OdooException.class, () -> c.searchRead("hr.employee", List.of(),
                List.of("id", "nope_field")));
        assertEquals(Kind.SERVER_ERROR, e.kind());
        assertFalse(e.getMessage().contains("Traceback"), e.getMessage());
        assertTrue(e.getMessage().endsWith("ValueError: Invalid field 'nope_field' on "
                + (v == OdooVersion.V18 ? "model 'hr.employee'" : "'hr.employee'")), e.getMessage());
    }

    @Test
    void pages_through_fifty_thousand_employees_in_a_few_calls() {
        OdooVersion v = OdooVersion.V19;
        XmlRpcOdooClient c = client(v);
        int first = odoo.addEmployees(50_000);
        odoo.resetCalls();
        int seen = 0;
        int lastId = 0;
        while (true) {
            List<Map<String, Object>> page = c.searchRead("hr.employee", List.of(List.of("id", ">", lastId)),
                    List.of("id", "name", "barcode", "write_date"), 0, 10_000, "id", Map.of());
            if (page.isEmpty()) {
                break;
            }
            seen += page.size();
            lastId = (Integer) page.get(page.size() - 1).get("id");
        }
        assertEquals(50_000 + (v == OdooVersion.V18 ? 20 : 21), seen);
        assertEquals(first + 49_999, lastId);
        assertEquals(7, odoo.calls("hr.employee.search_read"), "6 pages and the empty one that ends it");
        assertEquals(1, odoo.calls("common.authenticate"));
    }
}
