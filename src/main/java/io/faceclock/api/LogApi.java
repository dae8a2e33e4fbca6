package io.faceclock.api;

import io.faceclock.api.dto.LogEntryView;
import io.faceclock.api.dto.LogList;
import io.faceclock.attendance.SiteClock;
import io.faceclock.audit.AuditLog;
import io.faceclock.audit.AuditLog.LogPage;
import io.faceclock.audit.AuditLog.LogQuery;
import io.faceclock.audit.LogLevel;
import io.faceclock.errors.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.camel.Header;

/** /logs: the audit log, newest first, by category, level and site days, paged. */
public final class LogApi {

    private final AuditLog audit;
    private final SiteClock clock;

    public LogApi(AuditLog audit, SiteClock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    public LogList list(@Header("category") String categoryParam, @Header("level") String levelParam,
            @Header("since") String sinceParam, @Header("start_date") String startParam,
            @Header("end_date") String endParam, @Header("limit") String limitParam,
            @Header("offset") String offsetParam) {
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
        int offset = Params.integer("offset", offsetParam, 0, 0, Integer.MAX_VALUE);
        String start = Params.text(startParam);
        String end = Params.text(endParam);
        LocalDate from = start == null ? null : clock.parseDate("start_date", start);
        LocalDate to = end == null ? null : clock.parseDate("end_date", end);
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInputException("end_date", "end_date " + to + " is before start_date " + from);
        }
        // since and start_date both bound the oldest entry: the later of the two wins
        Instant oldest = from == null ? since : later(since, clock.startOf(from));
        LogPage page = audit.newest(new LogQuery(category, min, oldest,
                to == null ? null : clock.startOf(to.plusDays(1)), limit, offset));
        return new LogList(page.entries().stream().map(e -> LogEntryView.of(e, clock)).toList(), page.total(), limit,
                offset);
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
