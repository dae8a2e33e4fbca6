package io.faceclock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceclock.fakeodoo.FakeOdoo;
import io.faceclock.fakeodoo.OdooVersion;
import io.faceclock.support.RunningService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OdooCommandsIT {

    private static final Pattern LOG_LINE = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT?[ \\d:]*\\S* +(INFO|DEBUG) ");

    @Test
    void configure_odoo_explains_itself() throws Exception {
        PackagedJar.Result help = PackagedJar.run(Files.createTempDirectory("faceclock-help"), "configure-odoo", "--help");
        assertEquals(0, help.exit(), help.output());
        assertTrue(help.output().contains("Usage: faceclock configure-odoo"), help.output());
        assertTrue(help.output().contains("--password-stdin") && help.output().contains("--test"), help.output());
    }

    @Test
    void a_command_never_makes_a_new_empty_data_folder_while_the_service_keeps_its_data_elsewhere() throws Exception {
        Path work = Files.createTempDirectory("faceclock-data-folder");
        Path data = work.resolve("data");
        try (JarNode server = JarNode.startOn("server", RunningService.freePort(), data,
                work.resolve("server.log"), "--no-face", "--timezone", "Asia/Kolkata")) {
            server.awaitHealthy();
            int port = server.port();
            assertTrue(Pattern.compile("(?m)^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+05:30 INFO ")
                    .matcher(server.log()).find(), "log times in the site's offset: " + server.log());
            Path elsewhere = work.resolve("typo-data");
            PackagedJar.Result refused = PackagedJar.run(work, "apikey", "list", "--data", elsewhere.toString(),
                    "--port", String.valueOf(port));
            assertEquals(2, refused.exit(), refused.output());
            assertTrue(refused.output().contains("running on port " + port) && refused.output().contains("--data"),
                    refused.output());
            assertFalse(Files.exists(elsewhere), "nothing created");
            PackagedJar.Result listed = PackagedJar.run(work, "apikey", "list", "--data", data.toString(),
                    "--port", String.valueOf(port));
            assertEquals(0, listed.exit(), listed.output());
            assertTrue(listed.output().contains("Data folder: " + data.toAbsolutePath()), listed.output());
        }
    }

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
            // the four questions follow each other with no log line in between
            assertTrue(ok.output().contains("Odoo URL (https://…): Database: User (login): Password or API key: "),
                    ok.output());
            assertFalse(LOG_LINE.matcher(ok.output()).find(), "no log line on the terminal: " + ok.output());
            assertTrue(ok.output().contains("Data folder: " + Path.of(data).toAbsolutePath()), ok.output());
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
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            PackagedJar.Result recent = PackagedJar.run(work, "push", "--data", data, "--timezone", "UTC");
            assertEquals(0, recent.exit(), recent.output());
            assertTrue(recent.output().contains("Pushing the attendances of " + today.minusDays(7) + " to " + today),
                    "the API's default days: " + recent.output());
            assertEquals(List.of(), odoo.execute(FakeOdoo.ADMIN_UID, "hr.attendance", "search",
                    List.of(List.of(List.of("employee_id", "=", emp))), Map.of()));
        }
    }
}
