package io.faceclock.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * faceclock's resolved configuration. Layers, later wins: the built-in application.properties,
 * an optional user file, FACECLOCK_* environment variables, then command-line options.
 */
public final class Settings {

    public static final String PORT = "faceclock.port";
    public static final String HOST = "faceclock.host";
    public static final String DATA_DIR = "faceclock.data.dir";
    public static final String DB_URL = "faceclock.db.url";
    public static final String DB_USERNAME = "faceclock.db.username";
    public static final String DB_PASSWORD = "faceclock.db.password";
    public static final String DB_POOL_SIZE = "faceclock.db.pool-size";
    public static final String TIMEZONE = "faceclock.timezone";
    public static final String ROUTES_DIR = "faceclock.routes.dir";
    public static final String MAX_BODY_BYTES = "faceclock.http.max-body-bytes";

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** Resolves every layer: defaults, user file, environment, then the given overrides. */
    public static Settings resolve(Path userFile, Map<String, String> env, Map<String, String> overrides) {
        Map<String, String> values = new TreeMap<>(builtInDefaults());
        if (userFile != null) {
            values.putAll(readFile(userFile));
        }
        for (String key : values.keySet().toArray(String[]::new)) {
            String fromEnv = env.get(envName(key));
            if (fromEnv != null) {
                values.put(key, fromEnv);
            }
        }
        overrides.forEach((k, v) -> {
            if (v != null) {
                values.put(k, v);
            }
        });
        return new Settings(values);
    }

    public static Settings of(Map<String, String> overrides) {
        return resolve(null, Map.of(), overrides);
    }

    /** faceclock.db.url -> FACECLOCK_DB_URL */
    public static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The value, or null when the setting is empty or absent (an empty value means "none"). */
    public String get(String key) {
        String v = values.get(key);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** A setting every deployment has: application.properties gives each one its default. */
    public String text(String key) {
        String v = get(key);
        if (v == null) {
            throw new IllegalArgumentException("Setting " + key + " is empty; application.properties has its default");
        }
        return v;
    }

    public int integer(String key) {
        String v = text(key);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Setting " + key + " must be a whole number, got '" + v + "'");
        }
    }

    public long longInteger(String key) {
        String v = text(key);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Setting " + key + " must be a whole number, got '" + v + "'");
        }
    }

    public double decimal(String key) {
        String v = text(key);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Setting " + key + " must be a number, got '" + v + "'");
        }
    }

    public boolean flag(String key) {
        String v = text(key);
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new IllegalArgumentException("Setting " + key + " must be true or false, got '" + v + "'");
    }

    public java.time.Duration seconds(String key) {
        return java.time.Duration.ofSeconds(integer(key));
    }

    /** An optional path: null when empty. */
    public Path path(String key) {
        String v = get(key);
        return v == null ? null : Path.of(v);
    }

    /**
     * One of an enum's values, written in lower case with dashes (first-in-last-out for
     * FIRST_IN_LAST_OUT); anything else stops the start with the allowed values named.
     */
    public <E extends Enum<E>> E choice(String key, Class<E> type) {
        return choice(key, text(key), type);
    }

    public static <E extends Enum<E>> E choice(String key, String value, Class<E> type) {
        String wanted = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(wanted)) {
                return e;
            }
        }
        throw new IllegalArgumentException("Setting " + key + " must be " + String.join(" or ",
                java.util.Arrays.stream(type.getEnumConstants()).map(Settings::wire).toList()) + ", got '" + value + "'");
    }

    public static String wire(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A comma-separated list, blanks dropped. */
    public java.util.List<String> list(String key) {
        String v = get(key);
        return v == null ? java.util.List.of() : java.util.Arrays.stream(v.split(",")).map(String::trim)
                .filter(x -> !x.isEmpty()).toList();
    }

    /** Every setting, for handing to Camel as property placeholders. */
    public Map<String, String> asMap() {
        return values;
    }

    public Settings with(String key, String value) {
        Map<String, String> copy = new TreeMap<>(values);
        copy.put(key, value);
        return new Settings(copy);
    }

    private static Map<String, String> builtInDefaults() {
        try (InputStream in = Settings.class.getResourceAsStream("/application.properties")) {
            Properties p = new Properties();
            p.load(in);
            return toMap(p);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("application.properties is missing from the classpath", e);
        }
    }

    private static Map<String, String> readFile(Path file) {
        try (Reader r = Files.newBufferedReader(file)) {
            Properties p = new Properties();
            p.load(r);
            return toMap(p);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read settings file " + file + ": " + e.getMessage());
        }
    }

    private static Map<String, String> toMap(Properties p) {
        Map<String, String> m = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return m;
    }
}
