package io.faceclock.cli;

import io.faceclock.app.FaceclockConfiguration;
import io.faceclock.odoo.sync.OdooConfig;
import io.faceclock.odoo.sync.OdooSyncService;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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
            Map<String, Object> result = sync.test(config);
            if (!Boolean.TRUE.equals(result.get("success"))) {
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

    private static int report(Map<String, Object> result) {
        boolean ok = Boolean.TRUE.equals(result.get("success"));
        (ok ? System.out : System.err).println(result.get("message"));
        if (result.containsKey("uid")) {
            System.out.println("  server " + result.get("server_version") + " over " + result.get("transport")
                    + ", uid " + result.get("uid") + ", can read employees: " + result.get("can_read_employees")
                    + ", can create attendances: " + result.get("can_create_attendances"));
        }
        if (result.get("warning") != null) {
            System.out.println("  warning: " + result.get("warning"));
        }
        return ok ? 0 : 1;
    }
}
