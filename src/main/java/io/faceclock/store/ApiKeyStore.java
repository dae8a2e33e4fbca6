package io.faceclock.store;

import io.faceclock.security.ApiKey;
import io.faceclock.security.Scope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API keys by hash. */
public final class ApiKeyStore {

    private static final String COLUMNS = "id, name, scope, key_hash, key_prefix, created_at, last_used_at, revoked_at";

    private final Jdbc jdbc;

    public ApiKeyStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public ApiKey insert(String name, Scope scope, String hash, String prefix, Instant now) {
        long id = jdbc.inTransaction(c -> Jdbc.insert(c, "INSERT INTO api_key (name, scope, key_hash, key_prefix, "
                + "created_at) VALUES (?,?,?,?,?)", name, scope.wire(), hash, prefix, now));
        return new ApiKey(id, name, scope, hash, prefix, now, null, null);
    }

    public Optional<ApiKey> findByHash(String hash) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM api_key WHERE key_hash = ?", ApiKeyStore::map, hash);
    }

    public List<ApiKey> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM api_key ORDER BY id", ApiKeyStore::map);
    }

    public long countActive() {
        return jdbc.queryOne("SELECT COUNT(*) FROM api_key WHERE revoked_at IS NULL", rs -> rs.getLong(1)).orElse(0L);
    }

    /** What a revocation did. */
    public enum Revocation { REVOKED, NOT_FOUND, LAST_ADMIN }

    /**
     * Revokes a live key, unless it is the last live admin key. The live admin keys are locked
     * first, so two revocations at once cannot each leave the other's key as "another admin".
     */
    public Revocation revoke(long id, Instant now) {
        return jdbc.inTransaction(c -> {
            List<Long> admins = Jdbc.query(c, "SELECT id FROM api_key WHERE scope = ? AND revoked_at IS NULL "
                    + "ORDER BY id FOR UPDATE", rs -> rs.getLong(1), Scope.ADMIN.wire());
            if (admins.size() == 1 && admins.get(0) == id) {
                return Revocation.LAST_ADMIN;
            }
            return Jdbc.update(c, "UPDATE api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", now, id) == 1
                    ? Revocation.REVOKED : Revocation.NOT_FOUND;
        });
    }

    public void touch(long id, Instant now) {
        jdbc.update("UPDATE api_key SET last_used_at = ? WHERE id = ?", now, id);
    }

    private static ApiKey map(ResultSet rs) throws SQLException {
        return new ApiKey(rs.getLong("id"), rs.getString("name"), Scope.parse(rs.getString("scope")).orElseThrow(),
                rs.getString("key_hash"), rs.getString("key_prefix"), Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "last_used_at"), Jdbc.instant(rs, "revoked_at"));
    }
}
