package io.faceclock.audit;

import java.util.Locale;
import java.util.Optional;

/** Severity, ordered: a filter on a level returns that level and the more serious ones. */
public enum LogLevel {
    DEBUG, INFO, WARNING, ERROR;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LogLevel> parse(String s) {
        String v = s.trim().toUpperCase(Locale.ROOT);
        if (v.equals("WARN")) {
            v = "WARNING";
        }
        for (LogLevel l : values()) {
            if (l.name().equals(v)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
