package io.faceclock.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.faceclock.config.Settings;
import java.nio.file.Files;
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

    public static Database open(Settings settings) {
        String url = jdbcUrl(settings);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(settings.get(Settings.DB_USERNAME, url.startsWith("jdbc:h2:") ? "sa" : null));
        config.setPassword(settings.get(Settings.DB_PASSWORD, url.startsWith("jdbc:h2:") ? "" : null));
        config.setMaximumPoolSize(settings.getInt(Settings.DB_POOL_SIZE, 10));
        config.setPoolName("faceclock-db");
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(-1);
        HikariDataSource ds = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw new IllegalStateException("Cannot open the database at " + redact(url) + ": " + rootMessage(e), e);
        }
        return new Database(ds, redact(url));
    }

    /** AUTO_SERVER lets the command line (apikey, …) use the file while the service runs. */
    static String jdbcUrl(Settings settings) {
        String url = settings.get(Settings.DB_URL);
        if (url != null) {
            return url;
        }
        Path dir = settings.dataDir();
        try {
            Files.createDirectories(dir);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create the data folder " + dir + ": " + e.getMessage());
        }
        return "jdbc:h2:file:" + dir.resolve("faceclock") + ";AUTO_SERVER=TRUE";
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
