package io.faceclock.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Settings changed at run time (the Odoo connection, sync cursors), kept across restarts. */
public final class SettingStore {

    private final Jdbc jdbc;

    public SettingStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> get(String key) {
        return jdbc.queryOne("SELECT setting_value FROM setting WHERE setting_key = ?", rs -> rs.getString(1), key);
    }

    public void put(String key, String value, Instant now) {
        jdbc.inTransaction(c -> {
            put(c, key, value, now);
            return null;
        });
    }

    public void put(Connection c, String key, String value, Instant now) throws SQLException {
        if (Jdbc.update(c, "UPDATE setting SET setting_value = ?, updated_at = ? WHERE setting_key = ?", value, now,
                key) == 0) {
            Jdbc.update(c, "INSERT INTO setting (setting_key, setting_value, updated_at) VALUES (?,?,?)", key, value,
                    now);
        }
    }

    /**
     * Takes (or renews) a lease held in the database, so that processes sharing it (the service, the
     * command line, the nodes of a cluster) do one thing at a time. A lease older than ttl is free.
     */
    public boolean tryLease(String key, String owner, Instant now, java.time.Duration ttl) {
        try {
            return jdbc.inTransaction(c -> {
                if (Jdbc.update(c, "UPDATE setting SET setting_value = ?, updated_at = ? WHERE setting_key = ? "
                        + "AND (setting_value = ? OR updated_at < ?)", owner, now, key, owner, now.minus(ttl)) == 1) {
                    return true;
                }
                if (get(c, key)) {
                    return false;
                }
                Jdbc.update(c, "INSERT INTO setting (setting_key, setting_value, updated_at) VALUES (?,?,?)", key,
                        owner, now);
                return true;
            });
        } catch (StoreException e) {
            if (e.isConstraintViolation()) {
                return false;
            }
            throw e;
        }
    }

    public void releaseLease(String key, String owner) {
        jdbc.update("DELETE FROM setting WHERE setting_key = ? AND setting_value = ?", key, owner);
    }

    private static boolean get(Connection c, String key) throws SQLException {
        return Jdbc.queryOne(c, "SELECT 1 FROM setting WHERE setting_key = ?", rs -> 1, key).isPresent();
    }

    public void delete(String key) {
        jdbc.update("DELETE FROM setting WHERE setting_key = ?", key);
    }
}
