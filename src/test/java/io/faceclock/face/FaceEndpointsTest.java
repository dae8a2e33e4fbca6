package io.faceclock.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faceclock.support.RunningService;
import io.faceclock.support.TestClock;
import io.faceclock.support.RunningService.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The face endpoints over HTTP with the real models on real photos from ../shared/faces. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaceEndpointsTest {

    private final TestClock clock = TestClock.startingNow();
    private RunningService service;
    private String kioskKey;

    @BeforeAll
    void start() throws Exception {
        service = RunningService.start(Files.createTempDirectory("faceclock-faces"), null, "Europe/Brussels",
                Map.of("faceclock.models.dir", Shared.models().toString()), clock);
        kioskKey = service.post("/api/v1/apikeys", Map.of("name", "kiosk", "scope", "kiosk")).data().get("key").asText();
        for (String who : List.of("amy", "sheldon", "leonard")) {
            person(who);
            Reply r = raw("POST", "/api/v1/persons/" + who + "/faces", photo("bbt/" + who + "/" + who + "1.png"),
                    "image/png", service.adminKey());
            assertEquals(201, r.status(), r.toString());
        }
    }

    @AfterAll
    void stop() {
        service.close();
    }

    @Test
    void an_enrolled_person_is_recognised_in_another_photo_and_a_stranger_stays_unknown() {
        JsonNode amy = recognize(photo("bbt/amy/amy2.png")).get(0);
        assertEquals("recognized", amy.get("decision").asText());
        assertEquals("amy", amy.get("person_id").asText());
        assertTrue(amy.get("matches").get(0).get("similarity").asDouble() > 0.5);
        assertEquals(5, amy.get("landmarks").size());

        JsonNode penny = recognize(photo("bbt/penny/penny1.png")).get(0);
        assertEquals("unknown", penny.get("decision").asText(), penny.toString());
        assertTrue(penny.get("person_id").isNull());
    }

    @Test
    void two_faces_side_by_side_are_both_found() {
        Mat left = Images.decode(photo("bbt/sheldon/sheldon3.png"));
        Mat right = Images.decode(photo("bbt/penny/penny2.png"));
        Mat canvas = Images.onCanvas(left, 400, 200, 20, 25);
        try (Mat roi = new Mat(canvas, new org.bytedeco.opencv.opencv_core.Rect(230, 25, right.cols(), right.rows()))) {
            right.copyTo(roi);
        }
        JsonNode faces = recognize(Images.encode(".png", canvas));
        assertEquals(2, faces.size(), faces.toString());
        long known = 0;
        for (JsonNode f : faces) {
            if ("sheldon".equals(f.get("person_id").asText())) {
                known++;
            }
        }
        assertEquals(1, known, faces.toString());
    }

    @Test
    void a_face_that_belongs_to_someone_else_is_refused_unless_forced() {
        person("amy-twin");
        Reply refused = json("POST", "/api/v1/persons/amy-twin/faces", Map.of("image", b64(photo("bbt/amy/amy4.png"))));
        assertEquals(409, refused.status(), refused.toString());
        assertTrue(refused.json().get("error").asText().contains("amy (amy)"), refused.toString());
        assertEquals(0, service.get("/api/v1/persons/amy-twin/faces").data().size());
        Reply forced = json("POST", "/api/v1/persons/amy-twin/faces?force=true",
                Map.of("image", b64(photo("bbt/amy/amy4.png"))));
        assertEquals(201, forced.status(), forced.toString());
        JsonNode listed = service.get("/api/v1/persons/amy-twin/faces").data();
        assertEquals(1, listed.size());
        Reply thumb = raw("GET", listed.get(0).get("thumbnail_url").asText(), null, null, service.adminKey());
        assertEquals(200, thumb.status());
        assertEquals(200, service.delete("/api/v1/persons/amy-twin").status());
        assertEquals("amy", recognize(photo("bbt/amy/amy4.png")).get(0).get("person_id").asText(),
                "the deleted person's face is gone from the gallery");
    }

    @Test
    void verify_says_same_or_different_with_the_similarity() {
        JsonNode same = json("POST", "/api/v1/verify", Map.of("person_id", "leonard",
                "image", b64(photo("bbt/leonard/leonard3.png")))).json();
        assertTrue(same.get("same_person").asBoolean(), same.toString());
        JsonNode other = json("POST", "/api/v1/verify", Map.of("person_id", "leonard",
                "image", b64(photo("bbt/howard/howard2.png")))).json();
        assertFalse(other.get("same_person").asBoolean(), other.toString());
        assertEquals("leonard", other.get("person_id").asText(), "the answer names the person asked about");
        assertTrue(same.get("similarity").asDouble() > other.get("similarity").asDouble());
    }

    @Test
    void the_kiosk_checks_in_ignores_a_repeat_then_checks_out() throws Exception {
        byte[] face = photo("bbt/sheldon/sheldon2.png");
        JsonNode in = raw("POST", "/api/v1/attendance/mark", face, "image/png", kioskKey).json();
        assertEquals("check_in", in.get("action").asText(), in.toString());
        assertEquals("sheldon", in.get("person").get("person_id").asText());
        JsonNode repeat = raw("POST", "/api/v1/attendance/mark", face, "image/png", kioskKey).json();
        assertFalse(repeat.get("recorded").asBoolean(), repeat.toString());
        assertEquals("too_soon", repeat.get("reason").asText());
        clock.advance(Duration.ofSeconds(61));   // past the default 60 s cooldown
        JsonNode out = raw("POST", "/api/v1/attendance/mark", photo("bbt/sheldon/sheldon4.png"), "image/png", kioskKey)
                .json();
        assertEquals("check_out", out.get("action").asText(), out.toString());
        assertEquals(in.get("attendance").get("id").asLong(), out.get("attendance").get("id").asLong());
        JsonNode stranger = raw("POST", "/api/v1/attendance/mark", photo("bbt/raj/raj1.png"), "image/png", kioskKey)
                .json();
        assertFalse(stranger.get("recorded").asBoolean());
        assertEquals("unknown_face", stranger.get("reason").asText());
        assertEquals(403, raw("GET", "/api/v1/persons", null, null, kioskKey).status(), "a kiosk key only marks");
        JsonNode logs = service.get("/api/v1/logs?category=attendance&limit=10").data();
        assertTrue(logs.toString().contains("\"similarity\""), "decisions are logged with their similarity");
    }

    @Test
    void bad_photos_get_a_clear_4xx_and_store_nothing() {
        person("bad-photo");
        String path = "/api/v1/persons/bad-photo/faces";
        assertStatus(raw("POST", path, "not an image".getBytes(StandardCharsets.UTF_8), "image/png", service.adminKey()),
                400, "image");
        byte[] png = photo("bbt/amy/amy5.png");
        assertStatus(raw("POST", path, java.util.Arrays.copyOf(png, png.length / 3), "image/png", service.adminKey()),
                400, "image");
        Mat tiny = Images.crop(Images.decode(png), 0, 0, 1, 1);
        assertEquals(400, raw("POST", path, Images.encode(".png", tiny), "image/png", service.adminKey()).status());
        Mat background = Images.crop(Images.decode(photo("facerec/obama/examples_obama.jpg")), 0, 0, 60, 60);
        Reply noFace = raw("POST", path, Images.encode(".png", Images.scaled(background, 4)), "image/png",
                service.adminKey());
        assertStatus(noFace, 422, "image");
        assertTrue(noFace.json().get("error").asText().contains("no face found"), noFace.toString());
        assertStatus(json("POST", path, Map.of("image", "%%% not base64 %%%")), 400, "image");
        assertStatus(json("POST", path, Map.of("picture", "x")), 400, "image");
        assertStatus(raw("POST", path, png, "text/plain", service.adminKey()), 415, "Content-Type");
        assertStatus(raw("POST", "/api/v1/persons/nobody/faces", png, "image/png", service.adminKey()), 404,
                "person_id");
        assertStatus(raw("POST", path, hugePngHeader(), "image/png", service.adminKey()), 413, "image");
        assertEquals(0, service.get("/api/v1/persons/bad-photo/faces").data().size());
    }

    @Test
    void enrolled_faces_survive_a_restart() {
        service.restart();
        assertEquals("leonard", recognize(photo("bbt/leonard/leonard4.png")).get(0).get("person_id").asText());
    }

    @Test
    void without_models_everything_but_faces_still_works() throws Exception {
        try (RunningService bare = RunningService.start(Files.createTempDirectory("faceclock-nomodels"), null, "UTC",
                Map.of("faceclock.models.dir", Files.createTempDirectory("empty-models").toString()))) {
            JsonNode health = bare.send("GET", "/observe/health", null, bare.adminKey()).json();
            assertEquals("UP", health.get("status").asText(), "faces are optional: " + health);
            assertEquals("DOWN", health.get("components").get("face_engine").get("status").asText());
            assertTrue(health.get("components").get("face_engine").get("reason").asText().length() > 10);
            assertEquals(201, bare.post("/api/v1/persons", Map.of("person_id", "p1", "name", "P One")).status());
            Reply r = bare.raw("POST", "/api/v1/recognize", "x", "image/png", bare.adminKey());
            assertEquals(503, r.status(), r.toString());
        }
    }

    private static void assertStatus(Reply r, int status, String field) {
        assertEquals(status, r.status(), r.toString());
        assertEquals(field, r.json().path("field").asText(), r.toString());
        assertFalse(r.body().contains("Exception"), r.toString());
    }

    /** A PNG whose header claims 60000 x 60000 pixels: refused before any decoding. */
    private static byte[] hugePngHeader() {
        byte[] png = photo("bbt/amy/amy1.png").clone();
        java.nio.ByteBuffer.wrap(png, 16, 8).putInt(60000).putInt(60000);
        return png;
    }

    private void person(String id) {
        assertEquals(201, service.post("/api/v1/persons", Map.of("person_id", id, "name", id)).status());
    }

    private JsonNode recognize(byte[] image) {
        Reply r = raw("POST", "/api/v1/recognize", image, "image/png", service.adminKey());
        assertEquals(200, r.status(), r.toString());
        return r.json().get("faces");
    }

    private Reply json(String method, String path, Map<String, Object> body) {
        return service.send(method, path, body, service.adminKey());
    }

    private Reply raw(String method, String path, byte[] body, String type, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).header("X-API-Key", key);
        if (type != null) {
            b.header("Content-Type", type);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r.headers().map());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] photo(String path) {
        return Shared.photo(path);
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
