package io.faceclock.camera;

import io.faceclock.observe.FaceclockHealthCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Cameras in /observe/health: a camera that has had no frame for the stale time is named with
 * since when. Cameras are not essential: one dark camera does not make faceclock unhealthy.
 */
public final class CameraHealth extends FaceclockHealthCheck {

    private final Cameras cameras;
    private final Duration stale;
    private final Clock clock;

    public CameraHealth(Cameras cameras, Duration stale, Clock clock) {
        super("cameras", false);
        this.cameras = cameras;
        this.stale = stale;
        this.clock = clock;
    }

    @Override
    protected void check(HealthCheckResultBuilder builder) {
        Instant now = clock.instant();
        Map<String, Object> silent = new LinkedHashMap<>();
        int count = 0;
        for (Camera c : cameras.all()) {
            count++;
            if (c.state() == CameraState.ENDED) {
                continue;
            }
            Instant last = c.lastFrameOrStart();
            if (Duration.between(last, now).compareTo(stale) > 0) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("state", c.state().wire());
                m.put("no_frame_since", last.toString());
                Camera.Status s = c.status();
                if (s.lastError() != null) {
                    m.put("last_error", s.lastError());
                }
                silent.put(c.id(), m);
            }
        }
        builder.detail("cameras", count);
        if (silent.isEmpty()) {
            builder.up();
        } else {
            builder.down().message(silent.size() + " camera(s) without a frame for more than " + stale.toSeconds()
                    + " s").detail("silent", silent);
        }
    }
}
