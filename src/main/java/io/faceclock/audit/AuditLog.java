package io.faceclock.audit;

import io.faceclock.json.Json;
import io.faceclock.store.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What an operator may want to audit later, kept in the database for a configured number of days. */
public final class AuditLog {

    public static final String ODOO_SYNC = "odoo_sync";
    public static final String ATTENDANCE = "attendance";
    public static final String PERSON = "person";
    public static final String SECURITY = "security";
    public static final String CONFIG = "config";
    public static final String SYSTEM = "system";
    public static final String CAMERA = "camera";

    /** Every category an entry may have; a new one is added here. */
    public static final List<String> CATEGORIES = List.of(SECURITY, ATTENDANCE, PERSON, CAMERA, ODOO_SYNC, CONFIG,
            SYSTEM);

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    private final Jdbc jdbc;
    private final Clock clock;
    private final int retentionDays;

    public AuditLog(Jdbc jdbc, Clock clock, int retentionDays) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retentionDays = retentionDays;
    }

    public void write(String category, LogLevel level, String message, Map<String, ?> details) {
        jdbc.inTransaction(c -> {
            write(c, category, level, message, details);
            return null;
        });
    }

    /** Writes within the caller's transaction, so the entry exists exactly when the change does. */
    public void write(Connection c, String category, LogLevel level, String message, Map<String, ?> details)
            throws SQLException {
        String text = message.length() > 2000 ? message.substring(0, 2000) : message;
        Jdbc.insert(c, "INSERT INTO audit_log (logged_at, category, level, message, details) VALUES (?,?,?,?,?)",
                clock.instant(), category, level.wire(), text, Json.write(details));
        LOG.info("[{}] {}", category, text);
    }

    public List<LogEntry> newest(String category, LogLevel minLevel, int limit) {
        return newest(new LogQuery(category, minLevel, null, null, limit, 0)).entries();
    }

    /** Which entries: by category, minimum level, logged in [from, to) (null: any), a page of them. */
    public record LogQuery(String category, LogLevel minLevel, Instant from, Instant to, int limit, int offset) {
    }

    /** One page of entries, newest first, and how many match in all. */
    public record LogPage(List<LogEntry> entries, long total) {
    }

    public LogPage newest(LogQuery q) {
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (q.category() != null) {
            where.add("category = ?");
            args.add(q.category());
        }
        if (q.minLevel() != null) {
            List<String> levels = new ArrayList<>();
            for (LogLevel l : LogLevel.values()) {
                if (l.compareTo(q.minLevel()) >= 0) {
                    levels.add("'" + l.wire() + "'");
                }
            }
            where.add("level IN (" + String.join(",", levels) + ")");
        }
        if (q.from() != null) {
            where.add("logged_at >= ?");
            args.add(q.from());
        }
        if (q.to() != null) {
            where.add("logged_at < ?");
            args.add(q.to());
        }
        String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(q.limit());
        pageArgs.add(q.offset());
        return jdbc.read(c -> new LogPage(
                Jdbc.query(c, "SELECT id, logged_at, category, level, message, details FROM audit_log" + filter
                        + " ORDER BY id DESC LIMIT ? OFFSET ?", AuditLog::map, pageArgs.toArray()),
                Jdbc.queryOne(c, "SELECT COUNT(*) FROM audit_log" + filter, rs -> rs.getLong(1), args.toArray())
                        .orElse(0L)));
    }

    /** Deletes entries older than the retention period; returns how many went. */
    public int purgeExpired() {
        Instant cutoff = clock.instant().minus(Duration.ofDays(retentionDays));
        int removed = jdbc.update("DELETE FROM audit_log WHERE logged_at < ?", cutoff);
        if (removed > 0) {
            write(SYSTEM, LogLevel.INFO, "Removed " + removed + " log entries older than " + retentionDays + " days",
                    Map.of("removed", removed, "retention_days", retentionDays));
        }
        return removed;
    }

    private static LogEntry map(ResultSet rs) throws SQLException {
        return new LogEntry(rs.getLong("id"), Jdbc.instant(rs, "logged_at"), rs.getString("category"),
                LogLevel.parse(rs.getString("level")).orElse(LogLevel.INFO), rs.getString("message"),
                Json.readMap(rs.getString("details")));
    }
}
