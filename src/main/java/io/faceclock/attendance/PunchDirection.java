package io.faceclock.attendance;

import java.util.Locale;

/** Which punches a source may make: an entrance camera only checks people in. */
public enum PunchDirection {
    IN, OUT, BOTH;

    public static PunchDirection parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("direction must be in, out or both, got '" + text + "'");
        }
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
