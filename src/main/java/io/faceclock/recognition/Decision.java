package io.faceclock.recognition;

import io.faceclock.face.PersonScore;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@link RecognitionRule} concluded about one face, with the numbers that led to it.
 *
 * @param verdict        the class of the decision
 * @param best           the best-scoring enrolled person, or null when nobody is enrolled (or the face was not scored)
 * @param second         the runner-up, or null when there is none
 * @param margin         best score minus the runner-up's (the best score itself when there is no runner-up), NaN without a best
 * @param faceSizePx     the face box's width in image pixels
 * @param requiredScore  the score this face needed (it depends on the face's size)
 * @param requiredMargin the lead over the runner-up this face needed
 * @param reason         one sentence for a person, e.g. "face too small for a safe match (46 px): come closer"
 */
public record Decision(Verdict verdict, PersonScore best, PersonScore second, double margin, int faceSizePx,
                       double requiredScore, double requiredMargin, String reason) {

    /** The four classes of an open-set decision. Only {@link #RECOGNIZED} names somebody. */
    public enum Verdict {
        /** The best person clears the threshold and leads the runner-up by the margin. */
        RECOGNIZED,
        /** Nobody clears the threshold: a stranger, or someone not enrolled. */
        UNKNOWN,
        /** Someone clears the threshold but another person scores too close: never a guess. */
        AMBIGUOUS,
        /** The face is too small, turned or unclear to decide safely; the reason says what to do. */
        UNDECIDED;

        /** How the API and the audit log spell it: recognized, unknown, ambiguous, undecided. */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public boolean recognized() {
        return verdict == Verdict.RECOGNIZED;
    }

    /** The recognised person's key, only for {@link Verdict#RECOGNIZED}. */
    public Optional<Long> personKey() {
        return recognized() ? Optional.of(best.personKey()) : Optional.empty();
    }

    /** The best score, or NaN when nobody was scored. */
    public double bestScore() {
        return best == null ? Double.NaN : best.score();
    }
}
