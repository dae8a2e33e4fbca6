package io.faceclock.camera;

import io.faceclock.face.AnalyzedFace;
import io.faceclock.face.Box;

/**
 * A face in one camera frame.
 *
 * @param snapshotJpeg the face with some of its surroundings, for the unknown-faces queue
 */
public record SeenFace(AnalyzedFace face, byte[] snapshotJpeg) {

    public Box box() {
        return face.box();
    }

    /** How good a view this is, to pick a visit's best frames: bigger, surer, sharper, more frontal. */
    public double goodness() {
        var q = face.quality();
        double sharp = Math.min(1.0, Math.log1p(q.sharpness()) / Math.log1p(200));
        double frontal = Math.max(0, 1 - Math.min(1, q.yaw()));
        return q.sizePx() * q.score() * (0.5 + 0.5 * sharp) * (0.25 + 0.75 * frontal);
    }
}
