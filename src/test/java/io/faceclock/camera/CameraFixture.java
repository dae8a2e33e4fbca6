package io.faceclock.camera;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.faceclock.face.Shared;
import io.faceclock.support.RunningService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.camel.builder.TemplatedRouteBuilder;

/** Cameras for tests: the shared clips, templatedRoute files, and waiting on what the cameras report. */
final class CameraFixture {

    private CameraFixture() {
    }

    static Path clip(String name) {
        Path p = Shared.root().resolve("video").resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("missing shared clip " + p + " (see ../shared/video/SOURCES.md)");
        }
        return p;
    }

    /** A templatedRoute of the shipped camera template, as a user writes it in their routes folder. */
    static String templatedRoute(String id, String url, Map<String, String> more) {
        StringBuilder y = new StringBuilder();
        y.append("- templatedRoute:\n    routeTemplateRef: camera\n    routeId: camera-").append(id)
                .append("\n    parameters:\n");
        Map<String, String> p = new LinkedHashMap<>();
        p.put("id", id);
        p.put("url", url);
        p.putAll(more);
        p.forEach((k, v) -> y.append("      - { name: ").append(k).append(", value: \"").append(v).append("\" }\n"));
        return y.toString();
    }

    static Path routesFolder(String yaml) throws IOException {
        Path dir = Files.createTempDirectory("faceclock-camera-routes");
        Files.writeString(dir.resolve("cameras.yaml"), yaml);
        return dir;
    }

    /** Adds a camera to the running service from the same shipped template. */
    static void addCamera(RunningService service, String id, String url, Map<String, String> more) throws Exception {
        TemplatedRouteBuilder b = TemplatedRouteBuilder.builder(service.app().camel(), "camera")
                .routeId("camera-" + id).parameter("id", id).parameter("url", url);
        more.forEach(b::parameter);
        b.add();
    }

    static void removeCamera(RunningService service, String id) throws Exception {
        service.app().camel().getRouteController().stopRoute("camera-" + id);
        service.app().camel().removeRoute("camera-" + id);
    }

    static JsonNode camera(RunningService service, String id) {
        for (JsonNode c : service.get("/api/v1/cameras").data()) {
            if (id.equals(c.get("id").asText())) {
                return c;
            }
        }
        return null;
    }

    /** Polls the API until the camera's answer satisfies the condition (the cameras run on their own threads). */
    static JsonNode awaitCamera(RunningService service, String id, Predicate<JsonNode> condition, Duration within,
                                String what) throws InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < until) {
            last = camera(service, id);
            if (last != null && condition.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        return fail("camera " + id + ": " + what + " within " + within.toSeconds() + " s; last seen " + last);
    }

    static Predicate<JsonNode> inState(String state) {
        return c -> state.equals(c.get("state").asText());
    }
}
