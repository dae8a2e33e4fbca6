package io.faceclock.attendance;

import io.faceclock.audit.AuditLog;
import io.faceclock.audit.LogLevel;
import io.faceclock.errors.NotFoundException;
import io.faceclock.people.Person;
import io.faceclock.store.AttendanceStore;
import io.faceclock.store.Jdbc;
import io.faceclock.store.Page;
import io.faceclock.store.PersonStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
                    .orElseThrow(() -> new NotFoundException("person_id", "No person with person_id '" + personId + "'"));
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
            store.markCorrected(c, id, !in.equals(before.checkIn()), !java.util.Objects.equals(out, before.checkOut()));
            Attendance after = store.findById(c, id).orElseThrow();
            audit.write(c, AuditLog.ATTENDANCE, LogLevel.INFO, "Attendance " + id + " of " + p.personId()
                    + " corrected", correctionDetails(before, after, actor));
            listener.changed(c, after);
            return after;
        });
    }

    /**
     * Turns an accepted recognition of the person at the given time into a punch under the source's
     * policy; a person seen again within the cooldown, or inactive, gets no punch.
     */
    public Punch punch(long personRef, Instant at, String source, PunchRules rules) {
        return punch(personRef, at, source, rules, PunchDirection.BOTH);
    }

    /** As above, for a source that may only check in (an entrance camera) or only check out. */
    public Punch punch(long personRef, Instant at, String source, PunchRules rules, PunchDirection direction) {
        return jdbc.inTransaction(c -> {
            Person p = persons.lockById(c, personRef)
                    .orElseThrow(() -> new NotFoundException("person_id", "The recognised person no longer exists"));
            if (!p.active()) {
                return new Punch("none", null, "inactive", p.name() + " is inactive; nothing recorded");
            }
            Optional<Attendance> latest = store.latestFor(c, p.id());
            if (latest.isPresent()) {
                Attendance l = latest.get();
                Instant last = l.checkOut() != null && l.checkOut().isAfter(l.checkIn()) ? l.checkOut() : l.checkIn();
                if (Duration.between(last, at).compareTo(rules.cooldown()) < 0) {
                    return new Punch("none", l, "too_soon", p.name() + " was recorded at " + clock.human(last)
                            + "; repeats within " + rules.cooldown().toSeconds() + " s are ignored");
                }
            }
            PunchPolicy policy = rules.policyFor(source);
            Optional<Attendance> open = store.openFor(c, p.id());
            if (open.isPresent() && rules.autoCloseTime(open.get().checkIn(), clock.zone()).isBefore(at)) {
                closeAutomatically(c, open.get(), rules.autoCloseTime(open.get().checkIn(), clock.zone()));
                open = Optional.empty();
            }
            if (policy == PunchPolicy.TOGGLE && open.isPresent()) {
                return direction == PunchDirection.IN ? notThisWay(p, "check out", source)
                        : checkOut(c, p, open.get(), at);
            }
            if (policy == PunchPolicy.FIRST_IN_LAST_OUT) {
                Instant dayStart = clock.startOf(at.atZone(clock.zone()).toLocalDate());
                if (open.isPresent() && open.get().checkIn().isBefore(dayStart)) {
                    // seen once on an earlier day and never again: that day ended, today starts afresh
                    Instant dayEnd = clock.startOf(open.get().checkIn().atZone(clock.zone()).toLocalDate().plusDays(1));
                    Instant auto = rules.autoCloseTime(open.get().checkIn(), clock.zone());
                    closeAutomatically(c, open.get(), auto.isBefore(dayEnd) ? auto : dayEnd);
                    open = Optional.empty();
                }
                Optional<Attendance> todays = store.latestFor(c, p.id()).filter(a -> !a.checkIn().isBefore(dayStart));
                if (todays.isPresent()) {
                    return direction == PunchDirection.IN ? notThisWay(p, "check out", source)
                            : checkOut(c, p, todays.get(), at);
                }
            }
            if (direction == PunchDirection.OUT) {
                return notThisWay(p, "check in", source);
            }
            this.rules.check(c, p.id(), p.name(), at, null, -1);
            long id = store.insert(c, p.id(), at, null, source, null, false, clock.now());
            Attendance saved = store.findById(c, id).orElseThrow();
            listener.changed(c, saved);
            return new Punch("check_in", saved, null, p.name() + " checked in at " + clock.human(at));
        });
    }

    /** Closes open attendances whose automatic close time has passed, at that time; returns how many. */
    public int closeForgotten(PunchRules rules) {
        Instant now = clock.now();
        List<Attendance> stale = store.openBefore(now).stream()
                .filter(a -> rules.autoCloseTime(a.checkIn(), clock.zone()).isBefore(now)).toList();
        int closed = 0;
        for (Attendance a : stale) {
            closed += jdbc.inTransaction(c -> {
                persons.lockById(c, a.personRef());
                Attendance current = store.findById(c, a.id()).orElse(null);
                if (current == null || !current.isOpen()) {
                    return 0;
                }
                closeAutomatically(c, current, rules.autoCloseTime(current.checkIn(), clock.zone()));
                return 1;
            });
        }
        return closed;
    }

    private void closeAutomatically(Connection c, Attendance open, Instant out) throws SQLException {
        store.update(c, open.id(), open.checkIn(), out, open.note(), true, clock.now());
        Attendance after = store.findById(c, open.id()).orElseThrow();
        audit.write(c, AuditLog.ATTENDANCE, LogLevel.WARNING, "Attendance " + open.id() + " of " + open.personId()
                + " was left open; closed automatically at " + clock.human(out),
                Map.of("attendance_id", open.id(), "person_id", open.personId(), "check_out", clock.format(out)));
        listener.changed(c, after);
    }

    private static Punch notThisWay(Person p, String what, String source) {
        return new Punch("none", null, "direction", p.name() + " would " + what + ", which " + source
                + " does not do (its direction)");
    }

    private Punch checkOut(Connection c, Person p, Attendance a, Instant at) throws SQLException {
        rules.check(c, p.id(), p.name(), a.checkIn(), at, a.id());
        store.update(c, a.id(), a.checkIn(), at, a.note(), false, clock.now());
        Attendance after = store.findById(c, a.id()).orElseThrow();
        listener.changed(c, after);
        return new Punch("check_out", after, null, p.name() + " checked out at " + clock.human(at));
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

    /** One page of attendances and how many match in all. */
    public Page<Attendance> page(AttendanceQuery q) {
        return store.page(q);
    }

    /**
     * The attendance report of site days from..to, every active person in it (read in pages, so a
     * long period or a big staff stays a few queries).
     */
    public AttendanceReport report(LocalDate from, LocalDate to, java.time.LocalTime startTime) {
        int size = 5000;
        List<Attendance> all = new java.util.ArrayList<>();
        for (int offset = 0; ; offset += size) {
            List<Attendance> rows = store.search(new AttendanceQuery(clock.startOf(from),
                    clock.startOf(to.plusDays(1)), null, size, offset));
            all.addAll(rows);
            if (rows.size() < size) {
                break;
            }
        }
        List<io.faceclock.people.Person> active = new java.util.ArrayList<>();
        for (int offset = 0; ; offset += size) {
            List<io.faceclock.people.Person> rows = persons.search(
                    new io.faceclock.people.PersonQuery(null, true, null, size, offset));
            active.addAll(rows);
            if (rows.size() < size) {
                return AttendanceReport.of(all, active, clock, from, to, startTime);
            }
        }
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

    private static NotFoundException notFound(long id) {
        return new NotFoundException("id", "No attendance with id " + id);
    }

}
