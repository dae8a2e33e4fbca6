package io.faceclock.api.dto;

/** 201 {"success": true, "data": the new attendance, "message"}. */
public record AttendanceCreated(boolean success, AttendanceView data, String message) implements Reply {
    public AttendanceCreated(AttendanceView data) {
        this(true, data, "Attendance recorded for " + data.personId());
    }

    @Override
    public int status() {
        return 201;
    }
}
