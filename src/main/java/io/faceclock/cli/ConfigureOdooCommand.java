package io.faceclock.cli;

import io.faceclock.app.FaceclockConfiguration;
import io.faceclock.odoo.sync.ConnectionTest;
import io.faceclock.odoo.sync.OdooConfig;
import io.faceclock.odoo.sync.OdooSyncService;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "configure-odoo", description = "Ask for the Odoo URL, database, user and password (hidden), "
        + "test the connection and save it; --test tests the saved one")
public final class ConfigureOdooCommand implements Callable<Integer> {

    @Mixin
    SettingsOptions options = new SettingsOptions();
    @Option(names = "--test", description = "Only test the saved configuration")
    boolean testOnly;
    @Option(names = "--url", description = "Skip the question (e.g. https://mycompany.odoo.com)")
    String url;
    @Option(names = "--db", description = "Skip the question")
    String db;
    @Option(names = "--username", description = "Skip the question")
    String username;
    @Option(names = "--password-stdin", description = "Read the password (or API key) from standard input")
    boolean passwordStdin;

    @Override
    public Integer call() throws IOException {
        try (FaceclockConfiguration services = CommandServices.open(options.resolve())) {
            OdooSyncService sync = services.odooSync();
            if (testOnly) {
                return report(sync.test(null));
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            Console console = System.console();
            String u = url != null ? url : ask(in, "Odoo URL (https://…): ");
            String d = db != null ? db : ask(in, "Database: ");
            String user = username != null ? username : ask(in, "User (login): ");
            String password;
            if (!passwordStdin && console != null) {
                char[] p = console.readPassword("Password or API key: ");
                password = p == null ? "" : new String(p);
            } else {
                if (!passwordStdin) {
                    System.out.print("Password or API key: ");
                    System.out.flush();
                }
                String line = in.readLine();
                password = line == null ? "" : line;
            }
            OdooConfig config = new OdooConfig(u, d, user, password, "saved");
            ConnectionTest result = sync.test(config);
            if (!result.success()) {
                report(result);
                System.err.println("Not saved.");
                return 1;
            }
            sync.configs().save(config, "command line");
            report(result);
            System.out.println("Saved. The password is stored encrypted in the database.");
            return 0;
        }
    }

    private static String ask(BufferedReader in, String prompt) throws IOException {
        System.out.print(prompt);
        System.out.flush();
        String line = in.readLine();
        if (line == null || line.isBlank()) {
            throw new IllegalArgumentException(prompt.replace(":", "").trim() + " is required");
        }
        return line.trim();
    }

    private static int report(ConnectionTest result) {
        (result.success() ? System.out : System.err).println(result.message());
        if (result.connected()) {
            System.out.println("  server " + result.serverVersion() + " over " + result.transport()
                    + ", uid " + result.uid() + ", can read employees: " + result.canReadEmployees()
                    + ", can create attendances: " + result.canCreateAttendances());
        }
        if (result.warning() != null) {
            System.out.println("  warning: " + result.warning());
        }
        return result.success() ? 0 : 1;
    }
}
