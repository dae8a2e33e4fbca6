package io.faceclock.camera;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Per-camera metrics on /observe/metrics: frames analysed and dropped, analysed fps, visits by
 * decision and the decision latency (from the first frame in which the face could be judged to the
 * visit's decision, attendance included).
 */
public final class CameraMetrics implements Cameras.Listener {

    private final Supplier<MeterRegistry> registry;

    /** @param registry Camel's meter registry, looked up when first needed (it exists once Camel runs) */
    public CameraMetrics(Supplier<MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public void started(Camera c) {
        MeterRegistry r = registry.get();
        if (r == null) {
            return;
        }
        Gauge.builder("faceclock_camera_frames_analyzed", c, Camera::analyzedCount).tag("camera", c.id())
                .description("Frames analysed").register(r);
        Gauge.builder("faceclock_camera_frames_dropped", c, Camera::droppedCount).tag("camera", c.id())
                .description("Frames dropped because analysis was busy (latest frame wins)").register(r);
        Gauge.builder("faceclock_camera_analyzed_fps", c, Camera::analyzedFps).tag("camera", c.id())
                .description("Frames analysed per second over the last 10 s").register(r);
        Gauge.builder("faceclock_camera_streaming", c, x -> x.state() == CameraState.STREAMING ? 1 : 0)
                .tag("camera", c.id()).description("1 while frames arrive").register(r);
    }

    @Override
    public void stopped(Camera c) {
        MeterRegistry r = registry.get();
        if (r != null) {
            r.getMeters().stream().filter(m -> m.getId().getName().startsWith("faceclock_camera_")
                    && c.id().equals(m.getId().getTag("camera"))).toList().forEach(r::remove);
        }
    }

    void decided(String camera, String decision, long latencyNanos) {
        MeterRegistry r = registry.get();
        if (r == null) {
            return;
        }
        Counter.builder("faceclock_camera_visits").tag("camera", camera).tag("decision", decision)
                .description("Visits by decision").register(r).increment();
        Timer.builder("faceclock_camera_decision_latency").tag("camera", camera)
                .description("From the first frame in which the face could be judged to the visit's decision").publishPercentiles(0.5, 0.9)
                .register(r).record(Duration.ofNanos(Math.max(0, latencyNanos)));
    }
}
