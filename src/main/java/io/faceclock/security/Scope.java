package io.faceclock.security;

import java.util.Locale;
import java.util.Optional;

/** What a key may do: admin everything, read only GETs, kiosk only recognition and marking. */
public enum Scope {
    ADMIN, READ, KIOSK;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Scope> parse(String s) {
        for (Scope v : values()) {
            if (v.wire().equalsIgnoreCase(s == null ? "" : s.trim())) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
