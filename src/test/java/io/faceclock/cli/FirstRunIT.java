package io.faceclock.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceclock.face.ModelMirror;
import io.faceclock.support.RunningService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The first start on a terminal without face models: faceclock offers to fetch them; --no-face does not ask. */
class FirstRunIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void a_first_start_on_a_terminal_offers_the_models_and_installs_them_checked() throws Exception {
        Path work = Files.createTempDirectory("faceclock-first-run");
        Path models = work.resolve("models");
        try (ModelMirror mirror = new ModelMirror()) {
            int port = RunningService.freePort();
            Path log = work.resolve("terminal.log");
            Process server = onTerminal(work, log, "y\n", port, models, mirror.base("good"), "");
            try {
                waitHealthy(port, server, log);
                String out = Files.readString(log);
                assertTrue(out.contains("The face models are not in " + models.toAbsolutePath()), out);
                assertTrue(out.contains("KiB"), "download progress is shown: " + out);
                assertTrue(out.contains("(sha256 ok)"), out);
                for (var m : ModelMirror.MODELS) {
                    assertTrue(Files.isRegularFile(models.resolve(m.fileName())), m.fileName() + " installed");
                }
            } finally {
                stop(server);
            }

            // --no-face: no question, and nothing fetched
            Path none = work.resolve("no-models");
            Path log2 = work.resolve("terminal2.log");
            Process plain = onTerminal(work, log2, "", port, none, mirror.base("good"), " --no-face");
            try {
                waitHealthy(port, plain, log2);
                assertFalse(Files.readString(log2).contains("Download them now"), Files.readString(log2));
                assertFalse(Files.exists(none.resolve(ModelMirror.MODELS.get(0).fileName())));
                assertTrue(Files.readString(log2).contains("Face recognition is off"), Files.readString(log2));
            } finally {
                stop(plain);
            }
        }
    }

    /** script(1) gives faceclock a pseudo-terminal, as a person starting it by hand has. */
    private static Process onTerminal(Path work, Path log, String typed, int port, Path models, URI mirror,
                                      String extra) throws Exception {
        String command = "java -jar " + PackagedJar.jar().toAbsolutePath() + " --port " + port + " --data "
                + work.resolve("data" + port + extra.length()) + extra;
        ProcessBuilder pb = new ProcessBuilder("script", "-qfec", command, log.toString()).redirectErrorStream(true)
                .redirectOutput(work.resolve("outer" + extra.length() + ".log").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("FACECLOCK_"));
        pb.environment().put("ORT_DISABLE_TELEMETRY", "1");
        pb.environment().put("FACECLOCK_MODELS_DIR", models.toString());
        pb.environment().put("FACECLOCK_MODELS_BASE_URL", mirror.toString());
        Process p = pb.start();
        if (!typed.isEmpty()) {
            p.getOutputStream().write(typed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            p.getOutputStream().flush();
        }
        return p;
    }

    private static void waitHealthy(int port, Process p, Path log) throws Exception {
        Instant start = Instant.now();
        while (Duration.between(start, Instant.now()).toSeconds() < 120) {
            if (!p.isAlive()) {
                throw new AssertionError("faceclock exited: " + Files.readString(log));
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observe/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not healthy within 120 s: " + Files.readString(log));
    }

    private static void stop(Process p) throws InterruptedException {
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        p.waitFor();
    }
}
