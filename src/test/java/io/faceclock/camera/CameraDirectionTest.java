package io.faceclock.camera;

import static io.faceclock.camera.CameraFixture.awaitCamera;
import static io.faceclock.camera.CameraFixture.clip;
import static io.faceclock.camera.CameraFixture.inState;
import static io.faceclock.camera.CameraFixture.templatedRoute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faceclock.face.Shared;
import io.faceclock.support.RunningService;
import io.faceclock.support.TestClock;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A camera's direction through the shipped template on real clips: an entrance camera (in) never
 * checks out, an exit camera (out) never checks in, and a camera for both toggles. person_a is
 * enrolled the camera-first way; the cooldown passes on the injected clock.
 */
class CameraDirectionTest {

    private static final Duration CLIP = Duration.ofSeconds(60);
    private static final Duration PAST_COOLDOWN = Duration.ofMinutes(2);
    private static final String[] CLIPS = {"asl/person_a_brother.mkv", "asl/person_a_help.mkv"};

    @Test
    void an_in_camera_only_checks_in_an_out_camera_only_checks_out_and_both_toggles() throws Exception {
        TestClock clock = TestClock.startingNow();
        Map<String, String> settings = new HashMap<>();
        settings.put("faceclock.models.dir", Shared.models().toString());
        settings.put("faceclock.routes.dir", CameraFixture.routesFolder(templatedRoute("enrol",
                clip("asl/person_a_again.mkv").toString(), Map.of("realtime", "false"))).toString());
        try (RunningService service = RunningService.start(Files.createTempDirectory("faceclock-direction"), null,
                "UTC", settings, clock)) {
            assertEquals(201, service.post("/api/v1/persons", Map.of("person_id", "person_a", "name", "A")).status());
            enrol(service);

            List<String> seen = new ArrayList<>();
            int n = 0;
            for (String direction : List.of("in", "out", "both")) {
                for (String file : CLIPS) {
                    clock.advance(PAST_COOLDOWN);
                    seen.add(direction + ":" + visit(service, direction + "-" + ++n, file, direction));
                }
            }
            assertEquals(List.of(
                    "in:check_in", "in:none/direction",      // in, then not out: an entrance never checks out
                    "out:check_out", "out:none/direction",   // out, then not in: an exit never checks in
                    "both:check_in", "both:check_out"), seen, "what each camera did with person_a's visit");
            JsonNode attendance = service.get("/api/v1/attendance?person_id=person_a").data();
            assertEquals(2, attendance.size(), "one attendance by the in and out cameras, one by both: " + attendance);
            for (JsonNode a : attendance) {
                assertTrue(!a.get("check_out").isNull(), "both attendances are closed: " + attendance);
            }
        }
    }

    /** The camera-first enrolment: the face the enrol camera queued becomes person_a's templates. */
    private static void enrol(RunningService service) throws Exception {
        awaitCamera(service, "enrol", inState("ended"), CLIP, "the clip should play to its end");
        JsonNode biggest = null;
        for (JsonNode u : service.get("/api/v1/unknown-faces").data()) {
            if (biggest == null || u.get("face_px").asInt() > biggest.get("face_px").asInt()) {
                biggest = u;
            }
        }
        assertTrue(biggest != null, "the enrol camera should queue the face it saw");
        RunningService.Reply assigned = service.post("/api/v1/unknown-faces/" + biggest.get("id").asLong() + "/assign",
                Map.of("person_id", "person_a"));
        assertEquals(200, assigned.status(), assigned.toString());
    }

    /** Plays the clip through a new camera of the given direction: its one recognised visit's action. */
    private static String visit(RunningService service, String id, String file, String direction) throws Exception {
        CameraFixture.addCamera(service, id, clip(file).toString(), Map.of("realtime", "false", "direction", direction));
        awaitCamera(service, id, inState("ended"), CLIP, "the clip should play to its end");
        List<JsonNode> recognised = new ArrayList<>();
        for (JsonNode v : service.get("/api/v1/cameras/" + id + "/visits").data()) {
            if ("recognized".equals(v.get("decision").asText())) {
                assertEquals("person_a", v.get("person_id").asText(), v.toString());
                recognised.add(v);
            }
        }
        CameraFixture.removeCamera(service, id);
        assertEquals(1, recognised.size(), id + ": person_a should be recognised in one visit");
        JsonNode v = recognised.get(0);
        String action = v.get("action").asText();
        return "none".equals(action) ? action + "/" + v.get("action_reason").asText() : action;
    }
}
