package io.faceclock.audit;

import java.time.Instant;
import java.util.Map;

/** One audit log entry: what happened, how serious, and structured details. */
public record LogEntry(long id, Instant loggedAt, String category, LogLevel level, String message,
                       Map<String, Object> details) {
}
