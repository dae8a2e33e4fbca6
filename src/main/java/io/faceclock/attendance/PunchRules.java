package io.faceclock.attendance;

import java.time.Duration;
import java.util.Map;

/**
 * How recognitions become punches: a policy per source (a kiosk, a camera id) with a default, a
 * cooldown that ignores a person seen again too soon, and how long an attendance may stay open
 * before it is closed automatically (at check-in plus that length).
 */
public record PunchRules(PunchPolicy defaultPolicy, Map<String, PunchPolicy> bySource, Duration cooldown,
                         Duration maxOpen) {

    public PunchPolicy policyFor(String source) {
        return bySource.getOrDefault(source, defaultPolicy);
    }
}
