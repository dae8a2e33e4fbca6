package io.faceclock.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

/**
 * Where tests get a database: embedded H2 in a temp folder, or a fresh PostgreSQL database on the
 * server named by FACECLOCK_TEST_PG_URL (a JDBC URL with a user allowed to create databases).
 */
public final class TestDatabases {

    public static final String PG_ENV = "FACECLOCK_TEST_PG_URL";

    private TestDatabases() {
    }

    /** A JDBC URL for a new, empty PostgreSQL database; fails with instructions when none is configured. */
    public static String freshPostgres() {
        String admin = System.getenv(PG_ENV);
        if (admin == null || admin.isBlank()) {
            throw new IllegalStateException(PG_ENV + " is not set: the PostgreSQL half of the suite needs a server. "
                    + "Run ./run-tests (it starts a throwaway PostgreSQL), or set " + PG_ENV
                    + "=jdbc:postgresql://127.0.0.1:5432/postgres?user=...&password=... for a user with CREATEDB.");
        }
        String name = "fc_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(admin); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create a test database through " + PG_ENV + ": " + e.getMessage(), e);
        }
        int q = admin.indexOf('?');
        String base = q < 0 ? admin : admin.substring(0, q);
        String params = q < 0 ? "" : admin.substring(q);
        return base.substring(0, base.lastIndexOf('/') + 1) + name + params;
    }
}
