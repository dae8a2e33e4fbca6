package io.faceclock.app;

import io.faceclock.config.FaceclockSettings;
import io.faceclock.config.Settings;
import io.faceclock.security.NewApiKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running service: the beans bound into Camel, the YAML routes loaded, HTTP on the configured port. */
public final class FaceclockApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FaceclockApp.class);

    private final FaceclockConfiguration beans;
    private final Main main;
    /** Camel's HTTP server runs on this Vert.x, handed over guarded (see HttpConnectionGuard). */
    private final io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();

    private FaceclockApp(FaceclockConfiguration beans) {
        this.beans = beans;
        this.main = new Main();
    }

    public static FaceclockApp start(Settings settings) {
        return start(settings, Clock.systemUTC());
    }

    /** With the given clock: a test's clock it can move instead of sleeping. */
    public static FaceclockApp start(Settings settings, Clock clock) {
        FaceclockApp app = new FaceclockApp(new FaceclockConfiguration(FaceclockSettings.read(settings), clock));
        try {
            app.bootstrapAdminKey();
            app.startCamel();
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        return app;
    }

    /** The beans, as Camel has them bound. */
    public FaceclockConfiguration beans() {
        return beans;
    }

    public CamelContext camel() {
        return main.getCamelContext();
    }

    public int port() {
        return beans.settings().http().port();
    }

    /** Blocks until the JVM is asked to stop (Ctrl-C, SIGTERM). */
    public void awaitShutdown() throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "faceclock-shutdown"));
        Thread.currentThread().join();
    }

    private void startCamel() {
        FaceclockSettings s = beans.settings();
        main.setOverrideProperties(camelProperties(s));
        if (s.site().routesDir() != null) {
            Path dir = s.site().routesDir().toAbsolutePath().normalize();
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("The routes folder " + dir + " does not exist");
            }
            main.addMainListener(UserRoutes.scan(dir));
        }
        main.configure().addConfiguration(beans);
        main.configure().addConfiguration(new CameraConfiguration(beans));
        main.bind("vertx", HttpConnectionGuard.guarded(vertx, s.http().requestTimeout()));
        try {
            main.start();
        } catch (Exception e) {
            throw new IllegalStateException("faceclock could not start: " + e.getMessage(), e);
        }
        HttpEdge.install(main.getCamelContext(), s.http().maxBodyBytes(), beans.apiGuard());
        if (s.management().shared()) {
            HttpEdge.guardMetrics(main.getCamelContext(), s.management().metricsPath(), beans.observerKeys(),
                    s.security().trustedProxies());
        }
        LOG.info("faceclock is listening on {}://{}:{}/api/v1 (database {}, time zone {})", s.http().scheme(),
                s.http().host(), s.http().port(), beans.database().displayUrl(), s.site().zone().getId());
    }

    /**
     * Every setting as a Camel property placeholder (the routes' crons, {{faceclock.timezone}} for
     * their triggers, resolved to a zone id), and Camel's own server settings from faceclock's.
     */
    static Properties camelProperties(FaceclockSettings s) {
        Properties p = new Properties();
        p.putAll(s.raw().asMap());
        p.put(Settings.TIMEZONE, s.site().zone().getId());
        p.put("camel.server.port", String.valueOf(s.http().port()));
        p.put("camel.server.host", s.http().host());
        p.put("camel.management.enabled", "true");
        p.put("camel.management.port",
                String.valueOf(s.management().shared() ? s.http().port() : s.management().port()));
        p.put("camel.management.host", s.management().shared() ? s.http().host() : s.management().host());
        p.put("camel.management.metricsEnabled", "true");
        p.put("camel.server.fileUploadDirectory", s.site().dataDir().resolve("uploads").toString());
        p.put("camel.server.maxBodySize", String.valueOf(s.http().maxBodyBytes()));
        p.put("camel.main.routesIncludePattern", "classpath:routes/*.yaml");
        https(s.http(), p);
        return p;
    }

    /**
     * faceclock.https.key-store (a PKCS12 or JKS file with the certificate and its key) turns on Camel's
     * global SSL context (camel.ssl.*) for the HTTP server and the management endpoints.
     */
    private static void https(io.faceclock.config.HttpSettings http, Properties p) {
        if (!http.https()) {
            return;
        }
        p.put("camel.ssl.enabled", "true");
        p.put("camel.ssl.keyStore", "file:" + http.keyStore());
        if (http.keyStorePassword() != null) {
            p.put("camel.ssl.keystorePassword", http.keyStorePassword());
        }
        if (http.keyStore().getFileName().toString().matches("(?i).*\\.(p12|pfx)")) {
            p.put("camel.ssl.keyStoreType", "PKCS12");
        }
        p.put("camel.server.useGlobalSslContextParameters", "true");
        p.put("camel.management.useGlobalSslContextParameters", "true");
    }

    private void bootstrapAdminKey() {
        NewApiKey key = beans.apiKeys().bootstrapAdminKey().orElse(null);
        if (key == null) {
            return;
        }
        Path dir = beans.settings().site().dataDir();
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
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Stopping Vert.x: {}", e.getMessage());
        }
        beans.close();
    }
}
