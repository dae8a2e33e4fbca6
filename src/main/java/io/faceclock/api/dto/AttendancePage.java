package io.faceclock.api.dto;

import java.util.List;

/** A page of attendances, newest first: data, the total that match, and the page asked for. */
public record AttendancePage(boolean success, List<AttendanceView> data, long total, int limit, int offset)
        implements Reply {
    public AttendancePage(List<AttendanceView> data, long total, int limit, int offset) {
        this(true, data, total, limit, offset);
    }
}
