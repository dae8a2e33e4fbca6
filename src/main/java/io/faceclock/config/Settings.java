package io.faceclock.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
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

    public String get(String key) {
        String v = values.get(key);
        return v == null || v.isBlank() ? null : v.trim();
    }

    public String get(String key, String fallback) {
        String v = get(key);
        return v == null ? fallback : v;
    }

    public int getInt(String key, int fallback) {
        String v = get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Setting " + key + " must be a whole number, got '" + v + "'");
        }
    }

    public Path dataDir() {
        return Path.of(get(DATA_DIR, "./data")).toAbsolutePath().normalize();
    }

    public ZoneId zone() {
        String tz = get(TIMEZONE);
        try {
            return tz == null ? ZoneId.systemDefault() : ZoneId.of(tz);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Setting " + TIMEZONE + " is not a time zone: '" + tz + "'");
        }
    }

    public int port() {
        return getInt(PORT, 8080);
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
