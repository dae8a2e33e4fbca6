package io.faceclock.api;

import io.faceclock.api.dto.CameraList;
import io.faceclock.api.dto.CameraView;
import io.faceclock.api.dto.Done;
import io.faceclock.api.dto.JpegImage;
import io.faceclock.api.dto.UnknownFaceAssigned;
import io.faceclock.api.dto.UnknownFaceAssignment;
import io.faceclock.api.dto.UnknownFaceList;
import io.faceclock.api.dto.UnknownFaceView;
import io.faceclock.api.dto.VisitList;
import io.faceclock.api.dto.VisitView;
import io.faceclock.attendance.SiteClock;
import io.faceclock.camera.Camera;
import io.faceclock.camera.CameraVisits;
import io.faceclock.camera.Cameras;
import io.faceclock.camera.Snapshots;
import io.faceclock.camera.UnknownFaces;
import io.faceclock.errors.NotFoundException;
import io.faceclock.store.CameraStore.UnknownRow;
import io.faceclock.store.CameraStore.VisitRow;
import org.apache.camel.Header;

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

    public CameraList list() {
        var today = clock.startOf(clock.today());
        return new CameraList(cameras.all().stream().map(c -> view(c.status(), visits.since(c.id(), today))).toList());
    }

    public VisitList visits(@Header("id") String id, @Header("limit") String limit) {
        Camera c = camera(id);
        int max = Params.integer("limit", limit, 50, 1, 1000);
        return new VisitList(visits.list(c.id(), max).stream().map(this::view).toList());
    }

    public JpegImage snapshot(@Header("id") String id) {
        Camera c = camera(id);
        byte[] jpeg = snapshots.jpeg(c.id()).orElseThrow(() -> new NotFoundException("id",
                "Camera " + c.id() + " has not analysed a frame yet"));
        return new JpegImage(jpeg, "no-store");
    }

    public UnknownFaceList listUnknown(@Header("limit") String limit, @Header("offset") String offset) {
        return new UnknownFaceList(unknown.list(Params.integer("limit", limit, 100, 1, 1000),
                Params.integer("offset", offset, 0, 0, Integer.MAX_VALUE)).stream().map(this::view).toList());
    }

    public JpegImage unknownSnapshot(@Header("id") String idText) {
        long id = Params.pathLong("id", idText);
        return new JpegImage(unknown.snapshot(id).orElseThrow(() -> new NotFoundException("id", "No unknown face " + id)),
                "private, max-age=3600");
    }

    public UnknownFaceAssigned assign(UnknownFaceAssignment asked, @Header("id") String idText) {
        long id = Params.pathLong("id", idText);
        UnknownFaces.Assignment a = unknown.assign(id, asked.personId(), Boolean.TRUE.equals(asked.force()));
        return new UnknownFaceAssigned(a.person().personId(), a.templates(), a.message());
    }

    public Done discard(@Header("id") String idText) {
        long id = Params.pathLong("id", idText);
        if (!unknown.discard(id)) {
            throw new NotFoundException("id", "No unknown face " + id);
        }
        return new Done("Unknown face " + id + " discarded");
    }

    private Camera camera(String id) {
        String given = Params.path("id", id);
        return cameras.find(given).orElseThrow(() -> new NotFoundException("id", "No camera '" + Texts.clip(given)
                + "'"));
    }

    private CameraView view(Camera.Status s, long visitsToday) {
        return new CameraView(s.id(), s.url(), s.direction().wire(), s.state().wire(), clock.format(s.stateSince()),
                s.analyzed(), s.dropped(), Math.round(s.analyzedFps() * 10) / 10.0, visitsToday, s.lastError(),
                clock.format(s.lastErrorAt()), clock.format(s.lastFrameAt()),
                "/api/v1/cameras/" + s.id() + "/snapshot");
    }

    private VisitView view(VisitRow v) {
        return new VisitView(v.id(), clock.format(v.startedAt()), clock.format(v.endedAt()), v.frames(), v.decision(),
                v.personId(), v.score() == null ? null : FaceApi.round(v.score()), v.reason(), v.action(),
                v.actionReason(), v.attendanceId(), v.latencyMs(), v.inViewMs());
    }

    private UnknownFaceView view(UnknownRow u) {
        return new UnknownFaceView(u.id(), u.cameraId(), clock.format(u.seenAt()), u.sizePx(),
                FaceApi.round(u.detectorScore()), u.views(),
                u.hasSnapshot() ? "/api/v1/unknown-faces/" + u.id() + "/snapshot" : null);
    }
}
