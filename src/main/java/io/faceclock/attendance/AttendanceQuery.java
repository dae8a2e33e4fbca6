package io.faceclock.attendance;

import java.time.Instant;

/** Attendances whose check-in lies in [from, to); null bounds and person mean "any". */
public record AttendanceQuery(Instant from, Instant to, Long personRef, int limit, int offset) {
}
