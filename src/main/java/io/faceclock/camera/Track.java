package io.faceclock.camera;

import io.faceclock.attendance.PunchDirection;
import io.faceclock.face.Box;
import io.faceclock.face.Vectors;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The tracker's running record of one face across frames. */
final class Track {

    final long id;
    final Instant startedAt;
    final long firstGrabbedNanos;
    Instant lastSeenAt;
    Box lastBox;
    int frames;
    VisitDecision settled;
    /** The face this frame added, null until the next one, and when its frame was grabbed. */
    SeenFace latest;
    long latestGrabbedNanos;
    final Tally tally = new Tally();
    private final float[] sum;
    private final List<View> best = new ArrayList<>();
    private final int keep;
    private final Duration spacing;

    /** A kept view, when its frame was seen, and its {@link SeenFace#goodness()} (worked out once). */
    private record View(SeenFace face, Instant at, double goodness) {
    }

    /**
     * @param keep    how many best views to keep
     * @param spacing how far apart in time kept views must be: neighbouring frames are nearly the same
     *                picture, and templates made of them match the person's other visits worse than
     *                views of different moments (docs/face-threshold.md, "Camera templates")
     */
    Track(long id, SeenFace first, Instant at, long grabbedNanos, int keep, Duration spacing) {
        this.id = id;
        this.startedAt = at;
        this.firstGrabbedNanos = grabbedNanos;
        this.keep = keep;
        this.spacing = spacing;
        this.sum = new float[first.face().embedding().length];
        add(first, at, grabbedNanos);
    }

    void add(SeenFace face, Instant at, long grabbedNanos) {
        lastSeenAt = at;
        latestGrabbedNanos = grabbedNanos;
        lastBox = face.box();
        latest = face;
        frames++;
        float[] e = face.face().embedding();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += e[i];
        }
        keepIfBest(new View(face, at, face.goodness()));
    }

    /**
     * Keeps the best views no two of which are closer than the spacing: a view replaces the kept ones
     * too close to it only when it is better than all of them. The best view of all is always kept.
     */
    private void keepIfBest(View view) {
        List<View> near = best.stream()
                .filter(v -> Duration.between(v.at(), view.at()).abs().compareTo(spacing) < 0).toList();
        if (near.stream().anyMatch(v -> v.goodness() >= view.goodness())) {
            return;
        }
        best.removeAll(near);
        best.add(view);
        best.sort(Comparator.comparingDouble(View::goodness).reversed());
        if (best.size() > keep) {
            best.remove(best.size() - 1);
        }
    }

    /** Cosine similarity of a face to this track's mean embedding. */
    double similarity(float[] embedding) {
        double norm = 0;
        for (float v : sum) {
            norm += v * v;
        }
        return norm == 0 ? 0 : Vectors.cosine(sum, embedding) / Math.sqrt(norm);
    }

    /** The visit as it stands; newFace says whether this frame added a face to it. */
    Visit visit(String cameraId, PunchDirection direction, boolean ended, boolean newFace) {
        return new Visit(cameraId, direction, id, startedAt, lastSeenAt, firstGrabbedNanos, frames,
                best.stream().map(View::face).toList(),
                newFace ? latest : null, latestGrabbedNanos, tally, ended, settled);
    }
}
