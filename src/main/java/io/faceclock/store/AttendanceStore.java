package io.faceclock.store;

import io.faceclock.attendance.Attendance;
import io.faceclock.attendance.AttendanceQuery;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Attendances in the database, always read with their person's business key and name. */
public final class AttendanceStore {

    private static final String SELECT = "SELECT a.id, a.person_ref, p.person_id, p.name, a.check_in, a.check_out, "
            + "a.source, a.note, a.closed_automatically, a.created_at, a.updated_at, "
            + "a.sync_state, a.odoo_attendance_id, a.sync_error, a.synced_at "
            + "FROM attendance a JOIN person p ON p.id = a.person_ref";

    private final Jdbc jdbc;

    public AttendanceStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(Connection c, long personRef, Instant checkIn, Instant checkOut, String source, String note,
                       boolean closedAutomatically, Instant now) throws SQLException {
        return Jdbc.insert(c, "INSERT INTO attendance (person_ref, check_in, check_out, source, note, "
                        + "closed_automatically, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?)",
                personRef, checkIn, Jdbc.orNull(checkOut), source, note, closedAutomatically, now, now);
    }

    public void update(Connection c, long id, Instant checkIn, Instant checkOut, String note,
                       boolean closedAutomatically, Instant now) throws SQLException {
        Jdbc.update(c, "UPDATE attendance SET check_in = ?, check_out = ?, note = ?, closed_automatically = ?, "
                + "updated_at = ? WHERE id = ?", checkIn, Jdbc.orNull(checkOut), note, closedAutomatically, now, id);
    }

    /** Remembers which sides a person corrected by hand, for Odoo's in_mode / out_mode. */
    public void markCorrected(Connection c, long id, boolean checkIn, boolean checkOut) throws SQLException {
        if (checkIn || checkOut) {
            Jdbc.update(c, "UPDATE attendance SET check_in_corrected = check_in_corrected OR ?, "
                    + "check_out_corrected = check_out_corrected OR ? WHERE id = ?", checkIn, checkOut, id);
        }
    }

    public Optional<Attendance> findById(Connection c, long id) throws SQLException {
        return Jdbc.queryOne(c, SELECT + " WHERE a.id = ?", AttendanceStore::map, id);
    }

    public Optional<Attendance> findById(long id) {
        return jdbc.inTransaction(c -> findById(c, id));
    }

    public Optional<Attendance> openFor(Connection c, long personRef) throws SQLException {
        return Jdbc.queryOne(c, SELECT + " WHERE a.person_ref = ? AND a.check_out IS NULL ORDER BY a.check_in DESC",
                AttendanceStore::map, personRef);
    }

    public List<Attendance> openBefore(Instant checkInBefore) {
        return jdbc.query(SELECT + " WHERE a.check_out IS NULL AND a.check_in < ? ORDER BY a.check_in",
                AttendanceStore::map, checkInBefore);
    }

    public Optional<Attendance> latestFor(Connection c, long personRef) throws SQLException {
        return Jdbc.queryOne(c, SELECT + " WHERE a.person_ref = ? ORDER BY a.check_in DESC LIMIT 1",
                AttendanceStore::map, personRef);
    }

    /** Another attendance of the person sharing time with [checkIn, checkOut); an open one runs forever. */
    public Optional<Attendance> firstOverlap(Connection c, long personRef, Instant checkIn, Instant checkOut,
                                             long excludeId) throws SQLException {
        List<Object> args = new ArrayList<>(List.of(personRef, excludeId, checkIn));
        String sql = SELECT + " WHERE a.person_ref = ? AND a.id <> ? AND (a.check_out IS NULL OR a.check_out > ?)";
        if (checkOut != null) {
            sql += " AND a.check_in < ?";
            args.add(checkOut);
        }
        return Jdbc.queryOne(c, sql + " ORDER BY a.check_in LIMIT 1", AttendanceStore::map, args.toArray());
    }

    public List<Attendance> search(AttendanceQuery q) {
        return jdbc.read(c -> search(c, q));
    }

    public long count(AttendanceQuery q) {
        return jdbc.read(c -> count(c, q));
    }

    /**
     * The page and the total over one pooled connection. Two statements rather than COUNT(*) OVER():
     * a day's attendances come from the check_in index already sorted, so the page stops after
     * limit rows, where a window would have to join and sort the whole day first.
     */
    public Page<Attendance> page(AttendanceQuery q) {
        return jdbc.read(c -> new Page<>(search(c, q), count(c, q)));
    }

    private static List<Attendance> search(Connection c, AttendanceQuery q) throws SQLException {
        Where w = where(q);
        List<Object> args = new ArrayList<>(w.args);
        args.add(q.limit());
        args.add(q.offset());
        return Jdbc.query(c, SELECT + w.sql + " ORDER BY a.check_in DESC, a.id DESC LIMIT ? OFFSET ?",
                AttendanceStore::map, args.toArray());
    }

    private static long count(Connection c, AttendanceQuery q) throws SQLException {
        Where w = where(q);
        return Jdbc.queryOne(c, "SELECT COUNT(*) FROM attendance a" + w.sql, rs -> rs.getLong(1), w.args.toArray())
                .orElse(0L);
    }

    private record Where(String sql, List<Object> args) {
    }

    private static Where where(AttendanceQuery q) {
        List<String> parts = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (q.from() != null) {
            parts.add("a.check_in >= ?");
            args.add(q.from());
        }
        if (q.to() != null) {
            parts.add("a.check_in < ?");
            args.add(q.to());
        }
        if (q.personRef() != null) {
            parts.add("a.person_ref = ?");
            args.add(q.personRef());
        }
        return new Where(parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts), args);
    }

    /** Reads the columns of SELECT by position, in their order. */
    static Attendance map(ResultSet rs) throws SQLException {
        return new Attendance(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), Jdbc.instant(rs, 5),
                Jdbc.instant(rs, 6), rs.getString(7), rs.getString(8), rs.getBoolean(9), Jdbc.instant(rs, 10),
                Jdbc.instant(rs, 11), new Attendance.SyncInfo(rs.getString(12), Jdbc.nullableLong(rs, 13),
                        rs.getString(14), Jdbc.instant(rs, 15)));
    }
}
