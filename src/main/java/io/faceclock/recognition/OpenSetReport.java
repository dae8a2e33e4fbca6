package io.faceclock.recognition;

import java.util.List;
import java.util.Map;

/**
 * What {@link OpenSetEvaluation} measured, per set and over all sets.
 *
 * @param split      all, calibration or report
 * @param rule       the decision rule measured
 * @param people     enrolled people (gallery size)
 * @param sets       per set (bbt, facerec, asl, crowd...), in the order first seen, then "all"
 * @param suggested  the defaults the written procedure derives from this run (docs/face-threshold.md)
 */
public record OpenSetReport(String split, RecognitionRule rule, int people, Map<String, SetResult> sets,
                            Suggested suggested) {

    /**
     * One set's numbers.
     *
     * @param matedProbes     searches by enrolled people (their own person in the gallery)
     * @param noFace          photos or frames where no face was found (not searched)
     * @param undecided       mated probes the rule would not decide (too small, turned, unclear)
     * @param recognized      mated probes recognised as themselves
     * @param misidentified   mated probes recognised as somebody else (must stay 0)
     * @param ambiguous       mated probes answered ambiguous
     * @param unknown         mated probes answered unknown (false rejects)
     * @param rank1Correct    decided mated probes whose best-scoring person is themselves
     * @param strangerSearches searches by people not in the gallery: true strangers, and every enrolled
     *                        person's probe once more with their own person left out
     * @param strangerAccepted of those, recognised as somebody (false accepts)
     * @param strangerAmbiguous of those, answered ambiguous
     * @param strangerUndecided of those, not decided
     * @param worstStrangerLarge highest best score of a decided stranger search with a face of at least small-face-px (NaN: none)
     * @param worstStrangerSmall the same for smaller faces
     * @param lowestMatedLarge  lowest own-person score of a decided mated probe with a large face
     * @param lowestMatedSmall  the same for small faces
     * @param examples       the first few false accepts and misidentifications, for a person to look at
     */
    public record SetResult(int matedProbes, int noFace, int undecided, int recognized, int misidentified,
                            int ambiguous, int unknown, int rank1Correct, int strangerSearches, int strangerAccepted,
                            int strangerAmbiguous, int strangerUndecided, double worstStrangerLarge,
                            double worstStrangerSmall, double lowestMatedLarge, double lowestMatedSmall,
                            List<String> examples) {

        public int decided() {
            return matedProbes - undecided;
        }

        /** Decided mated probes not recognised as themselves, over decided mated probes. */
        public double frr() {
            return ratio(decided() - recognized, decided());
        }

        public double rank1() {
            return ratio(rank1Correct, decided());
        }

        public double undecidedRate() {
            return ratio(undecided, matedProbes);
        }

        public double ambiguousRate() {
            return ratio(ambiguous, matedProbes);
        }

        /** Stranger searches recognised as somebody, over all stranger searches. */
        public double strangerFar() {
            return ratio(strangerAccepted, strangerSearches);
        }

        public double strangerUndecidedRate() {
            return ratio(strangerUndecided, strangerSearches);
        }

        private static double ratio(int a, int b) {
            return b == 0 ? Double.NaN : (double) a / b;
        }
    }

    /**
     * Defaults from the procedure: each threshold is the worst stranger score seen for that face size
     * plus the safety margin, rounded up to 0.01.
     */
    public record Suggested(double safety, double threshold, double smallFaceThreshold) {
    }
}
