package io.faceclock.odoo;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Odoo's datetime wire format: "YYYY-MM-DD HH:MM:SS" in UTC. Odoo refuses a 'T', an offset and
 * fractional seconds on input, so instants are truncated to the second before sending.
 */
public final class OdooDates {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private OdooDates() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC));
    }

    public static Instant parse(String odooValue) {
        try {
            return LocalDateTime.parse(odooValue, FORMAT).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new OdooException(OdooException.Kind.PROTOCOL,
                    "Odoo sent a datetime in an unexpected format: '" + odooValue + "'", e);
        }
    }

    public static boolean looksLikeDatetime(Object value) {
        return value instanceof String s && s.length() == 19 && s.charAt(10) == ' ' && s.charAt(4) == '-'
                && s.charAt(13) == ':';
    }
}
