package io.faceclock.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.faceclock.api.JsonInput;
import io.faceclock.config.OdooSettings;
import io.faceclock.errors.InvalidInputException;
import io.faceclock.odoo.sync.OdooConfig;

/** An Odoo server and user: all four fields, or none to use the saved configuration. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OdooCredentials(String url, String db, String username, String password) {

    private static final OdooCredentials NONE = new OdooCredentials(null, null, null, null);

    public static OdooCredentials from(JsonInput in) {
        return read(in, false);
    }

    /** All four credential fields, or (when not required) none of them. */
    static OdooCredentials read(JsonInput in, boolean required) {
        boolean any = java.util.stream.Stream.of("url", "db", "username", "password")
                .anyMatch(f -> in.has(f) && !in.isNull(f));
        if (!required && !any) {
            return NONE;
        }
        String url = in.text("url", true, 500);
        if (!url.matches("(?i)https?://.+")) {
            throw new InvalidInputException("url", "url must start with http:// or https://");
        }
        if (OdooSettings.holdsCredentials(url)) {
            throw new InvalidInputException("url", "url must not hold a user or password (faceclock does not send "
                    + "them, and would show them wherever the URL is): give them as username and password");
        }
        String password = in.has("password") && !in.isNull("password") ? in.node().get("password").asText() : null;
        if (password == null || password.isEmpty()) {
            throw new InvalidInputException("password", "password is required (an Odoo password or API key)");
        }
        if (password.length() > 500) {
            throw new InvalidInputException("password", "password is longer than 500 characters");
        }
        return new OdooCredentials(url, in.text("db", true, 200), in.text("username", true, 200), password);
    }

    /** The one-off configuration these credentials make; null when none were given. */
    public OdooConfig config() {
        return url == null ? null : new OdooConfig(url, db, username, password, "given");
    }
}
