package io.faceclock.attendance;

import java.util.Locale;
import java.util.Optional;

/** What an accepted recognition does to a person's attendance. */
public enum PunchPolicy {
    /** Each recognition flips in and out, as Odoo's kiosk does. */
    TOGGLE,
    /** The day's first recognition opens the attendance; every later one moves its check-out. */
    FIRST_IN_LAST_OUT;

    public static Optional<PunchPolicy> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String v = s.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (PunchPolicy p : values()) {
            if (p.name().equals(v)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
