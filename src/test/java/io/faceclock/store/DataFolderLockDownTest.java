package io.faceclock.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceclock.support.RunningService;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Another OS user of the machine cannot read or change faceclock's data: the attack of issue 8
 * (H2 Shell over AUTO_SERVER's port as user nobody) is run for real and must fail.
 */
class DataFolderLockDownTest {

    @BeforeAll
    static void loadDatabaseFirst() throws Exception {
        Class.forName(Database.class.getName()); // it keeps H2's port on loopback before H2 loads
    }

    @Test
    void every_file_and_folder_of_the_data_folder_is_private_to_its_owner() throws Exception {
        Path data = Files.createTempDirectory("faceclock-private");
        try (RunningService service = RunningService.start(data, null, "UTC", Map.of())) {
            service.post("/api/v1/persons", Map.of("person_id", "P1", "name", "Ann"));
            assertModesPrivate(data);
            for (String f : List.of("faceclock.mv.db", "faceclock.lock.db", "admin-api-key.txt",
                    Database.H2_PASSWORD_FILE)) {
                assertTrue(Files.exists(data.resolve(f)), f);
            }
        }
    }

    @Test
    void another_os_user_cannot_read_the_files_nor_log_in_through_the_database_port() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "runs the attack as user nobody through runuser, which needs root; run the suite as root to include it");
        Path data = Files.createTempDirectory("faceclock-attack");
        try (RunningService service = RunningService.start(data, null, "UTC", Map.of())) {
            Properties lock = new Properties();
            try (Reader r = Files.newBufferedReader(data.resolve("faceclock.lock.db"), StandardCharsets.ISO_8859_1)) {
                lock.load(r);
            }
            String server = lock.getProperty("server");
            int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
            assertEquals(List.of("127.0.0.1"), listeningAddresses(port), "the database port listens on loopback only");

            Run cat = asNobody("cat", data.resolve("faceclock.lock.db").toString());
            assertNotEquals(0, cat.exit, "nobody reads the lock file: " + cat.output);
            assertFalse(cat.output.contains(lock.getProperty("id")), cat.output);
            Run catDb = asNobody("cat", data.resolve("faceclock.mv.db").toString());
            assertNotEquals(0, catDb.exit, "nobody reads the database file");

            // Even an attacker who learned the lock file's id (the report's attack) is not let in.
            String tcp = "jdbc:h2:tcp://127.0.0.1:" + port + "/" + lock.getProperty("id");
            Run shell = h2Shell(tcp, "");
            assertTrue(shell.output.contains("Wrong user name or password"), shell.output);
            assertFalse(shell.output.contains("API_KEYS_SEEN"), shell.output);
            Run direct = h2Shell("jdbc:h2:file:" + data.resolve("faceclock") + ";AUTO_SERVER=TRUE", "");
            assertFalse(direct.output.contains("API_KEYS_SEEN"), direct.output);

            // The same attack with the password (which only faceclock's user can read) gets in:
            // the password is what keeps nobody out, and this test would see it missing.
            String password = Files.readString(data.resolve(Database.H2_PASSWORD_FILE)).trim();
            Run withPassword = h2Shell(tcp, password);
            assertTrue(withPassword.output.contains("API_KEYS_SEEN"), withPassword.output);
            assertEquals(200, service.get("/api/v1/persons").status(), "still serving");
        }
    }

    @Test
    void a_data_folder_of_the_old_version_is_tightened_and_its_database_given_a_password() throws Exception {
        Path data = Files.createTempDirectory("faceclock-old");
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        String url = "jdbc:h2:file:" + data.resolve("faceclock") + ";AUTO_SERVER=TRUE";
        // the old version's database: faceclock's schema, user sa with the empty password
        org.flywaydb.core.Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE kept_from_before(x INT)");
            st.execute("INSERT INTO kept_from_before VALUES (42)");
        }
        Path uploads = Files.createDirectories(data.resolve("uploads"));
        Files.setPosixFilePermissions(uploads, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path upload = Files.writeString(uploads.resolve("left-over"), "photo");
        Files.setPosixFilePermissions(upload, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(data.resolve("faceclock.mv.db"), PosixFilePermissions.fromString("rw-rw-rw-"));

        try (RunningService service = RunningService.start(data, null, "UTC", Map.of())) {
            assertModesPrivate(data);
            try (Connection c = service.app().beans().database().connection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT x FROM kept_from_before")) {
                assertTrue(rs.next());
                assertEquals(42, rs.getInt(1), "the old data is kept");
            }
            SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "sa", "")
                    .close());
            assertEquals(28000, refused.getErrorCode(), "the empty password no longer opens it: " + refused);
        }
        try (RunningService again = RunningService.start(data, null, "UTC", Map.of())) {
            assertEquals(200, again.get("/api/v1/persons").status(), "a second start uses the kept password");
        }
    }

    private static void assertModesPrivate(Path data) throws IOException {
        try (Stream<Path> all = Files.walk(data)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                assertEquals(Files.isDirectory(p) ? "rwx------" : "rw-------", mode, p.toString());
            }
        }
    }

    /** The local addresses listening on the port, from the kernel's own tables. */
    private static List<String> listeningAddresses(int port) throws IOException {
        List<String> found = new ArrayList<>();
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f[1].endsWith(hexPort) && f[3].equals("0A")) {
                    String addr = f[1].substring(0, f[1].indexOf(':'));
                    found.add(addr.equals("0100007F") || addr.equals("0000000000000000FFFF00000100007F")
                            ? "127.0.0.1" : addr);
                }
            }
        }
        return found;
    }

    private record Run(int exit, String output) {
    }

    private static Run h2Shell(String url, String password) throws Exception {
        Path dir = Files.createTempDirectory("h2-for-nobody");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path jar = dir.resolve("h2.jar");
        Files.copy(Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()), jar,
                StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return asNobody(java, "-Xshare:off", "-cp", jar.toString(), "org.h2.tools.Shell", "-url", url, "-user", "sa",
                "-password", password, "-sql", "SELECT 'API_KEYS_SEEN', COUNT(*) FROM api_key");
    }

    private static Run asNobody(String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("runuser", "-u", "nobody", "--"));
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).directory(Path.of("/tmp").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "finished");
        return new Run(p.exitValue(), out);
    }
}
