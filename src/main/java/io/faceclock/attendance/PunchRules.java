package io.faceclock.attendance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * How recognitions become punches: a policy per source (a kiosk, a camera id) with a default, a
 * cooldown that ignores a person seen again too soon, and when a forgotten open attendance is closed
 * automatically: at check-in plus maxOpen, or, when closeAt is set, at that wall time (the first one
 * after the check-in) if that comes first.
 */
public record PunchRules(PunchPolicy defaultPolicy, Map<String, PunchPolicy> bySource, Duration cooldown,
                         Duration maxOpen, LocalTime closeAt) {

    /** When an attendance opened at checkIn is closed if nobody checks out. */
    public Instant autoCloseTime(Instant checkIn, ZoneId zone) {
        Instant byLength = checkIn.plus(maxOpen);
        if (closeAt == null) {
            return byLength;
        }
        ZonedDateTime local = checkIn.atZone(zone);
        ZonedDateTime at = local.toLocalDate().atTime(closeAt).atZone(zone);
        if (!at.isAfter(local)) {
            at = at.plusDays(1);
        }
        return at.toInstant().isBefore(byLength) ? at.toInstant() : byLength;
    }

    public PunchPolicy policyFor(String source) {
        return bySource.getOrDefault(source, defaultPolicy);
    }
}
