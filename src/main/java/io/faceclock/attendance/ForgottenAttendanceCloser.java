package io.faceclock.attendance;


/** Closes attendances nobody checked out of, so the next check-in and Odoo's rules are not blocked. */
public final class ForgottenAttendanceCloser {

    private final AttendanceService attendance;
    private final PunchRules rules;

    public ForgottenAttendanceCloser(AttendanceService attendance, PunchRules rules) {
        this.attendance = attendance;
        this.rules = rules;
    }

    public int run() {
        return attendance.closeForgotten(rules);
    }
}
