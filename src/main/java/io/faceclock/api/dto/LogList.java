package io.faceclock.api.dto;

import java.util.List;

/** A page of audit log entries, newest first; total counts every entry the filter matches, not only this page. */
public record LogList(boolean success, List<LogEntryView> data, long total, int limit, int offset) implements Reply {
    public LogList(List<LogEntryView> data, long total, int limit, int offset) {
        this(true, data, total, limit, offset);
    }
}
