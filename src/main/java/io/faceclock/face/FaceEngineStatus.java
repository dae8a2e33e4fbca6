package io.faceclock.face;

/** Whether the face engine can run, and if not, why (for health checks). */
public record FaceEngineStatus(boolean up, String reason) {

    public static FaceEngineStatus ok() {
        return new FaceEngineStatus(true, "ok");
    }

    public static FaceEngineStatus unavailable(String why) {
        return new FaceEngineStatus(false, "face engine unavailable: " + why);
    }
}
