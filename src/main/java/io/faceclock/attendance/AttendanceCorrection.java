package io.faceclock.attendance;

import java.time.Instant;

/** A partial change to an attendance; the *Set flags tell "set to null" apart from "leave alone". */
public record AttendanceCorrection(Instant checkIn, Instant checkOut, boolean checkOutSet, String note,
                                   boolean noteSet) {
}
