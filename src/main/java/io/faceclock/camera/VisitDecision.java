package io.faceclock.camera;

import java.time.Instant;

/**
 * What a visit came to, and what was done about it.
 *
 * @param decision   recognized, unknown, ambiguous, undecided, or pending while the visit is open and
 *                   not yet decided
 * @param fresh      taken just now: the attendance and the unknown-faces queue act on it; false for a
 *                   visit decided earlier that has now ended (only its end is recorded)
 * @param frames     how many frames voted for the decision
 * @param best       the best view of the face (snapshot for an unknown visit)
 * @param judgedNanos  System.nanoTime() when the visit's first frame the rule could judge was grabbed (its
 *                     first frame when none could be): decision latency counts from there
 * @param action     check_in, check_out or none (null until the attendance step)
 * @param actionReason why nothing was recorded (too_soon, inactive, direction, not_recognized…)
 */
public record VisitDecision(Visit visit, String decision, long personRef, String personId, String personName,
                            double score, int frames, String reason, SeenFace best, boolean fresh, Instant decidedAt,
                            long judgedNanos, String action, String actionReason, Long attendanceId) {

    public static final String PENDING = "pending";

    static VisitDecision pending(Visit v) {
        return new VisitDecision(v, PENDING, -1, null, null, 0, 0, null, null, false, null, 0, null, null, null);
    }

    public boolean isPending() {
        return PENDING.equals(decision);
    }

    public boolean recognized() {
        return FaceDecision.RECOGNIZED.equals(decision);
    }

    /** Just recognised: the attendance policy decides what to punch. */
    public boolean isNewlyRecognized() {
        return fresh && recognized();
    }

    /** Just ended as a stranger seen well enough: its best view goes to the unknown-faces queue. */
    public boolean isNewlyUnknown() {
        return fresh && FaceDecision.UNKNOWN.equals(decision);
    }

    /** The same decision for the visit as it is now (it ended), acted on already. */
    VisitDecision closing(Visit now) {
        return new VisitDecision(now, decision, personRef, personId, personName, score, frames, reason, best, false,
                decidedAt, judgedNanos, action, actionReason, attendanceId);
    }

    public VisitDecision withAction(String action, String actionReason, Long attendanceId) {
        return new VisitDecision(visit, decision, personRef, personId, personName, score, frames, reason, best, fresh,
                decidedAt, judgedNanos, action, actionReason, attendanceId);
    }
}
