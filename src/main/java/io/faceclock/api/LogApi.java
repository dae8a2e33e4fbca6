package io.faceclock.api;

import io.faceclock.api.dto.LogEntryView;
import io.faceclock.api.dto.LogList;
import io.faceclock.attendance.SiteClock;
import io.faceclock.audit.AuditLog;
import io.faceclock.audit.LogLevel;
import io.faceclock.errors.InvalidInputException;
import java.time.Instant;
import java.util.List;
import org.apache.camel.Header;

/** /logs: the audit log, newest first. */
public final class LogApi {

    private final AuditLog audit;
    private final SiteClock clock;

    public LogApi(AuditLog audit, SiteClock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    public LogList list(@Header("category") String categoryParam, @Header("level") String levelParam,
            @Header("since") String sinceParam, @Header("limit") String limitParam) {
        String category = Params.text(categoryParam);
        if (category != null && !AuditLog.CATEGORIES.contains(category)) {
            throw new InvalidInputException("category", "category must be one of "
                    + String.join(", ", AuditLog.CATEGORIES) + "; got '" + Texts.clip(category) + "'");
        }
        String level = Params.text(levelParam);
        LogLevel min = level == null ? null : LogLevel.parse(level).orElseThrow(() -> new InvalidInputException("level",
                "level must be one of debug, info, warning, error; got '" + Texts.clip(level) + "'"));
        String sinceText = Params.text(sinceParam);
        Instant since = sinceText == null ? null : sinceText.length() <= 10
                ? clock.startOf(clock.parseDate("since", sinceText)) : clock.parseInstant("since", sinceText);
        int limit = Params.integer("limit", limitParam, 20, 1, 500);
        List<LogEntryView> data = audit.newest(category, min, since, limit).stream()
                .map(e -> LogEntryView.of(e, clock)).toList();
        // a short page is the whole answer; a full one needs the count of everything that matches
        long total = data.size() < limit ? data.size() : audit.count(category, min, since);
        return new LogList(data, total, limit);
    }
}
