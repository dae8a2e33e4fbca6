package io.faceclock.config;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * Where faceclock keeps its data, the site's time zone (what "today" and a date mean, and when
 * the schedules fire), and the folder of the user's own routes (null: none).
 */
public record SiteSettings(Path dataDir, ZoneId zone, Path routesDir) {

    static SiteSettings read(Settings s) {
        return new SiteSettings(Path.of(s.text(Settings.DATA_DIR)).toAbsolutePath().normalize(), zone(s),
                s.path(Settings.ROUTES_DIR));
    }

    private static ZoneId zone(Settings s) {
        String tz = s.get(Settings.TIMEZONE);
        try {
            return tz == null ? ZoneId.systemDefault() : ZoneId.of(tz);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Setting " + Settings.TIMEZONE + " is not a time zone: '" + tz
                    + "' (e.g. Europe/Brussels)");
        }
    }
}
