package io.faceclock.odoo.sync;

import io.faceclock.errors.InvalidInputException;
import java.time.LocalDate;

/** The site days a manual push covers when none are given: the same for the API and the command line. */
public record PushRange(LocalDate from, LocalDate to) {

    /** The last 7 days and today. */
    public static final int DEFAULT_DAYS = 7;

    /** from/to as given, each defaulting; refused when to comes before from. */
    public static PushRange of(LocalDate from, LocalDate to, LocalDate today) {
        LocalDate f = from != null ? from : today.minusDays(DEFAULT_DAYS);
        LocalDate t = to != null ? to : today;
        if (t.isBefore(f)) {
            throw new InvalidInputException("end_date", "end_date " + t + " is before start_date "
                    + f);
        }
        return new PushRange(f, t);
    }
}
