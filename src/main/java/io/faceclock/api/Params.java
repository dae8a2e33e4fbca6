package io.faceclock.api;

import io.faceclock.errors.InvalidInputException;
import java.util.Locale;

/** Query and path parameters as REST handlers receive them (text), read with errors that name them. */
public final class Params {

    private Params() {
    }

    /** The text, trimmed; blank or absent is null. */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A path parameter declared in the REST DSL, e.g. {person_id}. */
    public static String path(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(name, name + " is missing from the path");
        }
        return value;
    }

    public static long pathLong(String name, String value) {
        String v = path(name, value);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, name + " must be a whole number, got '" + Texts.clip(v) + "'");
        }
    }

    public static int integer(String name, String value, int fallback, int min, int max) {
        String v = text(value);
        if (v == null) {
            return fallback;
        }
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, name + " must be a whole number, got '" + Texts.clip(v) + "'");
        }
        if (n < min || n > max) {
            throw new InvalidInputException(name, name + " must be between " + min + " and " + max + ", got " + n);
        }
        return n;
    }

    public static Boolean bool(String name, String value) {
        String v = text(value);
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> Boolean.TRUE;
            case "false", "0", "no" -> Boolean.FALSE;
            default -> throw new InvalidInputException(name, name + " must be true or false, got '" + Texts.clip(v) + "'");
        };
    }
}
