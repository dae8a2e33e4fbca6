package io.faceclock.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A PostgreSQL database for a test of several nodes: a fresh one on the server FACECLOCK_TEST_PG_URL
 * names (as ./run-tests gives), else a private server of Debian's binaries; skipped without either.
 */
public record TestPostgres(String url, PrivatePostgres own) implements AutoCloseable {

    public static TestPostgres open() throws Exception {
        if (System.getenv(TestDatabases.PG_ENV) != null) {
            return new TestPostgres(TestDatabases.freshPostgres(), null);
        }
        var bin = PrivatePostgres.binaries();
        assumeTrue(bin.isPresent(), "no PostgreSQL (" + TestDatabases.PG_ENV + " or /usr/lib/postgresql): skipped");
        PrivatePostgres own = PrivatePostgres.start(bin.get());
        return new TestPostgres(own.jdbcUrl(), own);
    }

    @Override
    public void close() throws Exception {
        if (own != null) {
            own.close();
        }
    }
}
