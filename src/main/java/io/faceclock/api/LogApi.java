package io.faceclock.api;

import io.faceclock.attendance.SiteClock;
import io.faceclock.audit.AuditLog;
import io.faceclock.audit.LogEntry;
import io.faceclock.audit.LogLevel;
import io.faceclock.errors.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;

/** /logs: the audit log, newest first. */
public final class LogApi {

    private static final Pattern CATEGORY = Pattern.compile("[a-z_]{1,32}");

    private final AuditLog audit;
    private final SiteClock clock;

    public LogApi(AuditLog audit, SiteClock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    public void list(Exchange ex) {
        ApiRequest req = ApiRequest.of(ex);
        String category = req.query("category");
        if (category != null && !CATEGORY.matcher(category).matches()) {
            throw new InvalidInputException("category", "category must be a name such as odoo_sync, got '"
                    + Texts.clip(category) + "'");
        }
        String level = req.query("level");
        LogLevel min = level == null ? null : LogLevel.parse(level).orElseThrow(() -> new InvalidInputException("level",
                "level must be one of debug, info, warning, error; got '" + Texts.clip(level) + "'"));
        int limit = req.queryInt("limit", 20, 1, 500);
        List<Map<String, Object>> data = audit.newest(category, min, limit).stream().map(this::json).toList();
        Responses.ok(ex, Map.of("data", data, "total", data.size()));
    }

    private Map<String, Object> json(LogEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("timestamp", clock.format(e.loggedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        m.put("category", e.category());
        m.put("level", e.level().wire());
        m.put("message", e.message());
        m.put("details", e.details());
        return m;
    }
}
