package io.faceclock.api.dto;

/** {"success": true, "data": an attendance}. */
public record AttendanceReply(boolean success, AttendanceView data) implements Reply {
    public AttendanceReply(AttendanceView data) {
        this(true, data);
    }
}
