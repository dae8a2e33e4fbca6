package io.faceclock.app;

import io.faceclock.api.ApiErrors;
import io.faceclock.api.ApiGuard;
import io.faceclock.api.ApiKeyApi;
import io.faceclock.api.AttendanceApi;
import io.faceclock.api.FaceApi;
import io.faceclock.api.RecognitionApi;
import io.faceclock.attendance.ForgottenAttendanceCloser;
import io.faceclock.recognition.FaceServices;
import io.faceclock.api.LogApi;
import io.faceclock.api.OdooApi;
import io.faceclock.odoo.sync.OdooSchedule;
import io.faceclock.api.PersonApi;
import io.faceclock.api.SyncApi;
import io.faceclock.config.Settings;
import io.faceclock.observe.HealthApi;
import io.faceclock.observe.HealthContributor;
import io.faceclock.security.NewApiKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running service: services bound into Camel, the YAML routes loaded, HTTP on the configured port. */
public final class FaceclockApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FaceclockApp.class);

    private final Services services;
    private final Main main;
    private final HealthApi health = new HealthApi();
    private FaceServices faces;

    private FaceclockApp(Services services) {
        this.services = services;
        this.main = new Main();
    }

    public static FaceclockApp start(Settings settings) {
        Services services = Services.open(settings);
        FaceclockApp app = new FaceclockApp(services);
        try {
            app.bootstrapAdminKey();
            app.faces = FaceServices.open(settings, services);
            app.startCamel();
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        return app;
    }

    public Services services() {
        return services;
    }

    public CamelContext camel() {
        return main.getCamelContext();
    }

    public int port() {
        return services.settings().port();
    }

    public FaceServices faces() {
        return faces;
    }

    public HealthApi health() {
        return health;
    }

    /** Blocks until the JVM is asked to stop (Ctrl-C, SIGTERM). */
    public void awaitShutdown() throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "faceclock-shutdown"));
        Thread.currentThread().join();
    }

    private void startCamel() {
        Settings s = services.settings();
        main.setOverrideProperties(camelProperties(s));
        String userRoutes = s.get(Settings.ROUTES_DIR);
        if (userRoutes != null) {
            Path dir = Path.of(userRoutes).toAbsolutePath().normalize();
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("The routes folder " + dir + " does not exist");
            }
            main.addMainListener(UserRoutes.scan(dir));
        }
        bindBeans();
        try {
            main.start();
        } catch (Exception e) {
            throw new IllegalStateException("faceclock could not start: " + e.getMessage(), e);
        }
        HttpEdge.install(main.getCamelContext(), s.getInt(Settings.MAX_BODY_BYTES, 10 << 20));
        LOG.info("faceclock is listening on http://{}:{}/api/v1 (database {}, time zone {})",
                s.get(Settings.HOST, "0.0.0.0"), s.port(), services.database().displayUrl(), s.zone().getId());
    }

    private void bindBeans() {
        health.add(databaseHealth());
        main.bind("apiGuard", new ApiGuard(services.apiKeys(), services.throttle(), services.audit(),
                trustedProxies(services.settings())));
        main.bind("apiErrors", new ApiErrors());
        main.bind("personApi", new PersonApi(services.people(), services.siteClock()));
        main.bind("attendanceApi", new AttendanceApi(services.attendance(), services.people()));
        main.bind("logApi", new LogApi(services.audit(), services.siteClock()));
        OdooSchedule odooSchedule = new OdooSchedule(services.odooSync(), services.siteClock(), services.settings());
        SyncApi syncApi = new SyncApi();
        syncApi.setOdooStatus(odooSchedule::status);
        main.bind("syncApi", syncApi);
        main.bind("odooSchedule", odooSchedule);
        main.bind("odooApi", new OdooApi(services.odooSync(), services.siteClock()));
        main.bind("apiKeyApi", new ApiKeyApi(services.apiKeys(), services.siteClock()));
        main.bind("healthApi", health);
        main.bind("auditLog", services.audit());
        health.add(faces.engine());
        main.bind("faceApi", new FaceApi(faces.registry(), services.siteClock()));
        main.bind("recognitionApi", new RecognitionApi(faces.recognizer(), services.attendance(), faces.rules(),
                services.audit()));
        main.bind("forgottenAttendance", new ForgottenAttendanceCloser(services.attendance(), faces.rules()));
    }

    private HealthContributor databaseHealth() {
        return new HealthContributor() {
            @Override
            public String name() {
                return "database";
            }

            @Override
            public Map<String, Object> check() {
                boolean up = services.database().ping();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("status", up ? "UP" : "DOWN");
                m.put("url", services.database().displayUrl());
                if (!up) {
                    m.put("reason", "the database does not answer");
                }
                return m;
            }
        };
    }

    private static java.util.Set<String> trustedProxies(Settings s) {
        String list = s.get("faceclock.security.trusted-proxies");
        return list == null ? java.util.Set.of() : java.util.Arrays.stream(list.split(",")).map(String::trim)
                .filter(x -> !x.isEmpty()).collect(java.util.stream.Collectors.toSet());
    }

    static Properties camelProperties(Settings s) {
        Properties p = new Properties();
        p.putAll(s.asMap());
        p.put("camel.server.port", String.valueOf(s.port()));
        p.put("camel.server.host", s.get(Settings.HOST, "0.0.0.0"));
        p.put("camel.management.enabled", "true");
        p.put("camel.management.port", String.valueOf(s.port()));
        p.put("camel.management.host", s.get(Settings.HOST, "0.0.0.0"));
        p.put("camel.management.metricsEnabled", "true");
        p.put("camel.server.fileUploadDirectory", s.dataDir().resolve("uploads").toString());
        p.put("camel.server.maxBodySize", String.valueOf(s.getInt(Settings.MAX_BODY_BYTES, 10 << 20)));
        p.put("camel.main.routesIncludePattern", "classpath:routes/*.yaml");
        return p;
    }

    private void bootstrapAdminKey() {
        NewApiKey key = services.apiKeys().bootstrapAdminKey().orElse(null);
        if (key == null) {
            return;
        }
        Path dir = services.settings().dataDir();
        try {
            Path file = AdminKeyFile.write(dir, key);
            // Shown once on an interactive terminal only: a service's stdout ends up in a log that keeps it.
            java.io.Console terminal = System.console();
            if (terminal != null) {
                terminal.writer().println("faceclock created the first admin API key: " + key.secret());
                terminal.writer().println("It is also in " + file + " (readable only by you). Send it as the "
                        + "X-API-Key header.");
                terminal.flush();
            } else {
                System.out.println("faceclock created the first admin API key; it is in " + file
                        + " (readable only by you). Send it as the X-API-Key header.");
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot write the admin key file in " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            main.stop();
        } catch (Exception e) {
            LOG.warn("Stopping Camel: {}", e.getMessage());
        }
        if (faces != null) {
            faces.close();
        }
        services.close();
    }
}
