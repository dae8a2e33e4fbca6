package io.faceclock.face;

/**
 * Thresholds a face must meet to be enrolled or matched.
 *
 * <p>Defaults, measured on the shared labelled photos (55 photos; see docs/face-threshold.md):
 * the smallest face box there is 104 px wide (the bbt 150x150 crops give 116-136 px boxes), so 80 px
 * accepts them all and still leaves the 112x112 crop mostly real detail; their detector scores are
 * 0.91-0.95, while a painted background in one photo scores 0.71, hence 0.85; their sharpness is at
 * least 185 and a face blurred with sigma 3 drops below 40, hence 80; their yaw proxy reaches 0.85 on a
 * face turned about 40 degrees (bbt/stuart5), hence 0.9, which still refuses profiles.
 *
 * @param minFacePx    smallest face box width in original-image pixels
 * @param minScore     smallest detector score (0..1)
 * @param minSharpness smallest variance of the Laplacian of the aligned grey crop
 * @param maxYaw       largest yaw proxy: 0 when the nose lies midway between the eyes along the eye
 *                     line, 1 when it lies level with one eye (a profile view goes beyond 1)
 */
public record QualitySettings(int minFacePx, double minScore, double minSharpness, double maxYaw) {

    public static final QualitySettings DEFAULT = new QualitySettings(80, 0.85, 80.0, 0.9);
}
