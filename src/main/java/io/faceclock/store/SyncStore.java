package io.faceclock.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Odoo side of attendances: what was sent, the outcome, and the outbox of changes to send. */
public final class SyncStore {

    /** An attendance as the push needs it. */
    public record SyncItem(long attendanceId, long personRef, String personId, Long odooEmployeeId, Instant checkIn,
                           Instant checkOut, Long odooAttendanceId, Instant sentCheckIn, Instant sentCheckOut,
                           String state) {
    }

    /** An outbox row: which attendance, and which change of it. */
    public record OutboxRow(long attendanceId, long changeNo, int attempts) {
    }

    private static final String SELECT = "SELECT a.id, a.person_ref, p.person_id, p.odoo_employee_id, a.check_in, "
            + "a.check_out, a.odoo_attendance_id, a.sent_check_in, a.sent_check_out, a.sync_state "
            + "FROM attendance a JOIN person p ON p.id = a.person_ref";

    private final Jdbc jdbc;

    public SyncStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<SyncItem> inRange(Instant from, Instant to) {
        return jdbc.query(SELECT + " WHERE a.check_in >= ? AND a.check_in < ? ORDER BY a.check_in, a.id",
                SyncStore::map, from, to);
    }

    public List<SyncItem> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query(SELECT + " WHERE a.id IN (" + "?,".repeat(ids.size() - 1) + "?) ORDER BY a.check_in, a.id",
                SyncStore::map, ids.toArray());
    }

    /**
     * Records what Odoo now holds for the attendance. If the attendance changed here while it was on
     * its way, the Odoo id and the sent values are still kept (so the next push writes the change to
     * the same record instead of creating a twin) but it stays pending; returns whether it is synced.
     */
    public boolean markSynced(SyncItem item, long odooId, Instant now) {
        String set = "UPDATE attendance SET odoo_attendance_id = ?, sent_check_in = ?, sent_check_out = ?, "
                + "synced_at = ?, sync_error = NULL, sync_state = ";
        Object[] sent = {odooId, item.checkIn(), Jdbc.orNull(item.checkOut()), now};
        // the usual case in one statement: still as sent, so synced; only if it changed meanwhile, a second one
        List<Object> args = new ArrayList<>(List.of(sent));
        args.add(item.attendanceId());
        args.add(item.checkIn());
        String unchanged = "check_in = ? AND " + (item.checkOut() == null ? "check_out IS NULL" : "check_out = ?");
        if (item.checkOut() != null) {
            args.add(item.checkOut());
        }
        if (jdbc.update(set + "'synced' WHERE id = ? AND " + unchanged, args.toArray()) == 1) {
            return true;
        }
        List<Object> pending = new ArrayList<>(List.of(sent));
        pending.add(item.attendanceId());
        jdbc.update(set + "'pending' WHERE id = ?", pending.toArray());
        return false;
    }

    public void markProblem(long attendanceId, String state, String error, Instant now) {
        jdbc.update("UPDATE attendance SET sync_state = ?, sync_error = ?, synced_at = ? WHERE id = ?", state,
                clip(error), now, attendanceId);
    }

    /**
     * Adopts an Odoo record found for an attendance faceclock had lost track of (a restored database):
     * what Odoo holds counts as what was sent, so a later push compares against it.
     */
    public void adopt(long attendanceId, long odooId, Instant odooCheckIn, Instant odooCheckOut) {
        jdbc.update("UPDATE attendance SET odoo_attendance_id = ?, sent_check_in = ?, sent_check_out = ? WHERE id = ?",
                odooId, odooCheckIn, Jdbc.orNull(odooCheckOut), attendanceId);
    }

    public Map<String, Long> countsByState() {
        Map<String, Long> m = new java.util.LinkedHashMap<>();
        jdbc.query("SELECT sync_state, COUNT(*) FROM attendance GROUP BY sync_state ORDER BY sync_state", rs -> {
            m.put(rs.getString(1), rs.getLong(2));
            return null;
        });
        return m;
    }

    // ---- outbox ----

    /** Queues the attendance for sending; called in the transaction that changed it. */
    public void enqueue(Connection c, long attendanceId, Instant now) throws SQLException {
        if (Jdbc.update(c, "UPDATE odoo_outbox SET change_no = change_no + 1, enqueued_at = ?, attempts = 0, "
                + "next_attempt_at = ?, last_error = NULL WHERE attendance_id = ?", now, now, attendanceId) == 0) {
            Jdbc.update(c, "INSERT INTO odoo_outbox (attendance_id, change_no, enqueued_at, attempts, next_attempt_at) "
                    + "VALUES (?, 1, ?, 0, ?)", attendanceId, now, now);
        }
        Jdbc.update(c, "UPDATE attendance SET sync_state = 'pending', sync_error = NULL WHERE id = ?", attendanceId);
    }

    /**
     * Claims up to limit due rows for holder until the given time: rows nobody claims, or whose claim
     * ran out (its holder stopped renewing). Rows another node is claiming right now are skipped,
     * not waited for (FOR UPDATE SKIP LOCKED), so nodes draining together take disjoint rows.
     */
    public List<OutboxRow> claimDue(String holder, Instant now, Instant until, int limit) {
        return jdbc.inTransaction(c -> {
            List<OutboxRow> rows = Jdbc.query(c, "SELECT attendance_id, change_no, attempts FROM odoo_outbox "
                    + "WHERE next_attempt_at <= ? AND (claimed_by IS NULL OR claimed_until < ? OR claimed_by = ?) "
                    + "ORDER BY enqueued_at, attendance_id LIMIT ? FOR UPDATE SKIP LOCKED", SyncStore::row, now, now,
                    holder, limit);
            claim(c, rows.stream().map(OutboxRow::attendanceId).toList(), holder, until);
            return rows;
        });
    }

    /**
     * Claims the rows of these attendances (for a push of a date range); returns the attendances
     * whose rows another live holder has claimed: that holder is sending them.
     */
    public java.util.Set<Long> claimFor(String holder, List<Long> attendanceIds, Instant now, Instant until) {
        java.util.Set<Long> busy = new java.util.HashSet<>();
        for (int from = 0; from < attendanceIds.size(); from += 1000) {
            List<Long> chunk = attendanceIds.subList(from, Math.min(attendanceIds.size(), from + 1000));
            busy.addAll(jdbc.inTransaction(c -> {
                List<Long> free = new ArrayList<>();
                List<Long> taken = new ArrayList<>();
                Jdbc.query(c, "SELECT attendance_id, claimed_by, claimed_until FROM odoo_outbox WHERE attendance_id IN ("
                        + "?,".repeat(chunk.size() - 1) + "?) FOR UPDATE", rs -> {
                            Instant claimedUntil = Jdbc.instant(rs, 3);
                            boolean other = rs.getString(2) != null && !holder.equals(rs.getString(2))
                                    && claimedUntil != null && !claimedUntil.isBefore(now);
                            (other ? taken : free).add(rs.getLong(1));
                            return null;
                        }, chunk.toArray());
                claim(c, free, holder, until);
                return taken;
            }));
        }
        return busy;
    }

    private static void claim(Connection c, List<Long> attendanceIds, String holder, Instant until)
            throws SQLException {
        for (int from = 0; from < attendanceIds.size(); from += 1000) {
            List<Long> chunk = attendanceIds.subList(from, Math.min(attendanceIds.size(), from + 1000));
            List<Object> args = new ArrayList<>(List.of(holder, until));
            args.addAll(chunk);
            Jdbc.update(c, "UPDATE odoo_outbox SET claimed_by = ?, claimed_until = ? WHERE attendance_id IN ("
                    + "?,".repeat(chunk.size() - 1) + "?)", args.toArray());
        }
    }

    /** The holder is still at work: its claims last until the given time. */
    public int renewClaims(String holder, Instant until) {
        return jdbc.update("UPDATE odoo_outbox SET claimed_until = ? WHERE claimed_by = ?", until, holder);
    }

    public void releaseClaims(String holder) {
        jdbc.update("UPDATE odoo_outbox SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = ?", holder);
    }

    /** Claimed rows per holder, for the status. */
    public Map<String, Long> claimsByHolder() {
        Map<String, Long> m = new java.util.LinkedHashMap<>();
        jdbc.query("SELECT claimed_by, COUNT(*) FROM odoo_outbox WHERE claimed_by IS NOT NULL GROUP BY claimed_by "
                + "ORDER BY claimed_by", rs -> {
                    m.put(rs.getString(1), rs.getLong(2));
                    return null;
                });
        return m;
    }

    private static OutboxRow row(ResultSet rs) throws SQLException {
        return new OutboxRow(rs.getLong(1), rs.getLong(2), rs.getInt(3));
    }

    /** The outbox rows of the attendances that began in [from, to). */
    public List<OutboxRow> queuedInRange(Instant from, Instant to) {
        return jdbc.query("SELECT o.attendance_id, o.change_no, o.attempts FROM odoo_outbox o JOIN attendance a "
                + "ON a.id = o.attendance_id WHERE a.check_in >= ? AND a.check_in < ?", rs -> new OutboxRow(
                rs.getLong(1), rs.getLong(2), rs.getInt(3)), from, to);
    }

    /** Removes the row only if no newer change was queued since it was read. */
    /**
     * Of these attendances, those with an earlier attendance of the same person still in the outbox
     * and not among them: they wait for it, so Odoo gets each person's records in order even when
     * another node holds the earlier one.
     */
    public java.util.Set<Long> behindEarlierOnes(List<Long> attendanceIds) {
        java.util.Set<Long> waiting = new java.util.HashSet<>();
        if (attendanceIds.isEmpty()) {
            return waiting;
        }
        String ids = "?,".repeat(attendanceIds.size() - 1) + "?";
        Object[] args = new Object[attendanceIds.size() * 2];
        for (int i = 0; i < attendanceIds.size(); i++) {
            args[i] = attendanceIds.get(i);
            args[attendanceIds.size() + i] = attendanceIds.get(i);
        }
        waiting.addAll(jdbc.query("SELECT a.id FROM attendance a WHERE a.id IN (" + ids + ") AND EXISTS (SELECT 1 "
                + "FROM odoo_outbox o JOIN attendance b ON b.id = o.attendance_id WHERE b.person_ref = a.person_ref "
                + "AND b.check_in < a.check_in AND o.attendance_id NOT IN (" + ids + "))", rs -> rs.getLong(1), args));
        return waiting;
    }

    public void done(OutboxRow row) {
        jdbc.update("DELETE FROM odoo_outbox WHERE attendance_id = ? AND change_no = ?", row.attendanceId(),
                row.changeNo());
    }

    public void retryLater(OutboxRow row, Instant next, String error) {
        jdbc.update("UPDATE odoo_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?, "
                + "claimed_by = NULL, claimed_until = NULL WHERE attendance_id = ? AND change_no = ?", next, clip(error), row.attendanceId(), row.changeNo());
    }

    public long depth() {
        return jdbc.queryOne("SELECT COUNT(*) FROM odoo_outbox", rs -> rs.getLong(1)).orElse(0L);
    }

    public Optional<Instant> oldestEnqueued() {
        List<Instant> oldest = jdbc.query("SELECT MIN(enqueued_at) AS oldest FROM odoo_outbox",
                rs -> Jdbc.instant(rs, "oldest"));
        return oldest.isEmpty() ? Optional.empty() : Optional.ofNullable(oldest.get(0));
    }


    /** Forgets every Odoo id and what was sent: for when faceclock is pointed at another Odoo database. */
    public void forgetOdoo(Connection c) throws SQLException {
        Jdbc.update(c, "UPDATE attendance SET odoo_attendance_id = NULL, sent_check_in = NULL, sent_check_out = NULL, "
                + "sync_state = 'pending', sync_error = NULL, synced_at = NULL");
        Jdbc.update(c, "UPDATE person SET odoo_employee_id = NULL");
        Jdbc.update(c, "DELETE FROM setting WHERE setting_key = 'odoo.pull.since'");
        PeopleChanges.record(c, null);
    }

    private static String clip(String error) {
        return error.length() > 2000 ? error.substring(0, 2000) : error;
    }

    private static SyncItem map(ResultSet rs) throws SQLException {
        return new SyncItem(rs.getLong("id"), rs.getLong("person_ref"), rs.getString("person_id"),
                Jdbc.nullableLong(rs, "odoo_employee_id"), Jdbc.instant(rs, "check_in"), Jdbc.instant(rs, "check_out"),
                Jdbc.nullableLong(rs, "odoo_attendance_id"), Jdbc.instant(rs, "sent_check_in"),
                Jdbc.instant(rs, "sent_check_out"), rs.getString("sync_state"));
    }
}
