package io.faceclock.camera;

import io.faceclock.attendance.PunchDirection;
import java.time.Instant;
import java.util.List;

/**
 * One person in a camera's view, from the first frame they appear in to the last, as the tracker
 * sees it now.
 *
 * @param best      the visit's best views so far (see {@link SeenFace#goodness()}), best first, no two
 *                  closer in time than the tracker's view spacing
 * @param latest    the face this frame added to the visit, or null (it ended, or was not in this frame)
 * @param latestGrabbedNanos System.nanoTime() when the latest face's frame was grabbed
 * @param tally     the decisions of its frames so far
 * @param ended     they have left the view (or the stream stopped)
 * @param settled   the decision already taken for this visit, or null while it is open to a vote
 */
public record Visit(String cameraId, PunchDirection direction, long visitId, Instant startedAt, Instant lastSeenAt,
                    long firstGrabbedNanos, int frames, List<SeenFace> best, SeenFace latest, long latestGrabbedNanos,
                    Tally tally,
                    boolean ended, VisitDecision settled) {

    public Visit {
        best = List.copyOf(best);
    }
}
