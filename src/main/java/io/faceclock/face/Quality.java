package io.faceclock.face;

import java.util.List;

/**
 * How usable a face is: its measurements and the problems found (none means usable).
 *
 * @param sizePx    face box width in original-image pixels
 * @param score     detector score
 * @param sharpness variance of the Laplacian of the inner aligned grey crop (eyes to mouth)
 * @param yaw       0 for a frontal face, about 1 when the nose is level with an eye
 */
public record Quality(int sizePx, double score, double sharpness, double yaw, List<Issue> issues) {

    /** One reason a face is not usable, with the message shown to a person. */
    public record Issue(FaceException.Kind kind, String message) {
    }

    public Quality {
        issues = List.copyOf(issues);
    }

    public boolean ok() {
        return issues.isEmpty();
    }

    public FaceException toException() {
        if (ok()) {
            throw new IllegalStateException("the face is usable");
        }
        return new FaceException(issues.get(0).kind(), issues.get(0).message());
    }
}
