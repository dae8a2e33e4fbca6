package io.faceclock.camera;

import io.faceclock.attendance.PunchDirection;
import java.time.Instant;
import java.util.List;

/** The faces found in one camera frame (none when the stream stopped). */
public record SeenFrame(String cameraId, PunchDirection direction, Instant at, long grabbedNanos, boolean stopped,
                        List<SeenFace> faces) {

    public SeenFrame {
        faces = List.copyOf(faces);
    }
}
