package io.faceclock.bench;

import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import com.fasterxml.jackson.databind.JsonNode;
import io.faceclock.app.FaceclockApp;
import io.faceclock.camera.Camera;
import io.faceclock.camera.Cameras;
import io.faceclock.config.Settings;
import io.faceclock.json.Json;
import io.faceclock.store.CameraStore;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * bench cameras: N cameras on 1280x720 25 fps video made from the shared clips (each person's clips
 * with empty frames between them, looped, at the file's own rate like a live stream), analysed at
 * 5 fps; people enrolled the camera-first way first. Prints per camera the analysed fps, dropped
 * frames, the visits by decision and the decision latency, and the process's CPU use.
 *
 * <p>The 640x480 clips sit at their own scale in the 1280x720 frame: upscaling them (--upscale) makes
 * faces of a near person (about 96 px) with the detail of a far one, which the rule rightly finds too
 * blurry to judge, so such visits are never decided and a latency would only time the few that are.
 */
public final class CameraBenchmark {

    private static final String[] ENROL = {"person_a_again", "person_b_bird", "person_c_book"};
    private static final String[] STREAM = {"person_a_brother", "person_b_milk", "person_c_learn", "person_a_help",
        "person_b_please"};
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Path shared;
    private final Path models;
    private final int cameras;
    private final Duration duration;
    private final PrintWriter out;
    private final boolean upscale;

    public CameraBenchmark(Path shared, Path models, int cameras, Duration duration, boolean upscale, PrintWriter out) {
        this.upscale = upscale;
        this.shared = shared;
        this.models = models;
        this.cameras = cameras;
        this.duration = duration;
        this.out = out;
    }

    public void run(Path dir) throws Exception {
        Path video = dir.resolve("stream-1280x720-25fps.mp4");
        long t0 = System.nanoTime();
        String codec = makeStream(video);
        out.printf(Locale.ROOT, "stream: %s, 1280x720, 25 fps, %s, the 640x480 clips %s, made in %.1f s%n",
                video.getFileName(), codec, upscale ? "upscaled to 960x720" : "at their own scale",
                (System.nanoTime() - t0) / 1e9);
        out.flush();
        Path routes = Files.createDirectories(dir.resolve("routes"));
        StringBuilder yaml = new StringBuilder();
        for (String clip : ENROL) {
            yaml.append("- templatedRoute:\n    routeTemplateRef: camera\n    routeId: camera-enrol-").append(clip)
                    .append("\n    parameters:\n      - { name: id, value: enrol-").append(clip.replace('_', '-'))
                    .append(" }\n      - { name: url, value: \"").append(asl(clip)).append("\" }\n")
                    .append("      - { name: realtime, value: \"false\" }\n");
        }
        Files.writeString(routes.resolve("enrol.yaml"), yaml);
        Map<String, String> s = new HashMap<>();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        s.put(Settings.PORT, String.valueOf(port));
        s.put(Settings.HOST, "127.0.0.1");
        s.put(Settings.DATA_DIR, dir.resolve("data").toString());
        s.put(Settings.ROUTES_DIR, routes.toString());
        s.put("faceclock.models.dir", models.toString());
        s.put("faceclock.odoo.enabled", "false");
        try (FaceclockApp app = FaceclockApp.start(Settings.of(s))) {
            String base = "http://127.0.0.1:" + port + "/api/v1";
            String key = Files.readString(dir.resolve("data/admin-api-key.txt")).trim();
            enrol(app, base, key);
            Cameras all = app.camel().getRegistry().lookupByNameAndType("cameras", Cameras.class);
            for (int i = 1; i <= cameras; i++) {
                TemplatedRouteBuilder.builder(app.camel(), "camera").routeId("camera-bench-" + i)
                        .parameter("id", "bench-" + i).parameter("url", video.toString()).parameter("fps", "5")
                        .parameter("loop", "true").add();
            }
            Thread.sleep(5000);
            Map<String, long[]> before = counters(all);
            long cpu0 = cpuNanos();
            long wall0 = System.nanoTime();
            java.time.Instant from = java.time.Instant.now();
            Thread.sleep(duration.toMillis());
            long wall = System.nanoTime() - wall0;
            long cpu = cpuNanos() - cpu0;
            Map<String, long[]> after = counters(all);
            CameraStore store = new CameraStore(app.beans().jdbc());
            out.printf(Locale.ROOT, "%d cameras analysed at 5 fps for %d s (%d cores)%n", cameras, duration.toSeconds(),
                    Runtime.getRuntime().availableProcessors());
            out.println("latency: from the grab of the first frame in which the face could be judged (at least "
                    + "faceclock.face.min-match-px, frontal, clear) to the recognised visit's attendance step done;");
            out.println("in view: the same from the face's first frame at all. Other visits: unknown, ambiguous, "
                    + "undecided (each clip shows one enrolled person).");
            out.printf("%-10s %12s %8s %10s %6s %14s %14s %14s%n", "camera", "analysed fps", "dropped", "recognised",
                    "other", "latency p50 ms", "latency p90 ms", "in view p90 ms");
            List<Long> allLatencies = new ArrayList<>();
            List<Long> allInView = new ArrayList<>();
            int allOther = 0;
            for (int i = 1; i <= cameras; i++) {
                String id = "bench-" + i;
                long[] a = after.get(id), b = before.get(id);
                List<Long> lat = new ArrayList<>();
                List<Long> inView = new ArrayList<>();
                int other = 0;
                for (CameraStore.VisitRow v : store.visits(id, 10_000)) {
                    if (v.startedAt().isBefore(from)) {
                        continue;
                    }
                    if ("recognized".equals(v.decision()) && v.latencyMs() != null) {
                        lat.add(v.latencyMs());
                        inView.add(v.inViewMs() == null ? v.latencyMs() : v.inViewMs());
                    } else if (!"recognized".equals(v.decision())) {
                        other++;
                    }
                }
                allLatencies.addAll(lat);
                allInView.addAll(inView);
                allOther += other;
                out.printf(Locale.ROOT, "%-10s %12.2f %8d %10d %6d %14s %14s %14s%n", id, (a[0] - b[0]) / (wall / 1e9),
                        a[1] - b[1], lat.size(), other, pct(lat, 0.5), pct(lat, 0.9), pct(inView, 0.9));
            }
            out.printf(Locale.ROOT, "all        recognised visits %d, other %d, latency p50 %s ms, p90 %s ms; in view "
                            + "p50 %s ms, p90 %s ms%n", allLatencies.size(), allOther, pct(allLatencies, 0.5),
                    pct(allLatencies, 0.9), pct(allInView, 0.5), pct(allInView, 0.9));
            out.printf(Locale.ROOT, "process CPU: %.2f cores (%.0f %% of %d); load average at the end: %s%n",
                    cpu / (double) wall, 100.0 * cpu / wall / Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().availableProcessors(), loadAverage());
            out.flush();
        }
    }

    private void enrol(FaceclockApp app, String base, String key) throws Exception {
        Cameras all = app.camel().getRegistry().lookupByNameAndType("cameras", Cameras.class);
        for (String clip : ENROL) {
            String person = clip.substring(0, "person_x".length());
            call("POST", base + "/persons", key, Json.write(Map.of("person_id", person, "name", person)));
        }
        long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (all.all().stream().anyMatch(c -> c.id().startsWith("enrol-") && c.state().wire().equals("streaming")
                || c.state().wire().equals("connecting")) && System.nanoTime() < until) {
            Thread.sleep(200);
        }
        JsonNode queue = call("GET", base + "/unknown-faces?limit=1000", key, null).get("data");
        for (String clip : ENROL) {
            String camera = "enrol-" + clip.replace('_', '-');
            JsonNode best = null;
            for (JsonNode u : queue) {
                if (camera.equals(u.get("camera").asText())
                        && (best == null || u.get("face_px").asInt() > best.get("face_px").asInt())) {
                    best = u;
                }
            }
            if (best == null) {
                throw new IllegalStateException(camera + " queued no unknown face to enrol " + clip);
            }
            call("POST", base + "/unknown-faces/" + best.get("id").asLong() + "/assign", key,
                    Json.write(Map.of("person_id", clip.substring(0, "person_x".length()))));
        }
        out.println("enrolled person_a, person_b, person_c from their " + String.join(", ", ENROL) + " clips");
    }

    private static JsonNode call(String method, String url, String key, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("X-API-Key", key)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + ": " + r.statusCode() + " " + r.body());
        }
        return Json.MAPPER.readTree(r.body());
    }

    private Path asl(String clip) {
        return shared.resolve("video/asl/" + clip + ".mkv");
    }

    /** The other clips scaled to 1280x720 (pillarboxed), at 25 fps, with 2 s of empty frames after each. */
    private String makeStream(Path file) throws Exception {
        String codec = avcodec.avcodec_find_encoder_by_name("libx264") != null ? "libx264" : "mpeg4";
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), 1280, 720, 0);
             OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat();
             Mat canvas = new Mat(720, 1280, org.bytedeco.opencv.global.opencv_core.CV_8UC3);
             Scalar grey = new Scalar(110, 110, 110, 0); Rect inner = new Rect(160, 0, 960, 720);
             Mat target = new Mat(canvas, inner); Size size = new Size(960, 720);
             Rect centre = new Rect(320, 120, 640, 480); Mat middle = new Mat(canvas, centre)) {
            r.setFormat("mp4");
            r.setVideoCodecName(codec);
            r.setFrameRate(25);
            r.setGopSize(50);
            r.setVideoQuality(codec.equals("libx264") ? 23 : 3);
            r.start();
            for (String clip : STREAM) {
                try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(asl(clip).toString())) {
                    g.start();
                    Frame f;
                    int n = 0;
                    while ((f = g.grabImage()) != null) {
                        if (n++ % 6 == 5) {
                            continue; // 30 fps to 25
                        }
                        canvas.put(grey);
                        if (upscale) {
                            resize(conv.convert(f), target, size);
                        } else {
                            conv.convert(f).copyTo(middle);
                        }
                        r.record(conv.convert(canvas));
                    }
                }
                canvas.put(grey);
                for (int i = 0; i < 50; i++) {
                    r.record(conv.convert(canvas));
                }
            }
            r.stop();
        }
        return codec;
    }

    private static Map<String, long[]> counters(Cameras all) {
        Map<String, long[]> m = new HashMap<>();
        for (Camera c : all.all()) {
            m.put(c.id(), new long[] {c.analyzedCount(), c.droppedCount()});
        }
        return m;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String pct(List<Long> values, double p) {
        if (values.isEmpty()) {
            return "-";
        }
        List<Long> sorted = values.stream().sorted().toList();
        return String.valueOf(sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)));
    }
}
