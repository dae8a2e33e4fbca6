package io.faceclock.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Named leases in the database: one holder at a time, renewed while it works, free once it falls silent. */
public final class LeaseStore {

    /** Who holds a lease, since when, and when it last renewed it. */
    public record Lease(String name, String holder, String nodeId, long pid, Instant since, Instant renewedAt) {
    }

    private final Jdbc jdbc;

    public LeaseStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the lease if it is free, already ours, or its holder has not renewed it for ttl.
     * Returns the lease as it now stands when we hold it.
     */
    public Optional<Lease> tryTake(String name, String holder, String nodeId, long pid, Instant now, Duration ttl) {
        try {
            return jdbc.inTransaction(c -> {
                boolean held = Jdbc.update(c, "UPDATE sync_lease SET renewed_at = ? WHERE lease_name = ? AND holder = ?",
                        now, name, holder) == 1
                        || Jdbc.update(c, "UPDATE sync_lease SET holder = ?, node_id = ?, pid = ?, acquired_at = ?, "
                        + "renewed_at = ? WHERE lease_name = ? AND renewed_at < ?", holder, nodeId, pid, now, now, name,
                        now.minus(ttl)) == 1
                        || insertIfAbsent(c, name, holder, nodeId, pid, now);
                return held ? Jdbc.queryOne(c, SELECT + " WHERE lease_name = ?", LeaseStore::map, name)
                        : Optional.<Lease>empty();
            });
        } catch (StoreException e) {
            if (e.isConstraintViolation()) {
                return Optional.empty();   // another process inserted it first
            }
            throw e;
        }
    }

    private static boolean insertIfAbsent(java.sql.Connection c, String name, String holder, String nodeId, long pid,
                                          Instant now) throws java.sql.SQLException {
        if (Jdbc.queryOne(c, "SELECT 1 FROM sync_lease WHERE lease_name = ?", rs -> 1, name).isPresent()) {
            return false;
        }
        Jdbc.update(c, "INSERT INTO sync_lease (lease_name, holder, node_id, pid, acquired_at, renewed_at) "
                + "VALUES (?,?,?,?,?,?)", name, holder, nodeId, pid, now, now);
        return true;
    }

    /** Says the holder is still at work; false when the lease is no longer its own (taken over). */
    public boolean renew(String name, String holder, Instant now) {
        return jdbc.update("UPDATE sync_lease SET renewed_at = ? WHERE lease_name = ? AND holder = ?", now, name,
                holder) == 1;
    }

    public void release(String name, String holder) {
        jdbc.update("DELETE FROM sync_lease WHERE lease_name = ? AND holder = ?", name, holder);
    }

    public Optional<Lease> current(String name) {
        return jdbc.queryOne(SELECT + " WHERE lease_name = ?", LeaseStore::map, name);
    }

    /** Removes the leases of this node whose holder is gone; returns them. */
    public List<Lease> clearStale(String nodeId, Predicate<Lease> gone) {
        List<Lease> mine = jdbc.query(SELECT + " WHERE node_id = ?", LeaseStore::map, nodeId);
        List<Lease> stale = mine.stream().filter(gone).toList();
        for (Lease l : stale) {
            release(l.name(), l.holder());
        }
        return stale;
    }

    private static final String SELECT = "SELECT lease_name, holder, node_id, pid, acquired_at, renewed_at FROM sync_lease";

    private static Lease map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Lease(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), Jdbc.instant(rs, 5),
                Jdbc.instant(rs, 6));
    }
}
