package io.faceclock.attendance;

import java.time.Duration;
import java.time.Instant;

/** One stay at work: a check-in and, once the person leaves, a check-out. */
public record Attendance(
        long id,
        long personRef,
        String personId,
        String personName,
        Instant checkIn,
        Instant checkOut,
        String source,
        String note,
        boolean closedAutomatically,
        Instant createdAt,
        Instant updatedAt,
        SyncInfo sync) {

    /** Where the attendance stands with Odoo: pending, synced, failed (with Odoo's reason) or conflict. */
    public record SyncInfo(String state, Long odooAttendanceId, String error, Instant syncedAt) {
    }

    public boolean isOpen() {
        return checkOut == null;
    }

    /** Worked minutes, two decimals; null while still open. */
    public Double durationMinutes() {
        if (checkOut == null) {
            return null;
        }
        return Math.round(Duration.between(checkIn, checkOut).toMillis() / 600.0) / 100.0;
    }
}
