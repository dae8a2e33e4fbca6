package io.faceclock.camera;

import io.faceclock.audit.AuditLog;
import io.faceclock.audit.LogLevel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A camera route's failure, said as the camera and the step that failed: the camera's last_error,
 * the server log and the camera log. A failure that repeats at every frame (the database away) is
 * logged once a minute per camera, not five times a second.
 */
public final class CameraErrors {

    private static final Logger LOG = LoggerFactory.getLogger(CameraErrors.class);
    private static final Duration REPEAT = Duration.ofMinutes(1);
    /** The camera template's steps (routes/cameras.yaml), by the bean method that runs each. */
    private static final Map<String, String> STEPS = Map.of(
            FaceFinder.class.getName() + ".find", "finding faces",
            CameraTracker.class.getName() + ".track", "following faces",
            VisitVote.class.getName() + ".decide", "deciding a visit",
            CameraAttendance.class.getName() + ".punch", "punching the attendance",
            UnknownFaces.class.getName() + ".queue", "queueing an unknown face",
            CameraVisits.class.getName() + ".record", "recording a visit");

    private record Said(String text, Instant at) {
    }

    private final Cameras cameras;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, Said> said = new ConcurrentHashMap<>();

    public CameraErrors(Cameras cameras, AuditLog audit, Clock clock) {
        this.cameras = cameras;
        this.audit = audit;
        this.clock = clock;
    }

    /** The camera template's error handler: what failed in camera cameraId's route. */
    public void failed(String cameraId, Throwable failure) {
        String step = step(failure);
        String why = message(failure);
        String text = step + " failed: " + why;
        cameras.find(cameraId).ifPresent(c -> c.failed(text));
        Instant now = clock.instant();
        Said last = said.get(cameraId);
        if (last != null && last.text().equals(text) && Duration.between(last.at(), now).compareTo(REPEAT) < 0) {
            LOG.debug("camera {}: {}", cameraId, text);
            return;
        }
        said.put(cameraId, new Said(text, now));
        LOG.error("camera {}: {}", cameraId, text, failure);
        try {
            audit.write(CameraLog.CATEGORY, LogLevel.ERROR, "Camera " + cameraId + ": " + text,
                    Map.of("camera", cameraId, "step", step, "error", why));
        } catch (RuntimeException e) {
            // the audit log lives in the same database that may be what failed: the server log has it
            LOG.warn("camera {}: the failure could not be written to the audit log: {}", cameraId, e.getMessage());
        }
    }

    /** The template step whose bean threw, read off the stack (the innermost one of the steps). */
    static String step(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (StackTraceElement e : t.getStackTrace()) {
                String step = STEPS.get(e.getClassName() + "." + e.getMethodName());
                if (step != null) {
                    return step;
                }
            }
        }
        return "analysing a frame";
    }

    private static String message(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null
                || t instanceof org.apache.camel.RuntimeCamelException
                || t instanceof java.lang.reflect.InvocationTargetException)) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m.replace('\n', ' ').trim();
    }
}
