package io.faceclock.attendance;

import io.faceclock.api.ApiException;
import io.faceclock.audit.AuditLog;
import io.faceclock.audit.LogLevel;
import io.faceclock.people.Person;
import io.faceclock.store.AttendanceStore;
import io.faceclock.store.Jdbc;
import io.faceclock.store.PersonStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Records and corrects attendances under the person's row lock, telling the listener in the same transaction. */
public final class AttendanceService {

    private final Jdbc jdbc;
    private final PersonStore persons;
    private final AttendanceStore store;
    private final SiteClock clock;
    private final AttendanceRules rules;
    private final AuditLog audit;
    private volatile AttendanceChangeListener listener = AttendanceChangeListener.NONE;

    public AttendanceService(Jdbc jdbc, PersonStore persons, AttendanceStore store, SiteClock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.store = store;
        this.clock = clock;
        this.rules = new AttendanceRules(store, clock);
        this.audit = audit;
    }

    public void setListener(AttendanceChangeListener listener) {
        this.listener = listener;
    }

    public SiteClock clock() {
        return clock;
    }

    /** A new attendance for the person, open when checkOut is null. */
    public Attendance record(String personId, Instant checkIn, Instant checkOut, String source, String note) {
        return jdbc.inTransaction(c -> {
            Person p = persons.lockByPersonId(c, personId)
                    .orElseThrow(() -> ApiException.notFound("person_id", "No person with person_id '" + personId + "'"));
            rules.check(c, p.id(), p.name(), checkIn, checkOut, -1);
            long id = store.insert(c, p.id(), checkIn, checkOut, source, note, false, clock.now());
            Attendance saved = store.findById(c, id).orElseThrow();
            listener.changed(c, saved);
            return saved;
        });
    }

    /** Applies a correction; the audit log keeps what it was and what it became. */
    public Attendance correct(long id, AttendanceCorrection change, String actor) {
        return jdbc.inTransaction(c -> {
            Attendance before = store.findById(c, id).orElseThrow(() -> notFound(id));
            Person p = persons.lockById(c, before.personRef()).orElseThrow(() -> notFound(id));
            before = store.findById(c, id).orElseThrow(() -> notFound(id));
            Instant in = change.checkIn() != null ? change.checkIn() : before.checkIn();
            Instant out = change.checkOutSet() ? change.checkOut() : before.checkOut();
            String note = change.noteSet() ? change.note() : before.note();
            rules.check(c, p.id(), p.name(), in, out, id);
            boolean auto = before.closedAutomatically() && !change.checkOutSet();
            store.update(c, id, in, out, note, auto, clock.now());
            Attendance after = store.findById(c, id).orElseThrow();
            audit.write(c, AuditLog.ATTENDANCE, LogLevel.INFO, "Attendance " + id + " of " + p.personId()
                    + " corrected", correctionDetails(before, after, actor));
            listener.changed(c, after);
            return after;
        });
    }

    public Attendance get(long id) {
        return store.findById(id).orElseThrow(() -> notFound(id));
    }

    public List<Attendance> search(AttendanceQuery q) {
        return store.search(q);
    }

    public long count(AttendanceQuery q) {
        return store.count(q);
    }

    /** Attendances that began on the site's current day. */
    public AttendanceQuery today(int limit, int offset) {
        LocalDate day = clock.today();
        return new AttendanceQuery(clock.startOf(day), clock.startOf(day.plusDays(1)), null, limit, offset);
    }

    private Map<String, Object> correctionDetails(Attendance before, Attendance after, String actor) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("attendance_id", after.id());
        d.put("person_id", after.personId());
        d.put("by", actor);
        d.put("before", Map.of("check_in", clock.format(before.checkIn()),
                "check_out", String.valueOf(clock.format(before.checkOut())), "note", String.valueOf(before.note())));
        d.put("after", Map.of("check_in", clock.format(after.checkIn()),
                "check_out", String.valueOf(clock.format(after.checkOut())), "note", String.valueOf(after.note())));
        return d;
    }

    private static ApiException notFound(long id) {
        return ApiException.notFound("id", "No attendance with id " + id);
    }

}
