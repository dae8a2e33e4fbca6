package io.faceclock.api;

import io.faceclock.attendance.SiteClock;
import io.faceclock.recognition.FaceRegistry;
import io.faceclock.store.FaceStore.FaceRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;

/** /persons/{person_id}/faces: enrol from a photo, list, delete, and the aligned thumbnail. */
public final class FaceApi {

    private final FaceRegistry registry;
    private final SiteClock clock;

    public FaceApi(FaceRegistry registry, SiteClock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** One photo or several in one call; the answer says how many usable templates the person now has. */
    public void enrol(Exchange ex) {
        String personId = PersonApi.personIdFromPath(ex);
        ImageInput.Many in = ImageInput.many(ex);
        boolean force = "true".equalsIgnoreCase(in.field(ex, "force"));
        FaceRegistry.Enrolment e = registry.enrolAll(personId, in.images(), force);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", json(personId, e.enrolled().get(0)));
        body.put("faces", e.enrolled().stream().map(f -> json(personId, f)).toList());
        body.put("refused", e.refused().stream().map(r -> Map.of("photo", r.index() + 1, "error", r.reason())).toList());
        body.put("templates", e.templates());
        body.put("enough", e.enough());
        body.put("enough_templates", registry.enoughTemplates());
        String faces = e.enrolled().size() == 1 ? "Face " + e.enrolled().get(0).id()
                : e.enrolled().size() + " of " + in.images().size() + " photos";
        body.put("message", faces + " enrolled for " + personId + "; " + e.templates() + " usable template"
                + (e.templates() == 1 ? "" : "s") + (e.enough() ? ", enough"
                : ", enrol at least " + registry.enoughTemplates() + " for a reliable match"));
        Responses.created(ex, body);
    }

    public void list(Exchange ex) {
        String personId = PersonApi.personIdFromPath(ex);
        Responses.data(ex, registry.list(personId).stream().map(f -> json(personId, f)).toList());
    }

    public void delete(Exchange ex) {
        String personId = PersonApi.personIdFromPath(ex);
        long faceId = ApiRequest.of(ex).pathLong("face_id");
        registry.delete(personId, faceId);
        Responses.ok(ex, Map.of("message", "Face " + faceId + " of " + personId + " deleted"));
    }

    public void thumbnail(Exchange ex) {
        String personId = PersonApi.personIdFromPath(ex);
        byte[] jpeg = registry.thumbnail(personId, ApiRequest.of(ex).pathLong("face_id"));
        ex.getMessage().removeHeaders("*");
        ex.getMessage().setHeader(Exchange.CONTENT_TYPE, "image/jpeg");
        ex.getMessage().setHeader("Cache-Control", "private, max-age=3600");
        ex.getMessage().setBody(jpeg);
    }

    private Map<String, Object> json(String personId, FaceRecord f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("face_id", f.id());
        m.put("person_id", personId);
        m.put("created_at", clock.format(f.createdAt()));
        m.put("model", f.modelId());
        m.put("quality", Map.of("detector_score", round(f.detectorScore()), "size_px", f.sizePx(),
                "sharpness", round(f.sharpness()), "yaw", round(f.yaw())));
        m.put("thumbnail_url", f.hasThumbnail() ? "/api/v1/persons/" + personId + "/faces/" + f.id() + "/thumbnail"
                : null);
        return m;
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
