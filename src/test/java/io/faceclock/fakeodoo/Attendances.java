package io.faceclock.fakeodoo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** hr.attendance's computed worked_hours and its two constraints, as Odoo 18/19 implement them. */
final class Attendances {

    /** Every demo employee works on the "Standard 40 hours/week" calendar: 8-12, 13-17, Monday-Friday. */
    private static final ZoneId CALENDAR_TZ = ZoneId.of(Seed.ADMIN_TZ);

    private Attendances() {
    }

    /** Hours between check_in and check_out, less the calendar's lunch hour when it falls inside. */
    static double workedHours(FakeDb db, Map<String, Object> row) {
        Instant in = (Instant) row.get("check_in");
        Instant out = (Instant) row.get("check_out");
        if (in == null || out == null || !out.isAfter(in)) {
            return 0.0;
        }
        long seconds = Duration.between(in, out).getSeconds();
        LocalDate day = in.atZone(CALENDAR_TZ).toLocalDate();
        LocalDate last = out.atZone(CALENDAR_TZ).toLocalDate();
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            Instant lunchStart = ZonedDateTime.of(day.atTime(12, 0), CALENDAR_TZ).toInstant();
            Instant lunchEnd = ZonedDateTime.of(day.atTime(13, 0), CALENDAR_TZ).toInstant();
            Instant from = in.isAfter(lunchStart) ? in : lunchStart;
            Instant to = out.isBefore(lunchEnd) ? out : lunchEnd;
            if (to.isAfter(from)) {
                seconds -= Duration.between(from, to).getSeconds();
            }
        }
        return seconds / 3600.0;
    }

    /**
     * Runs _check_validity then _check_validity_check_in_check_out (Odoo runs constraint methods in name
     * order, each over the whole batch) on the given rows, against all rows (the batch included).
     */
    static void check(FakeDb db, List<Map<String, Object>> changed, Collection<Map<String, Object>> all, int uid) {
        for (Map<String, Object> a : changed) {
            checkValidity(db, a, all, uid);
        }
        for (Map<String, Object> a : changed) {
            Instant in = (Instant) a.get("check_in");
            Instant out = (Instant) a.get("check_out");
            if (in != null && out != null && out.isBefore(in)) {
                throw Fault.validation("\"Check Out\" time cannot be earlier than \"Check In\" time.");
            }
        }
    }

    private static void checkValidity(FakeDb db, Map<String, Object> a, Collection<Map<String, Object>> all, int uid) {
        Object employee = a.get("employee_id");
        Instant in = (Instant) a.get("check_in");
        Instant out = (Instant) a.get("check_out");
        String name = db.displayName("hr.employee", (Integer) employee);
        Map<String, Object> beforeIn = latest(all, a, r -> !((Instant) r.get("check_in")).isAfter(in));
        if (beforeIn != null && beforeIn.get("check_out") != null && ((Instant) beforeIn.get("check_out")).isAfter(in)) {
            throw Fault.validation("Cannot create new attendance record for " + name
                    + ", the employee was already checked in on " + format(db, in, uid));
        }
        if (out == null) {
            Map<String, Object> open = latest(all, a, r -> r.get("check_out") == null);
            if (open != null) {
                throw Fault.validation("Cannot create new attendance record for " + name
                        + ", the employee hasn't checked out since " + format(db, (Instant) open.get("check_in"), uid));
            }
        } else {
            Map<String, Object> beforeOut = latest(all, a, r -> ((Instant) r.get("check_in")).isBefore(out));
            if (beforeOut != null && beforeOut != beforeIn) {
                throw Fault.validation("Cannot create new attendance record for " + name
                        + ", the employee was already checked in on "
                        + format(db, (Instant) beforeOut.get("check_in"), uid));
            }
        }
    }

    /** search([employee = a's, condition, id != a], order='check_in desc', limit=1). */
    private static Map<String, Object> latest(Collection<Map<String, Object>> all, Map<String, Object> a,
                                              java.util.function.Predicate<Map<String, Object>> condition) {
        return all.stream()
                .filter(r -> r != a && Objects.equals(r.get("employee_id"), a.get("employee_id")))
                .filter(r -> r.get("check_in") != null && condition.test(r))
                .min(Comparator.comparing((Map<String, Object> r) -> (Instant) r.get("check_in")).reversed()
                        .thenComparing(r -> (Integer) r.get("id")))
                .orElse(null);
    }

    /** format_datetime(env, dt, dt_format=False): the calling user's tz, en_US. */
    private static String format(FakeDb db, Instant t, int uid) {
        return db.version.messageTime.format(t.atZone(db.userZone(uid)));
    }
}
