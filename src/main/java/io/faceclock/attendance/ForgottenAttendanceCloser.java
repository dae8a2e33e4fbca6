package io.faceclock.attendance;

import java.time.Duration;

/** Closes attendances nobody checked out of, so the next check-in and Odoo's rules are not blocked. */
public final class ForgottenAttendanceCloser {

    private final AttendanceService attendance;
    private final Duration maxOpen;

    public ForgottenAttendanceCloser(AttendanceService attendance, Duration maxOpen) {
        this.attendance = attendance;
        this.maxOpen = maxOpen;
    }

    public int run() {
        return attendance.closeForgotten(maxOpen);
    }
}
