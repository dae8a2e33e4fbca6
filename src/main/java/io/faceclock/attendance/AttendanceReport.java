package io.faceclock.attendance;

import io.faceclock.people.Person;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Attendance per person over site days from..to, every active person listed (a person who never
 * came shows zero days) and anyone else who came then: days present, hours worked (closed attendances
 * only), late arrivals (the day's first check-in after the start time, to the minute), days left
 * open (an attendance of a past day still open) and days closed automatically; and per site day
 * how many people came and the hours they worked. An attendance belongs to the day it began.
 */
public record AttendanceReport(LocalDate from, LocalDate to, LocalTime startTime, List<PersonLine> people,
                               List<DayLine> days) {

    public record PersonLine(String personId, String name, int daysPresent, double hoursWorked, int lateArrivals,
                             int daysLeftOpen, int daysClosedAutomatically) {
    }

    public record DayLine(LocalDate date, int people, double hoursWorked) {
    }

    /**
     * The report of the given attendances (those that began from..to), as of {@code today}, with a
     * line for each of the given people whether or not they came.
     */
    public static AttendanceReport of(List<Attendance> attendances, List<Person> everyone, SiteClock clock,
                                      LocalDate from, LocalDate to, LocalTime startTime) {
        LocalDate today = clock.today();
        Map<Long, Acc> byPerson = new LinkedHashMap<>();
        for (Person p : everyone) {
            byPerson.put(p.id(), new Acc(p.personId(), p.name()));
        }
        Map<LocalDate, DayAcc> byDay = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            byDay.put(d, new DayAcc());
        }
        List<Attendance> ordered = new ArrayList<>(attendances);
        ordered.sort(Comparator.comparing(Attendance::checkIn));
        for (Attendance a : ordered) {
            ZonedDateTime start = a.checkIn().atZone(clock.zone());
            LocalDate day = start.toLocalDate();
            if (day.isBefore(from) || day.isAfter(to)) {
                continue;
            }
            Acc p = byPerson.computeIfAbsent(a.personRef(), k -> new Acc(a.personId(), a.personName()));
            DayAcc d = byDay.get(day);
            if (p.days.add(day)) {
                d.people++;
                if (start.toLocalTime().truncatedTo(ChronoUnit.MINUTES).isAfter(startTime)) {
                    p.late++;
                }
            }
            if (a.checkOut() != null) {
                long seconds = Duration.between(a.checkIn(), a.checkOut()).toSeconds();
                p.seconds += seconds;
                d.seconds += seconds;
            } else if (day.isBefore(today)) {
                p.leftOpen.add(day);
            }
            if (a.closedAutomatically()) {
                p.closedAutomatically.add(day);
            }
        }
        List<PersonLine> people = byPerson.values().stream()
                .map(p -> new PersonLine(p.personId, p.name, p.days.size(), hours(p.seconds), p.late,
                        p.leftOpen.size(), p.closedAutomatically.size()))
                .sorted(Comparator.comparing(PersonLine::name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(PersonLine::personId))
                .toList();
        List<DayLine> days = byDay.entrySet().stream()
                .map(e -> new DayLine(e.getKey(), e.getValue().people, hours(e.getValue().seconds))).toList();
        return new AttendanceReport(from, to, startTime, people, days);
    }

    /** Hours to two decimals. */
    static double hours(long seconds) {
        return Math.round(seconds / 36.0) / 100.0;
    }

    private static final class Acc {
        final String personId;
        final String name;
        final Set<LocalDate> days = new HashSet<>();
        final Set<LocalDate> leftOpen = new HashSet<>();
        final Set<LocalDate> closedAutomatically = new HashSet<>();
        long seconds;
        int late;

        Acc(String personId, String name) {
            this.personId = personId;
            this.name = name;
        }
    }

    private static final class DayAcc {
        int people;
        long seconds;
    }
}
