package io.faceclock.api;

import io.faceclock.attendance.SiteClock;
import io.faceclock.camera.Camera;
import io.faceclock.camera.CameraVisits;
import io.faceclock.camera.Cameras;
import io.faceclock.camera.Snapshots;
import io.faceclock.camera.UnknownFaces;
import io.faceclock.errors.NotFoundException;
import io.faceclock.store.CameraStore.UnknownRow;
import io.faceclock.store.CameraStore.VisitRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;

/** /cameras and /unknown-faces: the running cameras, their visits and snapshots, and the strangers they queued. */
public final class CameraApi {

    private final Cameras cameras;
    private final CameraVisits visits;
    private final Snapshots snapshots;
    private final UnknownFaces unknown;
    private final SiteClock clock;

    public CameraApi(Cameras cameras, CameraVisits visits, Snapshots snapshots, UnknownFaces unknown, SiteClock clock) {
        this.cameras = cameras;
        this.visits = visits;
        this.snapshots = snapshots;
        this.unknown = unknown;
        this.clock = clock;
    }

    public void list(Exchange ex) {
        var today = clock.startOf(clock.today());
        List<Map<String, Object>> data = cameras.all().stream().map(c -> json(c.status(), visits.since(c.id(), today)))
                .toList();
        Responses.data(ex, data);
    }

    public void visits(Exchange ex) {
        ApiRequest req = ApiRequest.of(ex);
        Camera c = camera(req);
        int limit = req.queryInt("limit", 50, 1, 1000);
        Responses.data(ex, visits.list(c.id(), limit).stream().map(this::json).toList());
    }

    public void snapshot(Exchange ex) {
        Camera c = camera(ApiRequest.of(ex));
        byte[] jpeg = snapshots.jpeg(c.id()).orElseThrow(() -> new NotFoundException("id",
                "Camera " + c.id() + " has not analysed a frame yet"));
        jpeg(ex, jpeg, "no-store");
    }

    public void listUnknown(Exchange ex) {
        ApiRequest req = ApiRequest.of(ex);
        int limit = req.queryInt("limit", 100, 1, 1000);
        int offset = req.queryInt("offset", 0, 0, Integer.MAX_VALUE);
        Responses.data(ex, unknown.list(limit, offset).stream().map(this::json).toList());
    }

    public void unknownSnapshot(Exchange ex) {
        long id = ApiRequest.of(ex).pathLong("id");
        jpeg(ex, unknown.snapshot(id).orElseThrow(() -> new NotFoundException("id", "No unknown face " + id)),
                "private, max-age=3600");
    }

    public void assign(Exchange ex) {
        ApiRequest req = ApiRequest.of(ex);
        long id = req.pathLong("id");
        JsonInput in = JsonInput.of(req).onlyFields(Set.of("person_id", "force"), Set.of());
        String personId = PersonApi.checkedPersonId(in.text("person_id", true, 64));
        boolean force = Boolean.TRUE.equals(in.bool("force"));
        UnknownFaces.Assignment a = unknown.assign(id, personId, force);
        Responses.ok(ex, Map.of("person_id", a.person().personId(), "templates", a.templates(),
                "message", a.message()));
    }

    public void discard(Exchange ex) {
        long id = ApiRequest.of(ex).pathLong("id");
        if (!unknown.discard(id)) {
            throw new NotFoundException("id", "No unknown face " + id);
        }
        Responses.ok(ex, Map.of("message", "Unknown face " + id + " discarded"));
    }

    private Camera camera(ApiRequest req) {
        String id = req.pathParam("id");
        return cameras.find(id).orElseThrow(() -> new NotFoundException("id", "No camera '" + Texts.clip(id) + "'"));
    }

    private static void jpeg(Exchange ex, byte[] jpeg, String cache) {
        ex.getMessage().removeHeaders("*");
        ex.getMessage().setHeader(Exchange.CONTENT_TYPE, "image/jpeg");
        ex.getMessage().setHeader("Cache-Control", cache);
        ex.getMessage().setBody(jpeg);
    }

    private Map<String, Object> json(Camera.Status s, long visitsToday) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("url", s.url());
        m.put("direction", s.direction().wire());
        m.put("state", s.state().wire());
        m.put("state_since", clock.format(s.stateSince()));
        m.put("frames_analyzed", s.analyzed());
        m.put("frames_dropped", s.dropped());
        m.put("analyzed_fps", Math.round(s.analyzedFps() * 10) / 10.0);
        m.put("visits_today", visitsToday);
        m.put("last_error", s.lastError());
        m.put("last_error_at", clock.format(s.lastErrorAt()));
        m.put("last_frame_at", clock.format(s.lastFrameAt()));
        m.put("snapshot_url", "/api/v1/cameras/" + s.id() + "/snapshot");
        return m;
    }

    private Map<String, Object> json(VisitRow v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.id());
        m.put("started_at", clock.format(v.startedAt()));
        m.put("ended_at", clock.format(v.endedAt()));
        m.put("frames", v.frames());
        m.put("decision", v.decision());
        m.put("person_id", v.personId());
        m.put("score", v.score() == null ? null : FaceApi.round(v.score()));
        m.put("reason", v.reason());
        m.put("action", v.action());
        m.put("action_reason", v.actionReason());
        m.put("attendance_id", v.attendanceId());
        m.put("decision_latency_ms", v.latencyMs());
        return m;
    }

    private Map<String, Object> json(UnknownRow u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id());
        m.put("camera", u.cameraId());
        m.put("seen_at", clock.format(u.seenAt()));
        m.put("face_px", u.sizePx());
        m.put("detector_score", FaceApi.round(u.detectorScore()));
        m.put("views", u.views());
        m.put("snapshot_url", u.hasSnapshot() ? "/api/v1/unknown-faces/" + u.id() + "/snapshot" : null);
        return m;
    }
}
