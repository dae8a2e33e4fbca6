package io.faceclock.cli;

import io.faceclock.config.RecognitionSettings;
import io.faceclock.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options every command shares; each one also has its FACECLOCK_* environment variable. */
public final class SettingsOptions {

    @Option(names = "--port", description = "HTTP port (FACECLOCK_PORT, default 8080)")
    Integer port;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder (FACECLOCK_DATA_DIR, default ./data)")
    Path dataDir;

    @Option(names = "--db-url", paramLabel = "JDBC_URL",
            description = "Database (FACECLOCK_DB_URL, default embedded H2 in the data folder)")
    String dbUrl;

    @Option(names = "--timezone", paramLabel = "ZONE", description = "Site time zone (FACECLOCK_TIMEZONE)")
    String timezone;

    @Option(names = "--routes", paramLabel = "DIR", description = "Folder of your own YAML routes (FACECLOCK_ROUTES_DIR)")
    Path routesDir;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A properties file (FACECLOCK_CONFIG; default ./application.properties if present)")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any setting, e.g. --set faceclock.logs.retention-days=30")
    Map<String, String> extra = new HashMap<>();

    public Settings resolve() {
        Map<String, String> env = System.getenv();
        Map<String, String> overrides = new LinkedHashMap<>(extra);
        put(overrides, Settings.PORT, port);
        put(overrides, Settings.DATA_DIR, dataDir);
        put(overrides, Settings.DB_URL, dbUrl);
        put(overrides, Settings.TIMEZONE, timezone);
        put(overrides, Settings.ROUTES_DIR, routesDir);
        return Settings.resolve(configFile(env), env, overrides);
    }

    /** The faceclock.face.* settings as the service reads them; modelsDir, when given, is the models folder. */
    public RecognitionSettings faces(Path modelsDir) {
        if (modelsDir != null) {
            extra.put("faceclock.models.dir", modelsDir.toString());
        }
        return RecognitionSettings.read(resolve());
    }

    private Path configFile(Map<String, String> env) {
        if (config != null) {
            return config;
        }
        if (env.get("FACECLOCK_CONFIG") != null) {
            return Path.of(env.get("FACECLOCK_CONFIG"));
        }
        Path local = Path.of("application.properties");
        return Files.isRegularFile(local) ? local : null;
    }

    private static void put(Map<String, String> m, String key, Object value) {
        if (value != null) {
            m.put(key, value.toString());
        }
    }
}
