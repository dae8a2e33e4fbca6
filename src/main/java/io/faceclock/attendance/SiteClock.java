package io.faceclock.attendance;

import io.faceclock.errors.InvalidInputException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The site's calendar: "today" and a date mean a day in the site's time zone, so a night shift
 * or a DST change lands on the day people expect. Instants are kept to whole seconds, as Odoo does.
 */
public final class SiteClock {

    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;
    private final Clock clock;

    public SiteClock(ZoneId zone, Clock clock) {
        this.zone = zone;
        this.clock = clock;
    }

    public ZoneId zone() {
        return zone;
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** The first instant of the given site day. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** ISO-8601 with the site's offset at that instant, in whole seconds (as every answer gives times). */
    public String format(Instant instant) {
        if (instant == null) {
            return null;
        }
        Instant t = instant.getNano() == 0 ? instant : instant.truncatedTo(ChronoUnit.SECONDS);
        // Listings format hundreds of these per request; whole seconds in years 0-9999 are written
        // by hand, character for character what ISO_OFFSET_DATE_TIME writes (the offset as its id:
        // Z, +01:00 or +05:45:30), in a fifth of the time.
        ZoneOffset offset = zone.getRules().getOffset(t);
        LocalDateTime local = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, offset);
        int year = local.getYear();
        if (year < 0 || year > 9999) {
            return t.atZone(zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        StringBuilder b = new StringBuilder(25);
        digits(b, year / 100);
        digits(b, year % 100);
        digits(b.append('-'), local.getMonthValue());
        digits(b.append('-'), local.getDayOfMonth());
        digits(b.append('T'), local.getHour());
        digits(b.append(':'), local.getMinute());
        digits(b.append(':'), local.getSecond());
        return b.append(offset.getId()).toString();
    }

    private static void digits(StringBuilder b, int twoDigits) {
        b.append((char) ('0' + twoDigits / 10)).append((char) ('0' + twoDigits % 10));
    }

    /** For messages a person reads: local wall time and zone. */
    public String human(Instant t) {
        return t.atZone(zone).format(HUMAN) + " (" + zone.getId() + ")";
    }

    /** The days faceclock takes: a date outside is a typo (year 0, +99999) or a clock gone wrong. */
    public static final LocalDate FIRST_DAY = LocalDate.of(1970, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2100, 12, 31);

    public LocalDate parseDate(String field, String text) {
        LocalDate d;
        try {
            d = LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, field + " must be a real date as YYYY-MM-DD, got '" + clip(text) + "'");
        }
        return inRange(field, d, text);
    }

    private static LocalDate inRange(String field, LocalDate d, String text) {
        if (d.isBefore(FIRST_DAY) || d.isAfter(LAST_DAY)) {
            throw new InvalidInputException(field, field + " must be between " + FIRST_DAY + " and " + LAST_DAY
                    + ", got '" + clip(text) + "'");
        }
        return d;
    }

    /** ISO-8601 with an offset or Z; without one the time is read on the site's wall clock. */
    public Instant parseInstant(String field, String text) {
        Instant t = parseAnyInstant(field, text);
        inRange(field, t.atZone(zone).toLocalDate(), text);
        return t;
    }

    private Instant parseAnyInstant(String field, String text) {
        String s = text.trim();
        try {
            return OffsetDateTime.parse(s).toInstant().truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeParseException withoutOffset) {
            try {
                LocalDateTime local = LocalDateTime.parse(s.replace(' ', 'T'));
                var offsets = zone.getRules().getValidOffsets(local);
                if (offsets.isEmpty()) {
                    throw new InvalidInputException(field, field + " " + s + " does not exist in " + zone.getId()
                            + " (the clocks skip it at a DST change)");
                }
                if (offsets.size() > 1) {
                    throw new InvalidInputException(field, field + " " + s + " happens twice in " + zone.getId()
                            + " (the clocks go back at a DST change); add the offset, " + offsets.get(0) + " or "
                            + offsets.get(1));
                }
                return local.atZone(zone).toInstant().truncatedTo(ChronoUnit.SECONDS);
            } catch (DateTimeException e) {
                throw new InvalidInputException(field, field + " must be an ISO-8601 date and time such as "
                        + "2025-01-15T08:00:00+01:00, got '" + clip(text) + "'");
            }
        }
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
