package io.faceclock.api;

import io.faceclock.api.dto.Done;
import io.faceclock.api.dto.FaceEnrolled;
import io.faceclock.api.dto.FaceList;
import io.faceclock.api.dto.FaceView;
import io.faceclock.api.dto.JpegImage;
import io.faceclock.attendance.SiteClock;
import io.faceclock.recognition.FaceRegistry;
import io.faceclock.store.FaceStore.FaceRecord;
import org.apache.camel.Header;

/** /persons/{person_id}/faces: enrol from a photo, list, delete, and the aligned thumbnail. */
public final class FaceApi {

    private final FaceRegistry registry;
    private final SiteClock clock;

    public FaceApi(FaceRegistry registry, SiteClock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** One photo or several in one call; the answer says how many usable templates the person now has. */
    public FaceEnrolled enrol(ImageInput.Many in, @Header("person_id") String personIdParam,
                              @Header("force") String forceParam) {
        String personId = PersonApi.pathPersonId(personIdParam);
        boolean force = "true".equalsIgnoreCase(in.field("force", forceParam));
        FaceRegistry.Enrolment e = registry.enrolAll(personId, in.images(), force);
        String faces = e.enrolled().size() == 1 ? "Face " + e.enrolled().get(0).id()
                : e.enrolled().size() + " of " + in.images().size() + " photos";
        String message = faces + " enrolled for " + personId + "; " + e.templates() + " usable template"
                + (e.templates() == 1 ? "" : "s") + (e.enough() ? ", enough"
                : ", enrol at least " + registry.enoughTemplates() + " for a reliable match");
        return new FaceEnrolled(e.enrolled().stream().map(f -> view(personId, f)).toList(),
                e.refused().stream().map(r -> new FaceEnrolled.Refused(r.index() + 1, r.reason())).toList(),
                e.templates(), e.enough(), registry.enoughTemplates(), message);
    }

    public FaceList list(@Header("person_id") String personIdParam) {
        String personId = PersonApi.pathPersonId(personIdParam);
        return new FaceList(registry.list(personId).stream().map(f -> view(personId, f)).toList());
    }

    public Done delete(@Header("person_id") String personIdParam, @Header("face_id") String faceIdText) {
        String personId = PersonApi.pathPersonId(personIdParam);
        long faceId = Params.pathLong("face_id", faceIdText);
        registry.delete(personId, faceId);
        return new Done("Face " + faceId + " of " + personId + " deleted");
    }

    public JpegImage thumbnail(@Header("person_id") String personIdParam, @Header("face_id") String faceIdText) {
        String personId = PersonApi.pathPersonId(personIdParam);
        return new JpegImage(registry.thumbnail(personId, Params.pathLong("face_id", faceIdText)),
                "private, max-age=3600");
    }

    private FaceView view(String personId, FaceRecord f) {
        return new FaceView(f.id(), personId, clock.format(f.createdAt()), f.modelId(),
                new FaceView.Quality(round(f.detectorScore()), f.sizePx(), round(f.sharpness()), round(f.yaw())),
                f.hasThumbnail() ? "/api/v1/persons/" + personId + "/faces/" + f.id() + "/thumbnail" : null);
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
