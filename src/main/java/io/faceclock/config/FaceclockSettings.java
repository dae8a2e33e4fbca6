package io.faceclock.config;

import io.faceclock.attendance.PunchRules;

/**
 * Every faceclock.* setting, typed, read once at start: a wrong value stops the start with the
 * setting named. The defaults live only in application.properties. Each area has its own record;
 * {@link #raw()} keeps the resolved layers for Camel's property placeholders (the crons in the routes).
 */
public record FaceclockSettings(Settings raw, SiteSettings site, HttpSettings http, DatabaseSettings database,
                                SecuritySettings security, RecognitionSettings faces, PunchRules attendance,
                                OdooSettings odoo, LogSettings logs,
                                ManagementSettings management, ClusterSettings cluster) {

    public static FaceclockSettings read(Settings s) {
        return new FaceclockSettings(s, SiteSettings.read(s), HttpSettings.read(s), DatabaseSettings.read(s),
                SecuritySettings.read(s), RecognitionSettings.read(s), AttendanceSettings.read(s), OdooSettings.read(s),
                LogSettings.read(s), ManagementSettings.read(s), ClusterSettings.read(s));
    }

    @Override
    public String toString() {
        return "FaceclockSettings[" + site + ", " + http + ", " + database + ", " + odoo + "]";
    }
}
