package io.faceclock.camera;

import io.faceclock.attendance.PunchDirection;
import java.time.Instant;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One frame handed to a camera's route. The image belongs to the consumer, which releases it once
 * the route is done: keep a clone, never the Mat itself.
 *
 * @param at          when the frame was seen: the wall clock for live streams, the file's own clock
 *                    (from when it was opened) for video files
 * @param grabbedNanos System.nanoTime() when it was grabbed, to measure decision latency
 */
public record CameraFrame(String cameraId, PunchDirection direction, long seq, Instant at, long grabbedNanos, Mat image) {

    /** Not a frame: the stream stopped (ended, broke), so nobody is in view any more. */
    public static CameraFrame streamStopped(String cameraId, PunchDirection direction, long seq, Instant at) {
        return new CameraFrame(cameraId, direction, seq, at, System.nanoTime(), null);
    }

    public boolean stopped() {
        return image == null;
    }

    void release() {
        if (image != null) {
            image.close();
        }
    }
}
