package io.faceclock.api.dto;

import java.util.List;

/** Audit log entries, newest first, and how many there are in this answer. */
public record LogList(boolean success, List<LogEntryView> data, int total) implements Reply {
    public LogList(List<LogEntryView> data) {
        this(true, data, data.size());
    }
}
