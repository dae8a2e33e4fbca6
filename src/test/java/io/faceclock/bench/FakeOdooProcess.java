package io.faceclock.bench;

import io.faceclock.fakeodoo.FakeOdoo;
import io.faceclock.fakeodoo.OdooVersion;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fake Odoo in a JVM of its own, so a benchmark measures faceclock's memory and not the fake's.
 * Prints "url db" on start, then answers lines on stdin: "calls" (RPC calls since the last reset),
 * "reset", "attendances" (how many attendances of the generated employees, and how many distinct
 * employee and check-in pairs among them), "quit".
 */
public final class FakeOdooProcess {

    @SuppressWarnings("unchecked")
    private static String attendances(FakeOdoo odoo, int firstEmployee, int employees) {
        List<Integer> ids = java.util.stream.IntStream.range(firstEmployee, firstEmployee + employees).boxed().toList();
        List<Map<String, Object>> rows = (List<Map<String, Object>>) odoo.execute(FakeOdoo.ADMIN_UID,
                "hr.attendance", "search_read", List.of(List.of(List.of("employee_id", "in", ids))),
                Map.of("fields", List.of("employee_id", "check_in")));
        Set<String> distinct = new HashSet<>();
        rows.forEach(r -> distinct.add(((List<?>) r.get("employee_id")).get(0) + "@" + r.get("check_in")));
        return rows.size() + " " + distinct.size();
    }

    public static void main(String[] args) throws Exception {
        int employees = Integer.parseInt(args[0]);
        try (FakeOdoo odoo = FakeOdoo.start(OdooVersion.V18)) {
            int first = odoo.addEmployees(employees);
            System.out.println(odoo.url() + " " + odoo.db());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
                if (line.equals("calls")) {
                    System.out.println(odoo.calls("object.execute_kw") + odoo.calls("common.authenticate"));
                } else if (line.equals("attendances")) {
                    System.out.println(attendances(odoo, first, employees));
                } else if (line.equals("reset")) {
                    odoo.resetCalls();
                    System.out.println("ok");
                }
                System.out.flush();
            }
        }
    }
}
