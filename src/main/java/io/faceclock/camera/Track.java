package io.faceclock.camera;

import io.faceclock.attendance.PunchDirection;
import io.faceclock.face.Box;
import io.faceclock.face.Vectors;
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
    private final List<SeenFace> best = new ArrayList<>();
    private final int keep;

    Track(long id, SeenFace first, Instant at, long grabbedNanos, int keep) {
        this.id = id;
        this.startedAt = at;
        this.firstGrabbedNanos = grabbedNanos;
        this.keep = keep;
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
        best.add(face);
        best.sort(Comparator.comparingDouble(SeenFace::goodness).reversed());
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
        return new Visit(cameraId, direction, id, startedAt, lastSeenAt, firstGrabbedNanos, frames, best,
                newFace ? latest : null, latestGrabbedNanos, tally, ended, settled);
    }
}
