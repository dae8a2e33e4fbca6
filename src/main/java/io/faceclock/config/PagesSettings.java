package io.faceclock.config;

import java.time.DateTimeException;
import java.time.LocalTime;

/**
 * What the web pages and reports need: the wall time after which a day's first check-in is late,
 * and how many face templates a person should have before the Faces page stops asking for more.
 */
public record PagesSettings(LocalTime reportStartTime, int enoughTemplates) {

    private static final String START = "faceclock.reports.start-time";
    private static final String ENOUGH = "faceclock.face.enough-templates";

    public static PagesSettings read(Settings s) {
        String start = s.text(START);
        LocalTime at;
        try {
            at = LocalTime.parse(start);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Setting " + START + " must be a wall time such as 09:00, got '"
                    + start + "'");
        }
        int enough = s.integer(ENOUGH);
        if (enough < 1) {
            throw new IllegalArgumentException("Setting " + ENOUGH + " must be 1 or more, got " + enough);
        }
        return new PagesSettings(at, enough);
    }
}
