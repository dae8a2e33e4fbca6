package io.faceclock.camera;

import io.faceclock.people.Person;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Decides a visit by a vote of its frames under the recognition rule. Each frame's face is decided
 * once, as it is seen; frames the rule cannot decide (too small, turned, unclear) do not vote.
 * Recognised only when at least two frames name the same person and no frame names anyone else; a
 * visit still in view is recognised as soon as that holds. Otherwise it is decided when it ends:
 * unknown (a stranger seen well enough), ambiguous, or undecided (with the reason).
 */
public final class VisitVote {

    private final FaceDecider decider;
    private final LongFunction<Optional<Person>> persons;
    private final int agree;

    /** @param agree how many frames must name the same person (at least 2) */
    public VisitVote(FaceDecider decider, LongFunction<Optional<Person>> persons, int agree) {
        if (agree < 2) {
            throw new IllegalArgumentException("at least two frames must agree, got " + agree);
        }
        this.decider = decider;
        this.persons = persons;
        this.agree = agree;
    }

    public VisitDecision decide(Visit v) {
        if (v.settled() != null) {
            return v.ended() ? v.settled().closing(v) : VisitDecision.pending(v);
        }
        Tally t = v.tally();
        if (v.latest() != null) {
            t.add(decider.decide(v.latest().face()), v.latestGrabbedNanos());
        }
        Map<Long, List<FaceDecision>> named = t.named();
        if (named.size() == 1) {
            var entry = named.entrySet().iterator().next();
            List<FaceDecision> votes = entry.getValue();
            Optional<Person> who = votes.size() >= agree ? persons.apply(entry.getKey()) : Optional.empty();
            if (who.isPresent()) {
                double score = votes.stream().mapToDouble(FaceDecision::score).average().orElse(0);
                return decided(v, FaceDecision.RECOGNIZED, who.get(), score, votes.size(), null);
            }
        }
        if (!v.ended()) {
            return VisitDecision.pending(v);
        }
        if (named.size() > 1) {
            return decided(v, FaceDecision.AMBIGUOUS, null, 0, named.size(), "frames named " + named.size()
                    + " different people");
        }
        if (named.size() == 1) {
            return decided(v, FaceDecision.UNDECIDED, null, 0, 1, "only one frame matched someone; " + agree
                    + " must agree");
        }
        if (v.frames() < 2) {
            return decided(v, FaceDecision.UNDECIDED, null, 0, 1, "seen in one frame only");
        }
        if (t.unknown() + t.ambiguous() == 0) {
            return decided(v, FaceDecision.UNDECIDED, null, 0, t.undecided(),
                    t.undecidedReason() == null ? "no usable face" : t.undecidedReason());
        }
        if (t.ambiguous() > t.unknown()) {
            return decided(v, FaceDecision.AMBIGUOUS, null, 0, t.ambiguous(), "close to more than one person");
        }
        return decided(v, FaceDecision.UNKNOWN, null, t.bestUnknownScore(), t.unknown(), "matches nobody enrolled");
    }

    private static VisitDecision decided(Visit v, String decision, Person who, double score, int frames, String reason) {
        SeenFace best = v.best().isEmpty() ? null : v.best().get(0);
        return new VisitDecision(v, decision, who == null ? -1 : who.id(), who == null ? null : who.personId(),
                who == null ? null : who.name(), score, frames, reason, best, true, v.lastSeenAt(),
                v.tally().firstJudgedNanos(v.firstGrabbedNanos()), null, null, null);
    }
}
