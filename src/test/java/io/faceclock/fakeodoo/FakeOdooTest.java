package io.faceclock.fakeodoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The fake's behaviour beyond the transcripts, as the pull and push code will rely on it. */
class FakeOdooTest {

    @SuppressWarnings("unchecked")
    private static List<Object> ids(FakeOdoo odoo, List<?> domain) {
        List<Map<String, Object>> rows = (List<Map<String, Object>>) odoo.execute(FakeOdoo.ADMIN_UID, "hr.employee",
                "search_read", List.of(domain), Map.of("fields", List.of("id"), "order", "id"));
        return rows.stream().map(r -> r.get("id")).collect(Collectors.toList());
    }

    @Test
    void domains_support_prefix_operators_ranges_and_ilike() {
        try (FakeOdoo odoo = FakeOdoo.start(OdooVersion.V18)) {
            assertEquals(List.of(2, 3, 4), ids(odoo, List.of(List.of("id", ">=", 2), List.of("id", "<", 5))));
            assertEquals(List.of(1, 20), ids(odoo, List.of("|", List.of("id", "=", 1), List.of("id", "=", 20))));
            assertEquals(List.of(6, 7), ids(odoo, List.of(List.of("name", "ilike", "peterson"))));
            assertEquals(List.of(1, 4), ids(odoo, List.of(List.of("barcode", "!=", false))));
            assertEquals(List.of(1), ids(odoo, List.of("!", List.of("id", "!=", 1))));
            assertEquals(List.of(2, 8, 9), ids(odoo, List.of("&", List.of("department_id", "=", 3),
                    List.of("id", "<", 11))));
        }
    }

    /** Fact 9: 18.0 keeps microseconds, so '>' the newest seen second returns that record again; 19.0 does not. */
    @Test
    void write_date_greater_than_repeats_the_same_second_in_18_only() {
        for (OdooVersion v : OdooVersion.values()) {
            try (FakeOdoo odoo = FakeOdoo.start(v)) {
                odoo.reset(Instant.parse("2025-12-01T09:00:00Z")); // demo data written well before
                odoo.clock().set(Instant.parse("2026-01-01T10:00:00.500Z"));
                odoo.execute(FakeOdoo.ADMIN_UID, "hr.employee", "write", List.of(List.of(7), Map.of("job_title", "X")),
                        Map.of());
                List<Object> again = ids(odoo, List.of(List.of("write_date", ">", "2026-01-01 10:00:00")));
                assertEquals(v == OdooVersion.V18 ? List.of(7) : List.of(), again, v.name());
                assertEquals(List.of(7), ids(odoo, List.of(List.of("write_date", ">=", "2026-01-01 10:00:00"))));
            }
        }
    }

    @Test
    void counts_calls_and_adds_latency() {
        try (FakeOdoo odoo = FakeOdoo.start(OdooVersion.V19)) {
            odoo.latency("common.authenticate", java.time.Duration.ofMillis(200));
            io.faceclock.odoo.XmlRpcOdooClient c = new io.faceclock.odoo.XmlRpcOdooClient(
                    io.faceclock.odoo.OdooConnection.of(odoo.url(), odoo.db(), "admin", "admin"));
            long t0 = System.nanoTime();
            c.authenticate();
            assertTrue(System.nanoTime() - t0 >= 200_000_000L);
            c.searchCount("hr.attendance", List.of(), Map.of());
            assertEquals(1, odoo.calls("common.authenticate"));
            assertEquals(1, odoo.calls("hr.attendance.search_count"));
            assertEquals(1, odoo.calls("object.execute_kw"));
        }
    }

    @Test
    void added_employees_and_attendances_are_served() {
        try (FakeOdoo odoo = FakeOdoo.start(OdooVersion.V18)) {
            int id = odoo.addEmployee(Map.of("name", "Zoe Face", "barcode", "FC0001", "department_id", 3));
            int att = odoo.addAttendance(id, Instant.parse("2025-05-05T07:00:00Z"), null);
            assertEquals(List.of(id), ids(odoo, List.of(List.of("barcode", "=", "FC0001"))));
            Object open = odoo.execute(FakeOdoo.ADMIN_UID, "hr.attendance", "search",
                    List.of(List.of(List.of("employee_id", "=", id), List.of("check_out", "=", false))), Map.of());
            assertEquals(List.of(att), open);
        }
    }
}
