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

    /** Every setting whose key starts with the prefix, read in one statement (so as one consistent whole). */
    public java.util.Map<String, String> withPrefix(String prefix) {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        jdbc.query("SELECT setting_key, setting_value FROM setting WHERE setting_key LIKE ? ESCAPE '\\'", rs -> {
            m.put(rs.getString(1), rs.getString(2));
            return null;
        }, prefix.replace("%", "\\%").replace("_", "\\_") + "%");
        return m;
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

    public void delete(String key) {
        jdbc.update("DELETE FROM setting WHERE setting_key = ?", key);
    }
}
