package io.faceclock.api;

import io.faceclock.api.dto.LogEntryView;
import io.faceclock.api.dto.LogList;
import io.faceclock.attendance.SiteClock;
import io.faceclock.audit.AuditLog;
import io.faceclock.audit.LogLevel;
import io.faceclock.errors.InvalidInputException;
import java.util.regex.Pattern;
import org.apache.camel.Header;

/** /logs: the audit log, newest first. */
public final class LogApi {

    private static final Pattern CATEGORY = Pattern.compile("[a-z_]{1,32}");

    private final AuditLog audit;
    private final SiteClock clock;

    public LogApi(AuditLog audit, SiteClock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    public LogList list(@Header("category") String categoryParam, @Header("level") String levelParam,
            @Header("limit") String limitParam) {
        String category = Params.text(categoryParam);
        if (category != null && !CATEGORY.matcher(category).matches()) {
            throw new InvalidInputException("category", "category must be a name such as odoo_sync, got '"
                    + Texts.clip(category) + "'");
        }
        String level = Params.text(levelParam);
        LogLevel min = level == null ? null : LogLevel.parse(level).orElseThrow(() -> new InvalidInputException("level",
                "level must be one of debug, info, warning, error; got '" + Texts.clip(level) + "'"));
        int limit = Params.integer("limit", limitParam, 20, 1, 500);
        return new LogList(audit.newest(category, min, limit).stream().map(e -> LogEntryView.of(e, clock)).toList());
    }
}
