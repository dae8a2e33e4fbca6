package io.faceclock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CommandLineIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void the_jar_serves_creates_an_admin_key_once_and_never_logs_keys() throws Exception {
        Path work = Files.createTempDirectory("faceclock-cli");
        Path data = work.resolve("data");
        int port = io.faceclock.support.RunningService.freePort();
        Path log = work.resolve("server.log");
        Process server = PackagedJar.start(log, "--port", String.valueOf(port), "--data", data.toString(),
                "--timezone", "Europe/Brussels");
        try {
            long startMs = waitHealthy(port, server, log);
            Path keyFile = data.resolve("admin-api-key.txt");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
            String admin = Files.readString(keyFile).trim();
            assertFalse(Files.readString(log).contains(admin), "a service's log never holds the key");
            assertTrue(Files.readString(log).contains(keyFile.toString()), "the log says where the key is");
            assertEquals(200, get(port, "/api/v1/persons", admin).statusCode());
            assertEquals(401, get(port, "/api/v1/persons", "fck_wrong-key-XYZ").statusCode());

            // The command line works on the same H2 file while the server runs.
            PackagedJar.Result created = PackagedJar.run(work, "apikey", "create", "--data", data.toString(),
                    "--name", "reports", "--scope", "read");
            assertEquals(0, created.exit(), created.output());
            Matcher m = Pattern.compile("(fck_[A-Za-z0-9_-]{20,})").matcher(created.output());
            assertTrue(m.find(), created.output());
            String readKey = m.group(1);
            assertEquals(200, get(port, "/api/v1/persons", readKey).statusCode());

            PackagedJar.Result listed = PackagedJar.run(work, "apikey", "list", "--data", data.toString());
            assertTrue(listed.output().contains("reports"), listed.output());
            assertFalse(listed.output().contains(readKey), "list never shows a key");

            PackagedJar.Result revoked = PackagedJar.run(work, "apikey", "revoke", "--data", data.toString(), "2");
            assertEquals(0, revoked.exit(), revoked.output());
            assertTrue(waitStatus(port, readKey, 401, Duration.ofSeconds(20)),
                    "a key revoked by the command line stops working within the cache lifetime");
            PackagedJar.Result lastAdmin = PackagedJar.run(work, "apikey", "revoke", "--data", data.toString(), "1");
            assertEquals(4, lastAdmin.exit(), lastAdmin.output());
            assertTrue(lastAdmin.output().contains("last active admin key"), lastAdmin.output());
            assertEquals(200, get(port, "/api/v1/persons", admin).statusCode(), "the last admin key still works");
            System.out.println("start to healthy: " + startMs + " ms");
        } finally {
            server.destroy();
            server.waitFor();
        }
        String output = Files.readString(log);
        String admin = Files.readString(data.resolve("admin-api-key.txt")).trim();
        assertEquals(0, count(output, admin), "the admin key never appears in the service's output");
        assertFalse(output.contains("fck_wrong-key-XYZ"), "a wrong key is never logged");
        byte[] db = Files.readAllBytes(data.resolve("faceclock.mv.db"));
        assertFalse(new String(db, java.nio.charset.StandardCharsets.ISO_8859_1).contains(admin),
                "the database file holds no key text");

        // A second start on the same data creates no new key and prints none.
        Path log2 = work.resolve("server2.log");
        Process again = PackagedJar.start(log2, "--port", String.valueOf(port), "--data", data.toString());
        try {
            waitHealthy(port, again, log2);
            assertEquals(200, get(port, "/api/v1/persons", admin).statusCode());
        } finally {
            again.destroy();
            again.waitFor();
        }
        assertFalse(Files.readString(log2).contains("fck_"), Files.readString(log2));
    }

    @Test
    void the_first_admin_key_is_shown_on_an_interactive_terminal() throws Exception {
        Path work = Files.createTempDirectory("faceclock-tty");
        Path data = work.resolve("data");
        int port = io.faceclock.support.RunningService.freePort();
        Path log = work.resolve("terminal.log");
        // script(1) gives faceclock a pseudo-terminal, as a person starting it by hand has
        String command = "java -jar " + PackagedJar.jar().toAbsolutePath() + " --port " + port + " --data " + data
                + " --no-face";   // no question about the face models (FirstRunIT asks it)
        ProcessBuilder terminal = new ProcessBuilder("script", "-qfec", command, log.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("outer.log").toFile());
        terminal.environment().keySet().removeIf(k -> k.startsWith("FACECLOCK_"));
        terminal.environment().put("ORT_DISABLE_TELEMETRY", "1");
        Process server = terminal.start();
        try {
            waitHealthy(port, server, log);
            String admin = Files.readString(data.resolve("admin-api-key.txt")).trim();
            assertTrue(Files.readString(log).contains("first admin API key: " + admin), Files.readString(log));
        } finally {
            server.descendants().forEach(ProcessHandle::destroy);
            server.destroy();
            server.waitFor();
        }
    }

    @Test
    void help_lists_the_commands_and_bad_options_fail_clearly() throws Exception {
        Path work = Files.createTempDirectory("faceclock-help");
        PackagedJar.Result help = PackagedJar.run(work, "--help");
        assertEquals(0, help.exit());
        assertTrue(help.output().contains("serve") && help.output().contains("apikey"), help.output());
        PackagedJar.Result bad = PackagedJar.run(work, "apikey", "create", "--data", work.toString(), "--name", "x",
                "--scope", "root");
        assertTrue(bad.exit() != 0);
        assertTrue(bad.output().contains("--scope must be admin, read or kiosk"), bad.output());
        PackagedJar.Result badZone = PackagedJar.run(work, "--data", work.resolve("d").toString(), "--timezone",
                "Mars/Olympus");
        assertTrue(badZone.exit() != 0);
        assertTrue(badZone.output().contains("faceclock.timezone"), badZone.output());
        assertFalse(badZone.output().contains("\tat "), "no stack trace: " + badZone.output());
    }

    private static long waitHealthy(int port, Process p, Path log) throws Exception {
        Instant start = Instant.now();
        while (Duration.between(start, Instant.now()).toSeconds() < 60) {
            if (!p.isAlive()) {
                throw new AssertionError("faceclock exited: " + Files.readString(log));
            }
            try {
                if (get(port, "/observe/health", null).statusCode() == 200) {
                    return Duration.between(start, Instant.now()).toMillis();
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not healthy within 60 s: " + Files.readString(log));
    }

    private static boolean waitStatus(int port, String key, int status, Duration max) throws Exception {
        Instant end = Instant.now().plus(max);
        while (Instant.now().isBefore(end)) {
            if (get(port, "/api/v1/persons", key).statusCode() == status) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    private static HttpResponse<String> get(int port, String path, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (key != null) {
            b.header("X-API-Key", key);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
