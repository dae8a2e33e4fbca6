package io.faceclock.camera;

import io.faceclock.audit.AuditLog;
import io.faceclock.audit.LogLevel;
import java.util.Map;

/** Camera outages in the audit log (category camera): when a stream is lost and when it is back. */
public final class CameraLog implements Cameras.Listener {

    public static final String CATEGORY = "camera";

    private final AuditLog audit;

    public CameraLog(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void lost(Camera camera, String why) {
        boolean gaveUp = camera.state() == CameraState.FAILED;
        audit.write(CATEGORY, gaveUp ? LogLevel.ERROR : LogLevel.WARNING, "Camera " + camera.id() + ": " + why
                + (gaveUp ? "; not retried (a file that cannot be played)" : "; reconnecting with back-off"),
                Map.of("camera", camera.id(), "url", camera.status().url(), "state", camera.state().wire()));
    }

    @Override
    public void recovered(Camera camera) {
        audit.write(CATEGORY, LogLevel.INFO, "Camera " + camera.id() + ": streaming again",
                Map.of("camera", camera.id()));
    }
}
