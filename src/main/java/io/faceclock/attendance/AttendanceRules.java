package io.faceclock.attendance;

import io.faceclock.errors.ConflictException;
import io.faceclock.errors.InvalidInputException;
import io.faceclock.store.AttendanceStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The rules Odoo's hr.attendance enforces, checked before anything is stored so that a punch
 * faceclock accepts is one Odoo will accept: check-out after check-in, one open attendance per
 * person, no overlapping attendances. Must run with the person's row locked.
 */
final class AttendanceRules {

    private final AttendanceStore store;
    private final SiteClock clock;

    AttendanceRules(AttendanceStore store, SiteClock clock) {
        this.store = store;
        this.clock = clock;
    }

    void check(Connection c, long personRef, String name, Instant checkIn, Instant checkOut, long selfId)
            throws SQLException {
        if (checkOut != null && !checkOut.isAfter(checkIn)) {
            throw new ConflictException("check_out", "check_out (" + clock.human(checkOut)
                    + ") must be after check_in (" + clock.human(checkIn) + ")");
        }
        if (checkOut == null) {
            Optional<Attendance> open = store.openFor(c, personRef).filter(a -> a.id() != selfId);
            if (open.isPresent()) {
                throw new ConflictException("check_in", "Cannot create new attendance record for " + name
                        + ", the employee hasn't checked out since " + clock.human(open.get().checkIn()));
            }
        }
        Optional<Attendance> overlap = store.firstOverlap(c, personRef, checkIn, checkOut, selfId);
        if (overlap.isPresent()) {
            throw new ConflictException("check_in", "Cannot create new attendance record for " + name
                    + ", the employee was already checked in on " + clock.human(overlap.get().checkIn())
                    + (overlap.get().isOpen() ? " and has not checked out" : " until "
                    + clock.human(overlap.get().checkOut())));
        }
        Instant latest = clock.now().plusSeconds(60);
        if (checkIn.isAfter(latest)) {
            throw new InvalidInputException("check_in", "check_in " + clock.human(checkIn) + " is in the future");
        }
        if (checkOut != null && checkOut.isAfter(latest)) {
            throw new InvalidInputException("check_out", "check_out " + clock.human(checkOut) + " is in the future");
        }
    }
}
