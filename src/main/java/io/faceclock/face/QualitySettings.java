package io.faceclock.face;

/**
 * Thresholds a face must meet to be enrolled or matched.
 *
 * <p>Defaults, measured on the shared labelled photos (55 photos; see docs/face-threshold.md):
 * <ul>
 * <li>minFacePx 80: the smallest face box there is 104 px wide (the bbt 150x150 crops give 116-136 px
 *     boxes, since the detector runs them unscaled), so 80 accepts them all; smaller faces make a
 *     112x112 crop that is mostly interpolation.</li>
 * <li>minScore 0.85: real faces score 0.91-0.95; a painting behind one subject scores 0.71.</li>
 * <li>minSharpness 80: the photos measure 245 or more; a Gaussian blur of sigma 3 brings a bbt crop
 *     to 37-47, sigma 4 brings a 243 px face to 64.</li>
 * <li>maxYaw 0.9: the most turned photo (bbt/stuart5, about 40 degrees) measures 0.85; a profile
 *     goes beyond 1.</li>
 * </ul>
 *
 * @param minFacePx    smallest face box width in original-image pixels
 * @param minScore     smallest detector score (0..1)
 * @param minSharpness smallest variance of the Laplacian of the inner aligned grey crop (eyes to mouth)
 * @param maxYaw       largest yaw proxy: 0 when the nose lies midway between the eyes along the eye
 *                     line, 1 when it lies level with one eye (a profile view goes beyond 1)
 */
public record QualitySettings(int minFacePx, double minScore, double minSharpness, double maxYaw) {

    public static final QualitySettings DEFAULT = new QualitySettings(80, 0.85, 80.0, 0.9);
}
