package io.faceclock.face;

/**
 * How a person's templates make one score for a query. Measured on the shared photos and the asl
 * webcam frames (docs/face-threshold.md): the mean of the best two lowers the strangers' highest
 * scores more than the genuine ones, because one lucky template no longer decides alone.
 */
public enum PersonScoring {
    /** The person's single most similar template. */
    BEST,
    /** The mean of the two most similar templates; the one template of a person who has only one. */
    BEST_TWO,
    /** The mean over all the person's templates. */
    MEAN;

    /** The score of a person whose templates have these similarities to the query (at least one). */
    public double score(double[] similarities) {
        double best = Double.NEGATIVE_INFINITY, second = Double.NEGATIVE_INFINITY, sum = 0;
        for (double s : similarities) {
            sum += s;
            if (s > best) {
                second = best;
                best = s;
            } else if (s > second) {
                second = s;
            }
        }
        return score((float) best, (float) second, (float) sum, similarities.length);
    }

    double score(float best, float second, float sum, int templates) {
        return switch (this) {
            case BEST -> best;
            case BEST_TWO -> templates < 2 ? best : (best + (double) second) / 2;
            case MEAN -> sum / (double) templates;
        };
    }
}
