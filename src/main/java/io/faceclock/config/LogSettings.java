package io.faceclock.config;

/** The audit log keeps entries this many days (the purge's schedule is in housekeeping.yaml). */
public record LogSettings(int retentionDays) {

    static LogSettings read(Settings s) {
        return new LogSettings(s.integer("faceclock.logs.retention-days"));
    }
}
