package io.faceclock.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faceclock.support.RunningService;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A server run with face recognition off (serve --no-face) serves everything else, faces not at all. */
class FaceRecognitionOffTest {

    @Test
    void with_faces_off_the_models_stay_unloaded_and_face_calls_say_so_while_the_rest_works() throws Exception {
        try (RunningService service = RunningService.start(Files.createTempDirectory("faceclock-face-off"), null,
                "UTC", Map.of("faceclock.models.dir", Shared.models().toString(), "faceclock.face.enabled", "false"))) {
            assertEquals(201, service.post("/api/v1/persons", Map.of("person_id", "OFF-1", "name", "Off One"))
                    .status(), "people still work");
            RunningService.Reply recognize = service.bytes("POST", "/api/v1/recognize",
                    Shared.photo("bbt/amy/amy1.png"), "image/png", service.adminKey());
            assertEquals(503, recognize.status(), recognize.toString());
            assertTrue(recognize.json().get("error").asText().contains("face recognition is off"), recognize.toString());
            RunningService.Reply health = service.get("/observe/health");
            assertEquals(200, health.status(), "faceclock is healthy without faces: " + health);
            JsonNode engine = health.json().get("components").get("face_engine");
            assertEquals("DOWN", engine.get("status").asText(), health.toString());
            assertTrue(engine.toString().contains("face recognition is off"), health.toString());
        }
    }
}
