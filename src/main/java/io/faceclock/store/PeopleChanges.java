package io.faceclock.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The numbered log of changes to people and their face templates (migration V7_5). A transaction
 * that changes a person or a template records it as its last statement that locks anything: the
 * one-row counter it bumps stays locked until it commits, so the numbers are given in commit order,
 * and a reader that has seen number n has seen every change up to n. Readers (every node, see
 * recognition/GalleryFollower) then ask only for the changes after the number they have.
 */
public final class PeopleChanges {

    /** One change: the person whose fields or templates changed, null for every person. */
    public record Change(long version, Long personRef) {
    }

    private final Jdbc jdbc;

    public PeopleChanges(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Records, in the caller's transaction, that the person (null: everyone) changed. */
    public static void record(Connection c, Long personRef) throws SQLException {
        Jdbc.update(c, "UPDATE people_version SET version = version + 1 WHERE id = 1");
        long version = Jdbc.queryOne(c, "SELECT version FROM people_version WHERE id = 1", rs -> rs.getLong(1))
                .orElseThrow();
        Jdbc.update(c, "INSERT INTO people_change (version, person_ref) VALUES (?, ?)", version,
                Jdbc.orNull(personRef));
    }

    /** The number of the last committed change. */
    public long version() {
        return jdbc.queryOne("SELECT version FROM people_version WHERE id = 1", rs -> rs.getLong(1)).orElse(0L);
    }

    /** The changes after that number, oldest first, at most limit of them. */
    public List<Change> since(long version, int limit) {
        return jdbc.query("SELECT version, person_ref FROM people_change WHERE version > ? ORDER BY version LIMIT ?",
                rs -> new Change(rs.getLong(1), Jdbc.nullableLong(rs, 2)), version, limit);
    }

    /** Drops the changes up to that number (a reader further behind reloads everything). */
    public int forgetUpTo(long version) {
        return jdbc.update("DELETE FROM people_change WHERE version <= ?", version);
    }
}
