package io.faceclock.recognition;

import io.faceclock.face.FaceException.Kind;
import io.faceclock.face.PersonScore;
import io.faceclock.face.PersonScoring;
import io.faceclock.face.Quality;
import io.faceclock.recognition.Decision.Verdict;
import java.util.List;
import java.util.Locale;

/**
 * The one open-set decision rule, used by /recognize, /verify, /attendance/mark and the cameras.
 *
 * <p>A face is compared with people, not templates: each enrolled person gets one score from all their
 * templates ({@link #scoring}). The best person is recognised only when their score reaches the
 * threshold <em>and</em> leads the runner-up by the margin; a lead too small is {@code ambiguous},
 * never a guess. Small faces embed worse (a 50 px face is mostly interpolation at 112 px), so faces
 * narrower than {@link #smallFacePx} need the higher small-face threshold and margin: below the
 * ordinary threshold such a face is {@code unknown}, between the two it is {@code undecided} (it may be
 * them, too far away to be sure). Faces narrower than {@link #minFacePx}, turned or unclear ones are
 * {@code undecided} too, always with the reason.
 * The defaults are measured: see docs/face-threshold.md.
 *
 * @param threshold          score a face of at least {@code smallFacePx} needs
 * @param margin             lead over the runner-up such a face needs
 * @param smallFacePx        faces narrower than this are "small"
 * @param smallFaceThreshold score a small face needs
 * @param smallFaceMargin    lead a small face needs
 * @param minFacePx          faces narrower than this are not decided at all
 * @param scoring            how a person's templates make one score
 */
public record RecognitionRule(double threshold, double margin, int smallFacePx, double smallFaceThreshold,
                              double smallFaceMargin, int minFacePx, PersonScoring scoring) {

    public static final RecognitionRule DEFAULT = new RecognitionRule(0.45, 0.08, 80, 0.65, 0.10, 48,
            PersonScoring.BEST_TWO);

    public RecognitionRule {
        if (minFacePx > smallFacePx) {
            throw new IllegalArgumentException("the smallest decided face (" + minFacePx
                    + " px) must not be larger than the small-face size (" + smallFacePx + " px)");
        }
        if (smallFaceThreshold < threshold || smallFaceMargin < margin) {
            throw new IllegalArgumentException("small faces must need at least the threshold and margin of large ones");
        }
    }

    /**
     * Decides who a face is.
     *
     * @param quality the face's measured quality (its size, detector score, pose, sharpness)
     * @param ranked  the candidate persons scored with {@link #scoring}, best first (only people who may
     *                be recognised: inactive ones left out); may be empty
     */
    public Decision decide(Quality quality, List<PersonScore> ranked) {
        PersonScore best = ranked.isEmpty() ? null : ranked.get(0);
        PersonScore second = ranked.size() < 2 ? null : ranked.get(1);
        return decide(quality, best, second);
    }

    /**
     * Decides whether a face is one claimed person (1:1): as {@link #decide(Quality, List)} with the
     * claimed person as the best and the best other person as the runner-up, so a face that someone
     * else matches as well is {@code ambiguous}, not a yes.
     */
    public Decision verify(Quality quality, PersonScore claimed, PersonScore bestOther) {
        return decide(quality, claimed, bestOther);
    }

    private Decision decide(Quality quality, PersonScore best, PersonScore second) {
        int size = quality.sizePx();
        boolean small = size < smallFacePx;
        double needScore = small ? smallFaceThreshold : threshold;
        double needMargin = small ? smallFaceMargin : margin;
        double lead = best == null ? Double.NaN : second == null ? best.score() : best.score() - second.score();
        String why = undecidable(quality, small);
        if (why != null) {
            return new Decision(Verdict.UNDECIDED, best, second, lead, size, needScore, needMargin, why);
        }
        if (best == null) {
            return new Decision(Verdict.UNKNOWN, null, null, lead, size, needScore, needMargin, "nobody is enrolled");
        }
        if (best.score() < threshold) {
            return new Decision(Verdict.UNKNOWN, best, second, lead, size, needScore, needMargin,
                    f("best score %.3f is below %.2f: not anyone enrolled", best.score(), threshold));
        }
        if (best.score() < needScore) {
            // enough for a large face: it may well be them, too far away to be sure
            return new Decision(Verdict.UNDECIDED, best, second, lead, size, needScore, needMargin,
                    f("face too small to be sure (%d px, score %.3f, needs %.2f): come closer", size, best.score(),
                            needScore));
        }
        if (second != null && lead < needMargin) {
            return new Decision(Verdict.AMBIGUOUS, best, second, lead, size, needScore, needMargin,
                    f("two people score close (%.3f and %.3f; need %.2f apart): not a safe match",
                            best.score(), second.score(), needMargin));
        }
        return new Decision(Verdict.RECOGNIZED, best, second, lead, size, needScore, needMargin,
                f("score %.3f reaches %.2f and leads the next person by %s", best.score(), needScore,
                        second == null ? "all (nobody else enrolled)" : f("%.3f", lead)));
    }

    /** Whether the rule would decide this face at all (not undecided for its size, pose or clarity). */
    public boolean decidable(Quality quality) {
        return undecidable(quality, quality.sizePx() < smallFacePx) == null;
    }

    /** Whether a face of this size needs the small-face threshold and margin. */
    public boolean small(int faceSizePx) {
        return faceSizePx < smallFacePx;
    }

    /** Why a face cannot be decided safely, or null. */
    private String undecidable(Quality quality, boolean small) {
        if (quality.sizePx() < minFacePx) {
            return "face too small for a safe match (" + quality.sizePx() + " px): come closer";
        }
        for (Quality.Issue issue : quality.issues()) {
            // size is judged above; blur only on large faces, as an upscaled small crop always measures soft
            if (issue.kind() == Kind.FACE_TOO_SMALL || (small && issue.kind() == Kind.TOO_BLURRY)) {
                continue;
            }
            return issue.message();
        }
        return null;
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
