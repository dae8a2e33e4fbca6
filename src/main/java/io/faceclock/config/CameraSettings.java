package io.faceclock.config;

import java.time.Duration;

/**
 * The faceclock.cameras.* settings (the cameras themselves are templatedRoutes, see cameras.yaml).
 *
 * @param stale          a camera without a frame this long shows in health
 * @param agreeingFrames frames of one visit that must name the same person
 * @param unknownRetention how long an unknown face stays in the queue
 */
public record CameraSettings(Duration stale, int agreeingFrames, Duration unknownRetention) {

    public static CameraSettings read(Settings s) {
        int agreeing = s.integer("faceclock.cameras.agreeing-frames");
        if (agreeing < 2) {
            throw new IllegalArgumentException("Setting faceclock.cameras.agreeing-frames must be at least 2, got "
                    + agreeing);
        }
        return new CameraSettings(s.seconds("faceclock.cameras.stale-seconds"), agreeing,
                Duration.ofDays(s.integer("faceclock.cameras.unknown-retention-days")));
    }
}
