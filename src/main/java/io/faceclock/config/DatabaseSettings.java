package io.faceclock.config;

/** The database: a JDBC URL (null: embedded H2 in the data folder), its login and the pool size. */
public record DatabaseSettings(String url, String username, String password, int poolSize) {

    static DatabaseSettings read(Settings s) {
        return new DatabaseSettings(s.get(Settings.DB_URL), s.get(Settings.DB_USERNAME), s.get(Settings.DB_PASSWORD),
                s.integer(Settings.DB_POOL_SIZE));
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", username=" + username + ", poolSize=" + poolSize + "]";
    }
}
