package io.faceclock.camera;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The route's tracking step: one {@link Tracker} per camera, turning frames of faces into visits. */
public final class CameraTracker {

    private final Map<String, Tracker> trackers = new ConcurrentHashMap<>();
    private final Tracker.Settings settings;
    private final Snapshots snapshots;

    public CameraTracker(Snapshots snapshots) {
        this(snapshots, Tracker.Settings.DEFAULT);
    }

    CameraTracker(Snapshots snapshots, Tracker.Settings settings) {
        this.snapshots = snapshots;
        this.settings = settings;
    }

    /** The visits that this frame began, continued or ended. */
    public List<Visit> track(SeenFrame frame) {
        Tracker t = trackers.computeIfAbsent(frame.cameraId(), id -> new Tracker(id, settings));
        List<Visit> changed = t.update(frame);
        if (!frame.stopped()) {
            snapshots.labels(frame.cameraId(), t.labels(frame.at()));
        }
        return changed;
    }

    /** A decision taken for a visit that is still in view holds until the visit ends. */
    public void settle(VisitDecision d) {
        Tracker t = trackers.get(d.visit().cameraId());
        if (t != null && !d.visit().ended()) {
            t.settle(d.visit().visitId(), d);
        }
    }
}
