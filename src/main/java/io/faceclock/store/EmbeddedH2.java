package io.faceclock.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 database's login. Its user {@code sa} has a generated password kept in the data
 * folder (readable only by faceclock's OS user), so nobody else gets in through AUTO_SERVER's port
 * even knowing the port and the lock file's id. A database made by an older version, with the
 * empty password, is given the generated one at its first start.
 */
final class EmbeddedH2 {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedH2.class);
    private static final int WRONG_USER_OR_PASSWORD = 28000;
    static final String USER = "sa";

    private EmbeddedH2() {
    }

    static String password(String url, Path dataDir) {
        if (!Database.H2_BIND.equals(org.h2.engine.SysProperties.BIND_ADDRESS)) {
            throw new IllegalStateException("H2 was loaded before faceclock could keep its port on loopback"
                    + " (h2.bindAddress is " + org.h2.engine.SysProperties.BIND_ADDRESS + ")");
        }
        String secret = DataFolder.secret(dataDir, Database.H2_PASSWORD_FILE);
        if (!secret.matches("[0-9a-f]{64}")) {
            throw new IllegalStateException("The file " + dataDir.resolve(Database.H2_PASSWORD_FILE)
                    + " is not a faceclock database password; restore it from a backup");
        }
        try (Connection c = DriverManager.getConnection(url, USER, secret)) {
            return secret;
        } catch (SQLException e) {
            if (e.getErrorCode() != WRONG_USER_OR_PASSWORD) {
                throw new IllegalStateException("Cannot open the database " + url + ": " + e.getMessage(), e);
            }
        }
        try (Connection c = DriverManager.getConnection(url, USER, ""); Statement st = c.createStatement()) {
            st.execute("ALTER USER " + USER + " SET PASSWORD '" + secret + "'");
            LOG.info("The database now has a generated password, kept in {}",
                    dataDir.resolve(Database.H2_PASSWORD_FILE));
            return secret;
        } catch (SQLException e) {
            throw new IllegalStateException("The database refuses the password in "
                    + dataDir.resolve(Database.H2_PASSWORD_FILE) + "; restore that file from the backup made with"
                    + " the database", e);
        }
    }
}
