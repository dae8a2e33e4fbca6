package io.faceclock.app;

import io.faceclock.api.CameraApi;
import io.faceclock.camera.CameraAttendance;
import io.faceclock.camera.CameraErrors;
import io.faceclock.camera.CameraHealth;
import io.faceclock.camera.CameraLog;
import io.faceclock.camera.CameraMetrics;
import io.faceclock.camera.CameraTracker;
import io.faceclock.camera.CameraVisits;
import io.faceclock.camera.Cameras;
import io.faceclock.camera.FaceDecider;
import io.faceclock.camera.FaceDecision;
import io.faceclock.camera.FaceFinder;
import io.faceclock.camera.Snapshots;
import io.faceclock.camera.UnknownFaces;
import io.faceclock.camera.VisitVote;
import io.faceclock.config.CameraSettings;
import io.faceclock.people.Person;
import io.faceclock.recognition.Decision;
import io.faceclock.store.CameraStore;
import io.faceclock.store.FaceStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.health.HealthCheck;

/**
 * The cameras' beans, named as routes/cameras.yaml and routes/api-cameras.yaml call them, made from
 * faceclock's own beans. The cameras themselves are templatedRoutes of the camera template.
 */
@Configuration
public final class CameraConfiguration implements CamelConfiguration {

    private final FaceclockConfiguration beans;
    private final CameraSettings settings;
    private final Map<String, Object> made = new HashMap<>();

    public CameraConfiguration(FaceclockConfiguration beans) {
        this.beans = beans;
        this.settings = CameraSettings.read(beans.settings().raw());
    }

    @BindToRegistry
    public Cameras cameras(CamelContext camel) {
        return once("cameras", () -> {
            Cameras c = new Cameras(beans.clock(), beans.node().id());
            c.addListener(cameraMetrics(camel));
            c.addListener(new CameraLog(beans.auditLog()));
            return c;
        });
    }

    @BindToRegistry
    public Snapshots cameraSnapshots() {
        return once("cameraSnapshots", Snapshots::new);
    }

    @BindToRegistry
    public FaceFinder cameraFaces() {
        return once("cameraFaces", () -> new FaceFinder(() -> beans.faceEngine().available()
                ? beans.faceEngine().require() : null, cameraSnapshots()));
    }

    @BindToRegistry
    public CameraTracker cameraTracker() {
        return once("cameraTracker", () -> new CameraTracker(cameraSnapshots()));
    }

    @BindToRegistry
    public VisitVote visitVote() {
        return once("visitVote", () -> new VisitVote(decider(), this::person, settings.agreeingFrames()));
    }

    @BindToRegistry
    public CameraAttendance cameraAttendance() {
        return once("cameraAttendance", () -> new CameraAttendance(beans.attendance(), beans.settings().attendance(),
                beans.auditLog()));
    }

    @BindToRegistry
    public CameraVisits cameraVisits(CamelContext camel) {
        return once("cameraVisits", () -> new CameraVisits(cameraStore(), cameraTracker(), cameraMetrics(camel)));
    }

    @BindToRegistry
    public UnknownFaces unknownFaces() {
        return once("unknownFaces", () -> new UnknownFaces(cameraStore(), beans.jdbc(), beans.personStore(),
                new FaceStore(beans.jdbc()), beans.faceRegistry().gallery(), decider(),
                beans.settings().faces().engine().thumbnails(), settings.unknownRetention(), 3, beans.auditLog(),
                beans.clock()));
    }

    @BindToRegistry
    public CameraErrors cameraErrors(CamelContext camel) {
        return once("cameraErrors", () -> new CameraErrors(cameras(camel), beans.auditLog(), beans.clock()));
    }

    @BindToRegistry
    public CameraApi cameraApi(CamelContext camel) {
        return once("cameraApi", () -> new CameraApi(cameras(camel), cameraVisits(camel), cameraSnapshots(),
                unknownFaces(), beans.siteClock()));
    }

    @BindToRegistry
    public HealthCheck cameraHealthCheck(CamelContext camel) {
        return once("cameraHealthCheck", () -> {
            CameraHealth check = new CameraHealth(cameras(camel), settings.stale(), beans.clock());
            check.setCamelContext(camel);
            return check;
        });
    }

    private CameraMetrics cameraMetrics(CamelContext camel) {
        return once("cameraMetrics", () -> new CameraMetrics(() -> camel.getRegistry()
                .findSingleByType(MeterRegistry.class)));
    }

    private CameraStore cameraStore() {
        return once("cameraStore", () -> new CameraStore(beans.jdbc()));
    }

    /** The recognition rule, one face at a time. */
    private FaceDecider decider() {
        return once("cameraDecider", () -> face -> decision(beans.recognizer().decide(face).decision(),
                beans.recognizer().rule().decidable(face.quality())));
    }

    /** From memory: a vote is taken at every frame of a visit. */
    private Optional<Person> person(long id) {
        return beans.faceRegistry().people().find(id);
    }

    /** The recognition rule's decision as the camera's vote counts it. */
    static FaceDecision decision(Decision d, boolean judged) {
        return new FaceDecision(d.verdict().wire(), d.personKey().orElse(-1L), d.best() == null ? 0 : d.best().score(),
                d.second() == null ? 0 : d.second().score(), d.faceSizePx(), d.recognized() ? null : d.reason(),
                judged);
    }

    @SuppressWarnings("unchecked")
    private synchronized <T> T once(String name, Supplier<T> make) {
        Object bean = made.get(name);
        if (bean == null) {
            bean = make.get();
            made.put(name, bean);
        }
        return (T) bean;
    }
}
