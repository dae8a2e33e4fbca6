package io.faceclock.face;

import java.util.List;

/**
 * What {@link FaceEvaluation} measured on a labelled photo set.
 *
 * @param facesFound      photos in which at least one face was detected
 * @param usableFaces     photos whose largest face passed the quality checks
 * @param auc             ROC AUC of the pair similarities (same person scored above different)
 * @param far             different-person pairs at or above the threshold / all such pairs
 * @param frr             same-person pairs below the threshold / all such pairs
 * @param rank1           share of photos whose most similar other photo shows the same person
 * @param zeroFarThreshold smallest threshold, at 0.01 resolution, at which no different-person pair is accepted
 * @param frrAtZeroFar    the FRR at that threshold
 */
public record EvaluationReport(int photos, int facesFound, int usableFaces, int people,
                               Stats samePerson, Stats differentPerson, double auc,
                               double threshold, double far, double frr, double rank1,
                               double zeroFarThreshold, double frrAtZeroFar, double msPerPhoto,
                               List<String> noFace, List<String> rank1Errors) {

    /** Similarities of a kind of pair. */
    public record Stats(int pairs, double mean, double min, double max) {

        static Stats of(List<Double> values) {
            return new Stats(values.size(),
                    values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN),
                    values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                    values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
        }
    }
}
