package io.faceclock.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faceclock.support.RunningService;
import io.faceclock.support.RunningService.Reply;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The open-set decisions over HTTP on real photos: several-photo enrolment, recognised, unknown,
 * ambiguous and undecided faces, and a kiosk that records only the recognised ones.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecognitionDecisionsTest {

    private RunningService service;
    private String kioskKey;
    private JsonNode pennyEnrolment;

    @BeforeAll
    void start() throws Exception {
        service = RunningService.start(Files.createTempDirectory("faceclock-decisions"), null, "UTC",
                Map.of("faceclock.models.dir", Shared.models().toString()));
        kioskKey = service.post("/api/v1/apikeys", Map.of("name", "kiosk", "scope", "kiosk")).data().get("key").asText();
        for (String who : List.of("penny", "howard", "howard-twin")) {
            assertEquals(201, service.post("/api/v1/persons", Map.of("person_id", who, "name", who)).status());
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 1; i <= 3; i++) {
            files.put("image" + i, Shared.photo("bbt/penny/penny" + i + ".png"));
        }
        Reply penny = multipart("/api/v1/persons/penny/faces", files);
        assertEquals(201, penny.status(), penny.toString());
        pennyEnrolment = penny.json();
        List<String> howard = List.of(b64("bbt/howard/howard1.png"), b64("bbt/howard/howard2.png"),
                b64("bbt/howard/howard3.png"));
        assertEquals(201, service.post("/api/v1/persons/howard/faces", Map.of("images", howard)).status());
        // the same three photos for a second person: two people whose templates score alike
        Reply twin = service.post("/api/v1/persons/howard-twin/faces?force=true", Map.of("images", howard));
        assertEquals(201, twin.status(), twin.toString());
    }

    @AfterAll
    void stop() {
        service.close();
    }

    @Test
    void three_photos_in_one_call_make_enough_templates_and_the_person_is_recognised_on_a_fourth() {
        assertEquals(3, pennyEnrolment.get("faces").size(), pennyEnrolment.toString());
        assertEquals(3, pennyEnrolment.get("templates").asInt());
        assertTrue(pennyEnrolment.get("enough").asBoolean());
        assertEquals(0, pennyEnrolment.get("refused").size());

        JsonNode face = recognize(Shared.photo("bbt/penny/penny4.png"));

        assertEquals("recognized", face.get("decision").asText(), face.toString());
        assertEquals("penny", face.get("person_id").asText());
        assertEquals(3, face.at("/best/templates").asInt());
        assertTrue(face.get("margin").asDouble() >= face.at("/required/margin").asDouble(), face.toString());
    }

    @Test
    void each_refused_photo_of_a_several_photo_enrolment_says_why() {
        service.post("/api/v1/persons", Map.of("person_id", "amy", "name", "Amy"));
        Mat background = Images.crop(Images.decode(Shared.photo("facerec/obama/examples_obama.jpg")), 0, 0, 60, 60);
        String noFace = Base64.getEncoder().encodeToString(Images.encode(".png", Images.scaled(background, 4)));

        Reply r = service.post("/api/v1/persons/amy/faces", Map.of("images",
                List.of(b64("bbt/amy/amy1.png"), noFace, b64("bbt/howard/howard4.png"))));

        assertEquals(201, r.status(), r.toString());
        JsonNode body = r.json();
        assertEquals(1, body.get("faces").size());
        assertEquals(2, body.get("refused").size(), body.toString());
        assertEquals(2, body.at("/refused/0/photo").asInt());
        assertEquals("no face found", body.at("/refused/0/error").asText());
        assertEquals(3, body.at("/refused/1/photo").asInt());
        assertTrue(body.at("/refused/1/error").asText().contains("howard"), body.toString());
        assertEquals(1, body.get("templates").asInt());
        assertFalse(body.get("enough").asBoolean());
        assertTrue(body.get("message").asText().contains("enrol at least 3"), body.toString());
    }

    @Test
    void a_stranger_is_unknown() {
        JsonNode face = recognize(Shared.photo("bbt/raj/raj1.png"));

        assertEquals("unknown", face.get("decision").asText(), face.toString());
        assertTrue(face.get("person_id").isNull());
        assertTrue(face.at("/best/similarity").asDouble() < face.at("/required/score").asDouble());
    }

    @Test
    void two_look_alike_people_are_ambiguous_rather_than_a_wrong_name() {
        JsonNode face = recognize(Shared.photo("bbt/howard/howard4.png"));

        assertEquals("ambiguous", face.get("decision").asText(), face.toString());
        assertTrue(face.get("person_id").isNull());
        assertTrue(face.get("reason").asText().startsWith("two people score close"), face.toString());
        assertTrue(List.of("howard", "howard-twin").contains(face.at("/second/person_id").asText()));
    }

    @Test
    void a_45_px_face_is_undecided_and_says_to_come_closer() {
        byte[] small = face45px();

        JsonNode face = recognize(small);

        assertEquals("undecided", face.get("decision").asText(), face.toString());
        Matcher m = Pattern.compile("face too small for a safe match \\((\\d+) px\\): come closer")
                .matcher(face.get("reason").asText());
        assertTrue(m.matches(), face.toString());
        assertEquals(face.get("face_px").asInt(), Integer.parseInt(m.group(1)));
        assertTrue(Math.abs(face.get("face_px").asInt() - 45) <= 2, face.toString());
    }

    @Test
    void the_kiosk_records_nothing_for_unknown_ambiguous_or_undecided_faces_and_logs_why() {
        Map<String, byte[]> photos = new LinkedHashMap<>();
        photos.put("unknown", Shared.photo("bbt/raj/raj2.png"));
        photos.put("ambiguous", Shared.photo("bbt/howard/howard5.png"));
        photos.put("undecided", face45px());
        for (Map.Entry<String, byte[]> p : photos.entrySet()) {
            JsonNode r = mark(p.getValue());
            assertFalse(r.get("recorded").asBoolean(), r.toString());
            assertEquals(p.getKey(), r.get("decision").asText(), r.toString());
            assertEquals(p.getKey() + "_face", r.get("reason").asText());
            assertFalse(r.has("attendance"), r.toString());
        }
        assertEquals(0, service.get("/api/v1/attendance").data().size(), "nothing recorded");

        JsonNode penny = mark(Shared.photo("bbt/penny/penny5.png"));
        assertEquals("check_in", penny.get("action").asText(), penny.toString());
        assertEquals("recognized", penny.get("decision").asText());
        assertEquals(1, service.get("/api/v1/attendance").data().size());

        String logs = service.get("/api/v1/logs?category=attendance&limit=20").data().toString();
        for (String field : List.of("\"decision\":\"ambiguous\"", "\"decision\":\"undecided\"", "\"margin\"",
                "\"face_px\"", "\"second\"")) {
            assertTrue(logs.contains(field), field + " missing from the audit log: " + logs);
        }
    }

    @Test
    void the_kiosk_says_inactive_for_an_archived_person_and_records_nothing() {
        assertEquals(201, service.post("/api/v1/persons", Map.of("person_id", "leonard", "name", "leonard")).status());
        List<String> photos = List.of(b64("bbt/leonard/leonard2.png"), b64("bbt/leonard/leonard3.png"),
                b64("bbt/leonard/leonard4.png"));
        assertEquals(201, service.post("/api/v1/persons/leonard/faces", Map.of("images", photos)).status());
        assertEquals(200, service.patch("/api/v1/persons/leonard", Map.of("active", false)).status());
        int before = service.get("/api/v1/attendance?person_id=leonard").data().size();

        JsonNode r = mark(Shared.photo("bbt/leonard/leonard1.png"));

        assertFalse(r.get("recorded").asBoolean(), r.toString());
        assertEquals("inactive", r.get("reason").asText(), r.toString());
        assertEquals(before, service.get("/api/v1/attendance?person_id=leonard").data().size());
    }

    /** An obama photo scaled so its face is about 45 px wide, on a 640x480 frame. */
    private byte[] face45px() {
        byte[] photo = Shared.photo("facerec/obama/examples_obama.jpg");
        double width = recognize(photo).at("/box/width").asDouble();
        Mat small = Images.scaled(Images.decode(photo), 45 / width);
        return Images.encode(".png", Images.onCanvas(small, Math.max(640, small.cols()), Math.max(480, small.rows()), 0, 0));
    }

    private JsonNode recognize(byte[] image) {
        Reply r = send("/api/v1/recognize", image, "image/png", service.adminKey());
        assertEquals(200, r.status(), r.toString());
        return r.json().get("faces").get(0);
    }

    private JsonNode mark(byte[] image) {
        Reply r = send("/api/v1/attendance/mark", image, "image/png", kioskKey);
        assertEquals(200, r.status(), r.toString());
        return r.json();
    }

    private Reply multipart(String path, Map<String, byte[]> files) throws Exception {
        String boundary = "faceclock-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"; filename=\""
                    + f.getKey() + ".png\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            body.write(f.getValue());
            body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return send(path, body.toByteArray(), "multipart/form-data; boundary=" + boundary, service.adminKey());
    }

    private Reply send(String path, byte[] body, String type, String key) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).header("X-API-Key", key)
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r.headers().map());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String photo) {
        return Base64.getEncoder().encodeToString(Shared.photo(photo));
    }
}
