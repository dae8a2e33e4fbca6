package io.faceclock.config;

/**
 * The database: a JDBC URL (null: embedded H2 in the data folder), its login, the pool size, and how
 * long a request waits for a connection before it answers 503 (the database is away).
 */
public record DatabaseSettings(String url, String username, String password, int poolSize,
                               java.time.Duration connectionTimeout) {

    static DatabaseSettings read(Settings s) {
        return new DatabaseSettings(s.get(Settings.DB_URL), s.get(Settings.DB_USERNAME), s.get(Settings.DB_PASSWORD),
                s.integer(Settings.DB_POOL_SIZE), s.seconds("faceclock.db.connection-timeout-seconds"));
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", username=" + username + ", poolSize=" + poolSize + "]";
    }
}
