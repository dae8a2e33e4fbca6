package io.faceclock.camera;

import static io.faceclock.camera.CameraFixture.awaitCamera;
import static io.faceclock.camera.CameraFixture.clip;
import static io.faceclock.camera.CameraFixture.inState;
import static io.faceclock.camera.CameraFixture.templatedRoute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The shipped camera template on the shared real clips: people enrolled from one clip's camera visit
 * (the camera-first way: an unknown face assigned to a person) are recognised in their other clips,
 * one attendance each, and the crowd of strangers checks nobody in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CamerasOnRealVideoTest {

    private static final Map<String, String> FAST = Map.of("realtime", "false");
    private static final Duration CLIP = Duration.ofSeconds(60);
    /** More than a clip's length plus the 1 s cooldown: a clip's frame times start at its opening. */
    private static final Duration PAST_COOLDOWN = Duration.ofMinutes(2);

    /** Ticking: the live stream's frames and the cameras' staleness need time to pass by itself too. */
    private final TestClock clock = TestClock.tickingFromNow();
    private RunningService service;

    @BeforeAll
    void start() throws Exception {
        StringBuilder routes = new StringBuilder();
        routes.append(templatedRoute("enrol-a", clip("asl/person_a_again.mkv").toString(), FAST));
        routes.append(templatedRoute("enrol-b", clip("asl/person_b_bird.mkv").toString(), FAST));
        routes.append(templatedRoute("enrol-c", clip("asl/person_c_book.mkv").toString(), FAST));
        Map<String, String> settings = new HashMap<>();
        settings.put("faceclock.models.dir", Shared.models().toString());
        settings.put("faceclock.routes.dir", CameraFixture.routesFolder(routes.toString()).toString());
        settings.put("faceclock.attendance.cooldown-seconds", "1");
        settings.put("faceclock.cameras.stale-seconds", "2");
        service = RunningService.start(Files.createTempDirectory("faceclock-cameras"), null, "UTC", settings, clock);
        for (String p : List.of("person_a", "person_b", "person_c")) {
            assertEquals(201, service.post("/api/v1/persons", Map.of("person_id", p, "name", p)).status());
        }
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    @Order(1)
    void a_camera_first_site_enrols_people_by_assigning_the_unknown_faces_its_cameras_queued() throws Exception {
        for (String cam : List.of("enrol-a", "enrol-b", "enrol-c")) {
            awaitCamera(service, cam, inState("ended"), CLIP, "the clip should play to its end");
        }
        JsonNode queue = service.get("/api/v1/unknown-faces").data();
        for (String[] who : new String[][] {{"enrol-a", "person_a"}, {"enrol-b", "person_b"}, {"enrol-c", "person_c"}}) {
            JsonNode biggest = null;
            for (JsonNode u : queue) {
                if (who[0].equals(u.get("camera").asText())
                        && (biggest == null || u.get("face_px").asInt() > biggest.get("face_px").asInt())) {
                    biggest = u;
                }
            }
            assertTrue(biggest != null, who[0] + " should have queued the unknown face it saw: " + queue);
            RunningService.Reply assigned = service.post("/api/v1/unknown-faces/" + biggest.get("id").asLong()
                    + "/assign", Map.of("person_id", who[1]));
            assertEquals(200, assigned.status(), assigned.toString());
            assertTrue(assigned.json().get("templates").asInt() >= 2, assigned.toString());
        }
        assertEquals(queue.size() - 3, service.get("/api/v1/unknown-faces").data().size(),
                "an assigned face leaves the queue");
    }

    @Test
    @Order(2)
    void each_person_is_recognised_in_their_other_clips_with_one_attendance_per_visit() throws Exception {
        List<String[]> rounds = List.of(
                new String[] {"a-brother", "asl/person_a_brother.mkv", "person_a"},
                new String[] {"b-milk", "asl/person_b_milk.mkv", "person_b"},
                new String[] {"c-learn", "asl/person_c_learn.mkv", "person_c"},
                new String[] {"a-help", "asl/person_a_help.mkv", "person_a"},
                new String[] {"b-please", "asl/person_b_please.mkv", "person_b"});
        List<String> actions = new ArrayList<>();
        for (String[] r : rounds) {
            CameraFixture.addCamera(service, r[0], clip(r[1]).toString(), FAST);
            awaitCamera(service, r[0], inState("ended"), CLIP, "the clip should play to its end");
            List<JsonNode> recognised = new ArrayList<>();
            for (JsonNode v : service.get("/api/v1/cameras/" + r[0] + "/visits").data()) {
                if ("recognized".equals(v.get("decision").asText())) {
                    recognised.add(v);
                }
                assertFalse("recognized".equals(v.get("decision").asText()) && !r[2].equals(v.get("person_id").asText()),
                        r[0] + ": a visit recognised as the wrong person: " + v);
            }
            assertEquals(1, recognised.size(), r[0] + " should recognise " + r[2] + " in one visit: "
                    + service.get("/api/v1/cameras/" + r[0] + "/visits").body());
            actions.add(recognised.get(0).get("action").asText());
            clock.advance(PAST_COOLDOWN);
        }
        assertEquals(List.of("check_in", "check_in", "check_in", "check_out", "check_out"), actions,
                "toggle policy: first visit in, second out");
        JsonNode attendance = service.get("/api/v1/attendance/today").data();
        assertEquals(3, attendance.size(), "one attendance per person: " + attendance);
    }

    @Test
    @Order(3)
    void a_crowd_of_strangers_checks_nobody_in_and_queues_several_unknown_faces() throws Exception {
        int attendanceBefore = service.get("/api/v1/attendance/today").data().size();
        CameraFixture.addCamera(service, "crowd", clip("crowd/arcade-walking-1080p.mp4").toString(), FAST);
        awaitCamera(service, "crowd", inState("ended"), CLIP, "the clip should play to its end");
        JsonNode visits = service.get("/api/v1/cameras/crowd/visits?limit=1000").data();
        int unknown = 0;
        for (JsonNode v : visits) {
            assertFalse("recognized".equals(v.get("decision").asText()), "a stranger was taken for someone: " + v);
            assertEquals("none", v.get("action").asText(), v.toString());
            unknown += "unknown".equals(v.get("decision").asText()) ? 1 : 0;
        }
        assertTrue(unknown >= 2, "several strangers should be seen well enough to queue: " + visits);
        assertEquals(attendanceBefore, service.get("/api/v1/attendance/today").data().size(), "no attendance");
        assertEquals(unknown, countFrom(service.get("/api/v1/unknown-faces?limit=1000").data(), "crowd"),
                "each unknown visit queues one snapshot");
    }

    @Test
    @Order(4)
    void a_made_up_clip_gives_exactly_the_policys_attendances_and_one_unknown_snapshot() throws Exception {
        List<org.bytedeco.opencv.opencv_core.Mat> frames = new ArrayList<>();
        everyThird(Clips.frames(clip("asl/person_a_help.mkv")), frames);
        repeat(Clips.empty(), 20, frames);
        everyThird(Clips.frames(clip("asl/person_b_milk.mkv")), frames);
        repeat(Clips.empty(), 20, frames);
        repeat(Clips.photoFrame(Shared.root().resolve("faces/bbt/penny/penny1.png")), 20, frames);
        repeat(Clips.empty(), 20, frames);
        everyThird(Clips.frames(clip("asl/person_a_brother.mkv")), frames);
        java.nio.file.Path file = Files.createTempDirectory("faceclock-clip").resolve("made-up.avi");
        Clips.write(file, frames, 10);
        frames.forEach(org.bytedeco.opencv.opencv_core.Mat::close);

        int attendanceBefore = service.get("/api/v1/attendance/today").data().size();
        CameraFixture.addCamera(service, "made-up", file.toString(), FAST);
        awaitCamera(service, "made-up", inState("ended"), CLIP, "the clip should play to its end");
        List<String> recognised = new ArrayList<>();
        JsonNode visits = service.get("/api/v1/cameras/made-up/visits").data();
        for (int i = visits.size() - 1; i >= 0; i--) {
            JsonNode v = visits.get(i);
            if ("recognized".equals(v.get("decision").asText())) {
                recognised.add(v.get("person_id").asText() + ":" + v.get("action").asText());
            }
        }
        assertEquals(List.of("person_a:check_in", "person_b:check_in", "person_a:check_out"), recognised,
                "A in, B in, the stranger nothing, A out after the cooldown: " + visits);
        assertEquals(attendanceBefore + 2, service.get("/api/v1/attendance/today").data().size(),
                "A's new attendance (in and out) and B's open one");
        JsonNode queued = service.get("/api/v1/unknown-faces?limit=1000").data();
        assertEquals(1, countFrom(queued, "made-up"), "the stranger's snapshot, nothing else: " + queued);
        long id = -1;
        for (JsonNode u : queued) {
            id = "made-up".equals(u.get("camera").asText()) ? u.get("id").asLong() : id;
        }
        RunningService.Reply snapshot = service.get("/api/v1/unknown-faces/" + id + "/snapshot");
        assertEquals(200, snapshot.status());
        assertEquals("image/jpeg", snapshot.headers().get("content-type").get(0));
        assertEquals(200, service.delete("/api/v1/unknown-faces/" + id).status());
        assertEquals(0, countFrom(service.get("/api/v1/unknown-faces?limit=1000").data(), "made-up"), "discarded");
    }

    @Test
    @Order(5)
    void a_stream_cut_mid_way_reconnects_and_recognises_again_while_bad_sources_just_say_what_is_wrong()
            throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 5,
                java.net.InetAddress.getLoopbackAddress());
             MjpegServer camera = new MjpegServer(Clips.jpegs(clip("asl/person_b_please.mkv")), 10,
                     RunningService.freePort())) {
            java.nio.file.Path notVideo = Files.writeString(Files.createTempFile("not-video", ".mp4"), "hello");
            CameraFixture.addCamera(service, "silent", "http://viewer:s3cret@127.0.0.1:" + silent.getLocalPort() + "/cam",
                    Map.of());
            CameraFixture.addCamera(service, "not-video", notVideo.toString(), Map.of());
            CameraFixture.addCamera(service, "no-device", "/dev/video-faceclock-missing", Map.of());
            camera.start();
            Map<String, String> quick = Map.of("reconnectDelay", "200", "reconnectMaxDelay", "1000");
            CameraFixture.addCamera(service, "mjpeg", camera.url(), quick);

            awaitCamera(service, "mjpeg", c -> recognisedVisits("mjpeg") == 1, CLIP, "should recognise person_b");
            camera.stop();
            awaitCamera(service, "mjpeg", inState("reconnecting"), CLIP, "should notice the cut");
            JsonNode health = awaitHealth(h -> h.path("silent").has("mjpeg"));
            assertTrue(health.path("silent").path("mjpeg").has("no_frame_since"), health.toString());
            camera.start();
            awaitCamera(service, "mjpeg", c -> recognisedVisits("mjpeg") == 2, CLIP,
                    "should reconnect and recognise person_b again");
            JsonNode logs = service.get("/api/v1/logs?category=camera&limit=100").data();
            assertTrue(logs.toString().contains("Camera mjpeg: streaming again"), logs.toString());

            JsonNode failed = awaitCamera(service, "not-video", inState("failed"), CLIP, "a file that is not video");
            assertFalse(failed.get("last_error").isNull(), failed.toString());
            JsonNode noDevice = awaitCamera(service, "no-device", c -> !c.get("last_error").isNull(), CLIP,
                    "a missing device");
            assertEquals("reconnecting", noDevice.get("state").asText());
            assertTrue(noDevice.get("last_error").asText().contains("no such device"), noDevice.toString());
            for (JsonNode c : List.of(failed, noDevice)) {
                assertTrue(c.get("last_error").asText().matches("[\\p{Print}]+"),
                        "FFmpeg's words only, no bytes after them: " + c.get("last_error"));
            }
            JsonNode quiet = CameraFixture.camera(service, "silent");
            assertTrue(List.of("connecting", "reconnecting").contains(quiet.get("state").asText()), quiet.toString());
            assertEquals(0, quiet.get("frames_analyzed").asInt());
            assertFalse(quiet.get("url").asText().contains("s3cret"), "credentials are masked: " + quiet);
            assertTrue(awaitHealth(h -> h.path("silent").has("silent")).path("silent").has("no-device"));
            assertTrue(logs.toString().contains("Camera not-video:") || service.get("/api/v1/logs?category=camera"
                    + "&limit=100").body().contains("Camera not-video:"), "the failure is in the audit log");
            assertEquals("streaming", CameraFixture.camera(service, "mjpeg").get("state").asText(),
                    "the good camera keeps going");
            String metrics = service.raw("GET", "/observe/metrics", null, null, service.adminKey()).body();
            assertTrue(metrics.contains("faceclock_camera_frames_analyzed{camera=\"mjpeg\"}"), "per-camera metrics");
            assertTrue(metrics.contains("faceclock_camera_visits_total{camera=\"mjpeg\",decision=\"recognized\"}"),
                    "visits by decision");
            RunningService.Reply snapshot = service.get("/api/v1/cameras/mjpeg/snapshot");
            assertEquals(200, snapshot.status());
            assertEquals("image/jpeg", snapshot.headers().get("content-type").get(0));
            for (String id : List.of("silent", "not-video", "no-device", "mjpeg")) {
                CameraFixture.removeCamera(service, id);
            }
        }
    }

    private int recognisedVisits(String camera) {
        int n = 0;
        for (JsonNode v : service.get("/api/v1/cameras/" + camera + "/visits").data()) {
            if ("recognized".equals(v.get("decision").asText())) {
                assertEquals("person_b", v.get("person_id").asText(), v.toString());
                n++;
            }
        }
        return n;
    }

    private JsonNode awaitHealth(java.util.function.Predicate<JsonNode> condition) throws InterruptedException {
        long until = System.nanoTime() + CLIP.toNanos();
        JsonNode cameras = null;
        while (System.nanoTime() < until) {
            cameras = service.raw("GET", "/observe/health", null, null, service.adminKey()).json().path("components")
                    .path("cameras");
            if (condition.test(cameras)) {
                return cameras;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("health never showed it: " + cameras);
    }

    private static void everyThird(List<org.bytedeco.opencv.opencv_core.Mat> from,
                                   List<org.bytedeco.opencv.opencv_core.Mat> to) {
        for (int i = 0; i < from.size(); i++) {
            if (i % 3 == 0) {
                to.add(from.get(i));
            } else {
                from.get(i).close();
            }
        }
    }

    private static void repeat(org.bytedeco.opencv.opencv_core.Mat frame, int times,
                               List<org.bytedeco.opencv.opencv_core.Mat> to) {
        for (int i = 0; i < times; i++) {
            to.add(frame.clone());
        }
        frame.close();
    }

    private static int countFrom(JsonNode queue, String camera) {
        int n = 0;
        for (JsonNode u : queue) {
            n += camera.equals(u.get("camera").asText()) ? 1 : 0;
        }
        return n;
    }
}
