package io.faceclock.camera;

import io.faceclock.face.Box;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * Follows faces across one camera's frames, so that a person standing in view is one visit: a face
 * continues the track whose last box it overlaps (or is close to) and whose faces it resembles, or,
 * after a short gap (turned away, hidden), a track it resembles strongly.
 */
final class Tracker {

    /** How faces are joined into visits. */
    record Settings(Duration gap, double nearSimilarity, double bridgeSimilarity, int keepBest, Duration viewSpacing) {
        static final Settings DEFAULT = new Settings(Duration.ofMillis(1500), 0.3, 0.6, 6, Duration.ofSeconds(1));
    }

    private record Pair(Track track, SeenFace face, double score) {
    }

    private final String cameraId;
    private final Settings settings;
    private final List<Track> open = new ArrayList<>();
    private long nextId = 1;

    Tracker(String cameraId, Settings settings) {
        this.cameraId = cameraId;
        this.settings = settings;
    }

    /** The visits this frame changed: continued or new ones, and the ones that ended. */
    synchronized List<Visit> update(SeenFrame frame) {
        List<Visit> changed = new ArrayList<>();
        if (frame.stopped()) {
            for (Track t : open) {
                changed.add(t.visit(cameraId, frame.direction(), true, false));
            }
            open.clear();
            return changed;
        }
        List<Pair> pairs = new ArrayList<>();
        for (Track t : open) {
            long gapMillis = Duration.between(t.lastSeenAt, frame.at()).toMillis();
            for (SeenFace f : frame.faces()) {
                double sim = t.similarity(f.face().embedding());
                boolean near = iou(t.lastBox, f.box()) >= 0.2 || centreDistance(t.lastBox, f.box())
                        <= Math.max(t.lastBox.width(), f.box().width());
                if ((near && sim >= settings.nearSimilarity()) || (sim >= settings.bridgeSimilarity()
                        && gapMillis <= settings.gap().toMillis())) {
                    pairs.add(new Pair(t, f, sim + (near ? 1 : 0)));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::score).reversed());
        List<Track> used = new ArrayList<>();
        List<SeenFace> placed = new ArrayList<>();
        for (Pair p : pairs) {
            if (!used.contains(p.track()) && !placed.contains(p.face())) {
                p.track().add(p.face(), frame.at(), frame.grabbedNanos());
                used.add(p.track());
                placed.add(p.face());
                changed.add(p.track().visit(cameraId, frame.direction(), false, true));
            }
        }
        for (SeenFace f : frame.faces()) {
            if (!placed.contains(f)) {
                Track t = new Track(nextId++, f, frame.at(), frame.grabbedNanos(), settings.keepBest(), settings.viewSpacing());
                open.add(t);
                changed.add(t.visit(cameraId, frame.direction(), false, true));
            }
        }
        for (Iterator<Track> it = open.iterator(); it.hasNext(); ) {
            Track t = it.next();
            if (Duration.between(t.lastSeenAt, frame.at()).compareTo(settings.gap()) > 0) {
                it.remove();
                changed.add(t.visit(cameraId, frame.direction(), true, false));
            }
        }
        return changed;
    }

    /** Remembers the decision taken for a visit still in view, so it is taken once. */
    synchronized void settle(long visitId, VisitDecision decision) {
        for (Track t : open) {
            if (t.id == visitId) {
                t.settled = decision;
            }
        }
    }

    /** The open tracks' latest boxes with what is known of them, for the snapshot. */
    synchronized List<Snapshots.Label> labels(java.time.Instant at) {
        List<Snapshots.Label> labels = new ArrayList<>();
        for (Track t : open) {
            if (t.lastSeenAt.equals(at)) {
                VisitDecision d = t.settled;
                String text = d == null ? "..." : d.recognized() ? d.personName() : d.decision();
                labels.add(new Snapshots.Label(t.lastBox, text, d != null && d.recognized()));
            }
        }
        return labels;
    }

    static double iou(Box a, Box b) {
        double ix = Math.max(0, Math.min(a.x() + a.width(), b.x() + b.width()) - Math.max(a.x(), b.x()));
        double iy = Math.max(0, Math.min(a.y() + a.height(), b.y() + b.height()) - Math.max(a.y(), b.y()));
        double inter = ix * iy;
        double union = a.area() + b.area() - inter;
        return union <= 0 ? 0 : inter / union;
    }

    private static double centreDistance(Box a, Box b) {
        double dx = (a.x() + a.width() / 2) - (b.x() + b.width() / 2);
        double dy = (a.y() + a.height() / 2) - (b.y() + b.height() / 2);
        return Math.hypot(dx, dy);
    }
}
