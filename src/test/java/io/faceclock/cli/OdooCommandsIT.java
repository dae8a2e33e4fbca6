package io.faceclock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceclock.fakeodoo.FakeOdoo;
import io.faceclock.fakeodoo.OdooVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OdooCommandsIT {

    @Test
    void configure_test_pull_and_push_from_the_command_line() throws Exception {
        Path work = Files.createTempDirectory("faceclock-odoo-cli");
        String data = work.resolve("data").toString();
        try (FakeOdoo odoo = FakeOdoo.start(OdooVersion.V19)) {
            PackagedJar.Result bad = PackagedJar.runWithInput(work, "wrong\n", "configure-odoo", "--data", data,
                    "--url", odoo.url(), "--db", odoo.db(), "--username", "admin", "--password-stdin");
            assertTrue(bad.exit() != 0);
            assertTrue(bad.output().contains("Authentication failed. Check credentials."), bad.output());
            assertTrue(bad.output().contains("Not saved"), bad.output());

            // interactive: the four questions answered on standard input (no terminal, so no hidden echo here)
            PackagedJar.Result ok = PackagedJar.runWithInput(work, odoo.url() + "\n" + odoo.db() + "\nadmin\nadmin\n",
                    "configure-odoo", "--data", data);
            assertEquals(0, ok.exit(), ok.output());
            assertTrue(ok.output().contains("Odoo URL") && ok.output().contains("Password or API key"), ok.output());
            assertTrue(ok.output().contains("Saved"), ok.output());

            PackagedJar.Result test = PackagedJar.run(work, "configure-odoo", "--test", "--data", data);
            assertEquals(0, test.exit(), test.output());
            assertTrue(test.output().contains("Connected to Odoo 19"), test.output());

            int emp = odoo.addEmployee(Map.of("name", "Cli Person", "barcode", "CLI1"));
            PackagedJar.Result pull = PackagedJar.run(work, "pull", "--data", data);
            assertEquals(0, pull.exit(), pull.output());
            assertTrue(pull.output().contains("Synced"), pull.output());

            PackagedJar.Result none = PackagedJar.run(work, "push", "--data", data, "--from", "2025-01-01",
                    "--to", "2025-01-31");
            assertEquals(0, none.exit(), none.output());
            assertTrue(none.output().contains("Nothing to push"), none.output());
            assertEquals(List.of(), odoo.execute(FakeOdoo.ADMIN_UID, "hr.attendance", "search",
                    List.of(List.of(List.of("employee_id", "=", emp))), Map.of()));
        }
    }
}
