package io.faceclock.face;

import java.util.List;

/**
 * One face found by a detector: its box, five landmarks (right eye, left eye, nose tip, right and
 * left mouth corner; "right eye" is the one on the image's left) and the detector's score 0..1.
 */
public record Detection(Box box, List<Point> landmarks, double score) {

    public Detection {
        landmarks = List.copyOf(landmarks);
        if (landmarks.size() != 5) {
            throw new IllegalArgumentException("a detection needs 5 landmarks, got " + landmarks.size());
        }
    }
}
