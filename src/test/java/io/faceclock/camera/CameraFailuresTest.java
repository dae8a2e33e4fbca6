package io.faceclock.camera;

import static io.faceclock.camera.CameraFixture.awaitCamera;
import static io.faceclock.camera.CameraFixture.clip;
import static io.faceclock.camera.CameraFixture.inState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faceclock.face.Shared;
import io.faceclock.support.RunningService;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A step of a camera's route that fails is told as the camera and the step (its last_error and the
 * camera log), not as an HTTP request ("on null null"); HTTP failures keep their own answer.
 */
class CameraFailuresTest {

    @Test
    void a_stranger_who_cannot_be_queued_names_the_camera_and_the_step_in_its_state_and_the_log() throws Exception {
        try (RunningService service = RunningService.start(Files.createTempDirectory("faceclock-camera-failures"), null,
                "UTC", Map.of("faceclock.models.dir", Shared.models().toString()))) {
            var jdbc = service.app().beans().jdbc();
            // nobody is enrolled: the face seen is a stranger, whose snapshot cannot be queued without its table
            jdbc.update("ALTER TABLE unknown_face RENAME TO unknown_face_away");
            try {
                CameraFixture.addCamera(service, "lobby", clip("asl/person_b_milk.mkv").toString(),
                        Map.of("realtime", "false"));
                JsonNode camera = awaitCamera(service, "lobby", c -> !c.get("last_error").isNull(),
                        Duration.ofSeconds(60), "the failure should show as the camera's last error");
                String error = camera.get("last_error").asText();
                assertTrue(error.startsWith("queueing an unknown face failed: "), camera.toString());
                assertFalse(error.contains("null"), camera.toString());

                JsonNode logs = service.get("/api/v1/logs?category=camera&limit=50").data();
                JsonNode entry = null;
                for (JsonNode l : logs) {
                    if (l.get("message").asText().startsWith("Camera lobby: queueing an unknown face failed: ")) {
                        entry = l;
                    }
                }
                assertTrue(entry != null, "the camera log says which camera and what failed: " + logs);
                assertEquals("error", entry.get("level").asText().toLowerCase(), entry.toString());
                assertFalse(logs.toString().contains("null null"), logs.toString());
                awaitCamera(service, "lobby", inState("ended"), Duration.ofSeconds(60), "the camera keeps playing");
            } finally {
                jdbc.update("ALTER TABLE unknown_face_away RENAME TO unknown_face");
            }
            RunningService.Reply http = service.get("/api/v1/cameras/lobby/visits?limit=oops");
            assertEquals(400, http.status(), "an HTTP route still answers its own JSON error: " + http);
            assertEquals("limit", http.json().get("field").asText(), http.toString());
        }
    }
}
