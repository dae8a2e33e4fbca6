package io.faceclock.camera;

import java.util.Locale;

/** Where a camera's stream stands. */
public enum CameraState {
    /** Opening the stream for the first time. */
    CONNECTING,
    /** Frames are arriving. */
    STREAMING,
    /** The stream broke or could not be opened; trying again with back-off. */
    RECONNECTING,
    /** A video file played to its end (without loop). */
    ENDED,
    /** A video file that cannot be played (missing, not video); retrying would not help. */
    FAILED,
    /** The camera's route is stopped. */
    STOPPED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
