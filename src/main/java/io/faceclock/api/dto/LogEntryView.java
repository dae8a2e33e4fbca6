package io.faceclock.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.faceclock.attendance.SiteClock;
import io.faceclock.audit.LogEntry;
import java.util.Map;

/** An audit log entry: when, which category, how serious, what happened, and its details. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LogEntryView(long id, String timestamp, String category, String level, String message,
        Map<String, Object> details) {

    public static LogEntryView of(LogEntry e, SiteClock clock) {
        return new LogEntryView(e.id(), clock.format(e.loggedAt()), e.category(), e.level().wire(), e.message(),
                e.details());
    }
}
