package io.faceclock.cli;

import io.faceclock.app.FaceclockConfiguration;
import io.faceclock.config.FaceclockSettings;
import io.faceclock.config.Settings;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How a command other than serve opens faceclock's data: log lines kept off the terminal (warnings
 * only, on stderr, so they never land inside a question), the data folder named, and no new empty
 * folder made while a faceclock service on this machine keeps its data elsewhere.
 */
final class CommandServices {

    /** The embedded database's file in the data folder. */
    static final String H2_FILE = "faceclock.mv.db";

    private CommandServices() {
    }

    /** Before the first logger is made: the log configuration reads these once. */
    static void quietLogs() {
        System.setProperty("faceclock.log.level", System.getProperty("faceclock.log.level", "WARN"));
        System.setProperty("faceclock.log.target", System.getProperty("faceclock.log.target", "SYSTEM_ERR"));
    }

    static FaceclockConfiguration open(Settings settings) {
        return open(settings, System.out);
    }

    static FaceclockConfiguration open(Settings settings, PrintStream out) {
        quietLogs();
        FaceclockSettings typed = FaceclockSettings.read(settings);
        System.setProperty("faceclock.log.timezone", typed.site().zone().getId());
        Path data = typed.site().dataDir();
        int port = typed.http().port();
        boolean embedded = settings.get(Settings.DB_URL) == null;
        if (embedded && !Files.exists(data.resolve(H2_FILE))) {
            if (serviceAnswersOn(port)) {
                throw new IllegalArgumentException("There is no faceclock database in " + data + ", but a faceclock "
                        + "service is running on port " + port + " with its data elsewhere. Point this "
                        + "command at the service's data folder with --data DIR (or FACECLOCK_DATA_DIR); nothing was "
                        + "created.");
            }
            out.println("Data folder: " + data + " (new: no faceclock database was there yet)");
        } else {
            out.println("Data folder: " + data + (embedded ? "" : " (database " + settings.get(Settings.DB_URL)
                    .replaceAll("(?i)(password=)[^;&]*", "$1***") + ")"));
        }
        out.flush();
        return FaceclockConfiguration.of(settings);
    }

    /** Whether a faceclock service answers its health check on this port of this machine. */
    static boolean serviceAnswersOn(int port) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        for (String scheme : new String[] {"http", "https"}) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(scheme + "://127.0.0.1:" + port
                        + "/observe/health")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.body().contains("\"status\"")) {
                    return true;
                }
            } catch (java.io.IOException e) {
                // nothing there, or not this scheme
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
