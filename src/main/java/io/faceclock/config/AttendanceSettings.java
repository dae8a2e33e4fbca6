package io.faceclock.config;

import io.faceclock.attendance.PunchPolicy;
import io.faceclock.attendance.PunchRules;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;

/** The faceclock.attendance.* settings, read into the punch rules (the auto-close schedule is in housekeeping.yaml). */
final class AttendanceSettings {

    private static final String POLICY = "faceclock.attendance.policy";
    private static final String BY_SOURCE = "faceclock.attendance.policy-by-source";
    private static final String CLOSE_AT = "faceclock.attendance.auto-close-at";

    private AttendanceSettings() {
    }

    static PunchRules read(Settings s) {
        PunchPolicy fallback = s.choice(POLICY, PunchPolicy.class);
        Map<String, PunchPolicy> bySource = new HashMap<>();
        for (String pair : s.list(BY_SOURCE)) {
            String[] kv = pair.split(":", 2);
            if (kv.length != 2 || kv[0].isBlank()) {
                throw new IllegalArgumentException("Setting " + BY_SOURCE + " takes source:policy pairs, got '"
                        + pair + "'");
            }
            bySource.put(kv[0].trim(), Settings.choice(BY_SOURCE, kv[1], PunchPolicy.class));
        }
        String closeAt = s.get(CLOSE_AT);
        LocalTime at;
        try {
            at = closeAt == null ? null : LocalTime.parse(closeAt);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Setting " + CLOSE_AT + " must be a time such as 23:59, got '"
                    + closeAt + "'");
        }
        return new PunchRules(fallback, Map.copyOf(bySource), s.seconds("faceclock.attendance.cooldown-seconds"),
                java.time.Duration.ofHours(s.integer("faceclock.attendance.max-open-hours")), at);
    }
}
