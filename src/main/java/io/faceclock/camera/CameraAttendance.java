package io.faceclock.camera;

import io.faceclock.attendance.AttendanceService;
import io.faceclock.attendance.Punch;
import io.faceclock.attendance.PunchRules;
import io.faceclock.audit.AuditLog;
import io.faceclock.audit.LogLevel;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attendance policy for a recognised visit: the camera id is the punch's source (so
 * policy-by-source applies) and the camera's direction limits what it may punch.
 */
public final class CameraAttendance {

    private static final Logger LOG = LoggerFactory.getLogger(CameraAttendance.class);

    private final AttendanceService attendance;
    private final PunchRules rules;
    private final AuditLog audit;

    public CameraAttendance(AttendanceService attendance, PunchRules rules, AuditLog audit) {
        this.attendance = attendance;
        this.rules = rules;
        this.audit = audit;
    }

    public VisitDecision punch(VisitDecision d) {
        if (!d.isNewlyRecognized()) {
            return d;
        }
        String camera = d.visit().cameraId();
        Punch p;
        try {
            p = attendance.punch(d.personRef(), d.decidedAt(), camera, rules, d.visit().direction());
        } catch (RuntimeException e) {
            // Odoo's rules refusing the punch (an overlap someone typed in by hand) must not stop the camera
            LOG.warn("camera {}: no punch for {}: {}", camera, d.personId(), e.getMessage());
            p = new Punch("none", null, "refused", e.getMessage());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("person_id", d.personId());
        details.put("source", camera);
        details.put("score", Math.round(d.score() * 1000) / 1000.0);
        details.put("frames", d.frames());
        details.put("visit_id", d.visit().visitId());
        details.put("action", p.action());
        if (p.reason() != null) {
            details.put("reason", p.reason());
        }
        audit.write(AuditLog.ATTENDANCE, LogLevel.INFO, "Camera " + camera + ": " + p.message(), details);
        return d.withAction(p.action(), p.reason(), p.recorded() && p.attendance() != null ? p.attendance().id() : null);
    }
}
