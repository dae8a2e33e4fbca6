package io.faceclock.camera;

import static io.faceclock.camera.CameraFixture.awaitCamera;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faceclock.face.Shared;
import io.faceclock.support.RunningService;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A camera's password, wherever its URL carries it, is seen by no read key: not in the camera list,
 * not in the camera log. IP cameras take it as user:password (any characters FFmpeg accepts, an @
 * among them) or as a query parameter (?pwd=, ?loginpas=, ?token=…).
 */
class CameraUrlSecretsTest {

    @Test
    void a_camera_password_in_its_url_is_masked_in_the_list_and_the_log() throws Exception {
        // nothing listens on port 1: each camera fails to connect, is listed and logged with its URL
        Map<String, String> cameras = new LinkedHashMap<>();
        cameras.put("caret", "rtsp://admin:pa^ss{Hidden1}@127.0.0.1:1/stream1");
        cameras.put("at-sign", "rtsp://admin:p@ss-Hidden2@127.0.0.1:1/stream1");
        cameras.put("foscam", "http://127.0.0.1:1/videostream.cgi?user=admin&pwd=Hidden3&channel=2");
        cameras.put("p2p", "http://127.0.0.1:1/mjpg?loginuse=admin&loginpas=Hidden4");
        cameras.put("cloud", "https://127.0.0.1:1/live.m3u8?access_token=Hidden5&Password=Hidden6");
        try (RunningService service = RunningService.start(Files.createTempDirectory("faceclock-camera-secrets"), null,
                "UTC", Map.of("faceclock.models.dir", Shared.models().toString()))) {
            for (var c : cameras.entrySet()) {
                CameraFixture.addCamera(service, c.getKey(), c.getValue(), Map.of());
            }
            for (String id : cameras.keySet()) {
                awaitCamera(service, id, c -> !c.get("last_error").isNull(), Duration.ofSeconds(30),
                        "the camera cannot connect");
            }
            String listed = service.get("/api/v1/cameras").body();
            String logged = service.get("/api/v1/logs?category=camera&limit=100").body();
            for (String seen : new String[] {listed, logged}) {
                assertFalse(seen.contains("Hidden"), seen);
            }
            JsonNode list = service.get("/api/v1/cameras").data();
            Map<String, String> urls = new LinkedHashMap<>();
            list.forEach(c -> urls.put(c.get("id").asText(), c.get("url").asText()));
            assertEquals("rtsp://***@127.0.0.1:1/stream1", urls.get("at-sign"));
            assertEquals("http://127.0.0.1:1/videostream.cgi?user=admin&pwd=***&channel=2", urls.get("foscam"),
                    "the rest of the URL still says which camera it is");
            assertTrue(logged.contains("127.0.0.1:1/mjpg?loginuse=admin&loginpas=***"), logged);
        }
    }
}
