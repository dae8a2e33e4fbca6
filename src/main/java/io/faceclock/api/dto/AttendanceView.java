package io.faceclock.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.faceclock.attendance.Attendance;
import io.faceclock.attendance.SiteClock;

/** An attendance as the API shows one: times in the site's offset, and where it stands with Odoo. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AttendanceView(long id, String personId, String name, String checkIn, String checkOut,
        Double durationMinutes, String source, String note, boolean closedAutomatically, AttendanceSync sync) {

    /** pending, synced, failed (with Odoo's reason) or conflict. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AttendanceSync(String state, Long odooAttendanceId, String error, String syncedAt) {
    }

    public static AttendanceView of(Attendance a, SiteClock clock) {
        Attendance.SyncInfo s = a.sync();
        return new AttendanceView(a.id(), a.personId(), a.personName(), clock.format(a.checkIn()),
                clock.format(a.checkOut()), a.durationMinutes(), a.source(), a.note(), a.closedAutomatically(),
                new AttendanceSync(s.state(), s.odooAttendanceId(), s.error(), clock.format(s.syncedAt())));
    }
}
