package io.faceclock.config;

import io.faceclock.odoo.OdooProtocol;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Odoo as the settings give it. url, db, username and password (all null when url is empty) win
 * over a configuration saved through the API; the schedules' crons are in odoo-sync.yaml.
 */
public record OdooSettings(boolean enabled, String url, String db, String username, String password,
                           OdooProtocol protocol, Duration connectTimeout, Duration callTimeout, boolean verifyTls,
                           Path trustStore, String trustStorePassword, int pushDays, Duration pushLease) {

    /** A URL with a user or password before its host: faceclock would keep and show them, and never sends them. */
    private static final Pattern CREDENTIALS_IN_URL = Pattern.compile("(?i)^\\s*[a-z][a-z0-9+.-]*://[^/?#]*@");

    /** Whether the URL holds a user or password (https://user:secret@host). */
    public static boolean holdsCredentials(String url) {
        return url != null && CREDENTIALS_IN_URL.matcher(url).find();
    }

    static OdooSettings read(Settings s) {
        if (holdsCredentials(s.get("faceclock.odoo.url"))) {
            throw new IllegalArgumentException("Setting faceclock.odoo.url must not hold a user or password (they "
                    + "would be shown wherever the URL is); set faceclock.odoo.username and faceclock.odoo.password");
        }
        return new OdooSettings(s.flag("faceclock.odoo.enabled"), s.get("faceclock.odoo.url"),
                s.get("faceclock.odoo.db"), s.get("faceclock.odoo.username"), s.get("faceclock.odoo.password"),
                OdooProtocol.parse(s.get(OdooProtocol.SETTING)), s.seconds("faceclock.odoo.connect-timeout-seconds"),
                s.seconds("faceclock.odoo.call-timeout-seconds"), s.flag("faceclock.odoo.verify-tls"),
                s.path("faceclock.odoo.trust-store"), s.get("faceclock.odoo.trust-store-password"),
                s.integer("faceclock.odoo.push-days"), s.seconds("faceclock.odoo.push-lease-seconds"));
    }

    /** Whether the settings name an Odoo (then the saved configuration is not used). */
    public boolean configured() {
        return url != null;
    }

    @Override
    public String toString() {
        return "OdooSettings[enabled=" + enabled + ", url=" + url + ", db=" + db + ", username=" + username
                + ", protocol=" + protocol + "]";
    }
}
