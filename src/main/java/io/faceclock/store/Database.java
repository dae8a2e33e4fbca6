package io.faceclock.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.faceclock.config.DatabaseSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The connection pool and the schema: H2 in the data folder unless a JDBC URL is configured. */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final String displayUrl;

    private Database(HikariDataSource dataSource, String displayUrl) {
        this.dataSource = dataSource;
        this.displayUrl = displayUrl;
    }

    /** H2's own TCP port (AUTO_SERVER) listens on loopback only; read once, when H2 is first used. */
    static final String H2_BIND = "127.0.0.1";

    static {
        System.setProperty("h2.bindAddress", H2_BIND);
    }

    /** The generated password of the embedded H2 database, kept like secret.key. */
    public static final String H2_PASSWORD_FILE = "database.password";

    /** dataDir holds the embedded H2 database when settings name no JDBC URL. */
    public static Database open(DatabaseSettings settings, Path dataDir) {
        dataDir = DataFolder.secure(dataDir);
        String url = jdbcUrl(settings, dataDir);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        boolean h2 = url.startsWith("jdbc:h2:");
        String user = settings.username() != null ? settings.username() : h2 ? "sa" : null;
        String password = settings.password() != null ? settings.password() : h2 ? "" : null;
        if (settings.url() == null && settings.password() == null) {
            password = EmbeddedH2.password(url, dataDir);
        }
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(settings.poolSize());
        config.setPoolName("faceclock-db");
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        config.setInitializationFailTimeout(-1);
        HikariDataSource ds = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw new IllegalStateException("Cannot open the database at " + redact(url) + ": " + rootMessage(e), e);
        }
        if (settings.url() == null) {
            DataFolder.secure(dataDir); // the lock file and anything else H2 made while opening
        }
        return new Database(ds, redact(url));
    }

    /**
     * AUTO_SERVER lets the command line (apikey, …) use the file while the service runs: the first
     * process serves it to the others on a loopback port, behind the generated password.
     * WRITE_DELAY=0: H2 otherwise keeps the last half second of commits in memory only, and a process
     * killed then (kill -9, OOM killer) loses punches it had already answered 201 for.
     */
    static String jdbcUrl(DatabaseSettings settings, Path dataDir) {
        if (settings.url() != null) {
            return settings.url();
        }
        return "jdbc:h2:file:" + dataDir.resolve("faceclock") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** The URL without credentials, for health and start-up messages. */
    public String displayUrl() {
        return displayUrl;
    }

    public boolean isPostgres() {
        return displayUrl.startsWith("jdbc:postgresql:");
    }

    /** True when a trivial query answers within the timeout. */
    public boolean ping() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***").replaceAll("//[^/@]*@", "//***@");
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
