package io.faceclock.camera;

import io.faceclock.store.CameraStore;
import io.faceclock.store.CameraStore.VisitRow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The route's last step: keeps each decided visit (and, later, when it ended), and counts it. */
public final class CameraVisits {

    private final CameraStore store;
    private final CameraTracker tracker;
    private final CameraMetrics metrics;
    /** Rows of visits decided while still in view, by camera and visit, until they end. */
    private final Map<String, Long> open = new ConcurrentHashMap<>();

    public CameraVisits(CameraStore store, CameraTracker tracker, CameraMetrics metrics) {
        this.store = store;
        this.tracker = tracker;
        this.metrics = metrics;
    }

    public VisitDecision record(VisitDecision d) {
        Visit v = d.visit();
        String key = v.cameraId() + "/" + v.visitId();
        if (!d.fresh()) {
            Long row = open.remove(key);
            if (row != null) {
                store.endVisit(row, v.lastSeenAt(), v.frames());
            }
            return d;
        }
        // measured here, after the attendance step: what a person at the door waits for
        long now = System.nanoTime();
        long latency = now - d.judgedNanos();
        long inView = now - v.firstGrabbedNanos();
        String action = d.action() == null ? "none" : d.action();
        String actionReason = d.action() == null ? (d.recognized() ? null : "not_recognized") : d.actionReason();
        long row = store.insertVisit(new VisitRow(0, v.cameraId(), v.startedAt(), v.ended() ? v.lastSeenAt() : null,
                v.frames(), d.decision(), d.personId(), d.recognized() ? d.score() : null, d.reason(), action,
                actionReason, d.attendanceId(), latency / 1_000_000, inView / 1_000_000), d.recognized() ? d.personRef() : null);
        if (!v.ended()) {
            open.put(key, row);
            tracker.settle(d);
        }
        metrics.decided(v.cameraId(), d.decision(), latency);
        return d;
    }

    public List<VisitRow> list(String cameraId, int limit) {
        return store.visits(cameraId, limit);
    }

    public long since(String cameraId, Instant from) {
        return store.visitsSince(cameraId, from);
    }
}
