package io.faceclock.camera;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The votes of one visit's frames so far: each frame is decided once, when it is seen. Belongs to
 * the visit's track; only the camera's own route thread touches it.
 */
final class Tally {

    private final Map<Long, List<FaceDecision>> named = new LinkedHashMap<>();
    private int unknown;
    private int ambiguous;
    private int undecided;
    private double bestUnknownScore;
    private String undecidedReason;
    private long firstJudgedNanos;
    private boolean judged;

    /** @param grabbedNanos when the face's frame was grabbed (System.nanoTime()) */
    synchronized void add(FaceDecision d, long grabbedNanos) {
        if (d.judged() && !judged) {
            judged = true;
            firstJudgedNanos = grabbedNanos;
        }
        switch (d.decision()) {
            case FaceDecision.RECOGNIZED -> named.computeIfAbsent(d.personRef(), k -> new ArrayList<>()).add(d);
            case FaceDecision.UNKNOWN -> {
                unknown++;
                bestUnknownScore = Math.max(bestUnknownScore, d.score());
            }
            case FaceDecision.AMBIGUOUS -> ambiguous++;
            default -> {
                undecided++;
                if (undecidedReason == null) {
                    undecidedReason = d.reason();
                }
            }
        }
    }

    synchronized Map<Long, List<FaceDecision>> named() {
        return Map.copyOf(named);
    }

    synchronized int unknown() {
        return unknown;
    }

    synchronized int ambiguous() {
        return ambiguous;
    }

    synchronized int undecided() {
        return undecided;
    }

    synchronized double bestUnknownScore() {
        return bestUnknownScore;
    }

    /** When the first frame the rule could judge was grabbed, or the fallback when none could be. */
    synchronized long firstJudgedNanos(long fallback) {
        return judged ? firstJudgedNanos : fallback;
    }

    synchronized String undecidedReason() {
        return undecidedReason;
    }
}
