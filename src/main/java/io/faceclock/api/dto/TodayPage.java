package io.faceclock.api.dto;

import java.util.List;

/** The attendances that began on the site's today (date), newest first, paged. */
public record TodayPage(boolean success, String date, List<AttendanceView> data, long total, int limit, int offset)
        implements Reply {
    public TodayPage(String date, List<AttendanceView> data, long total, int limit, int offset) {
        this(true, date, data, total, limit, offset);
    }
}
