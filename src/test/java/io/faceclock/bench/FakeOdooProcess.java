package io.faceclock.bench;

import io.faceclock.fakeodoo.FakeOdoo;
import io.faceclock.fakeodoo.OdooVersion;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The fake Odoo in a JVM of its own, so a benchmark measures faceclock's memory and not the fake's.
 * Prints "url db" on start, then answers lines on stdin: "calls" (RPC calls since the last reset),
 * "reset", "quit".
 */
public final class FakeOdooProcess {

    public static void main(String[] args) throws Exception {
        int employees = Integer.parseInt(args[0]);
        try (FakeOdoo odoo = FakeOdoo.start(OdooVersion.V18)) {
            odoo.addEmployees(employees);
            System.out.println(odoo.url() + " " + odoo.db());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
                if (line.equals("calls")) {
                    System.out.println(odoo.calls("object.execute_kw") + odoo.calls("common.authenticate"));
                } else if (line.equals("reset")) {
                    odoo.resetCalls();
                    System.out.println("ok");
                }
                System.out.flush();
            }
        }
    }
}
