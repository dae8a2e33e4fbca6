package io.faceclock.face;

import java.util.ArrayList;
import java.util.List;

/** A raw detector box in network-input pixels, before NMS and scaling back to the image. */
record Candidate(double x, double y, double width, double height, double[] landmarks, double score) {

    double iou(Candidate o) {
        double ix = Math.max(0, Math.min(x + width, o.x + o.width) - Math.max(x, o.x));
        double iy = Math.max(0, Math.min(y + height, o.y + o.height) - Math.max(y, o.y));
        double inter = ix * iy;
        double union = width * height + o.width * o.height - inter;
        return union <= 0 ? 0 : inter / union;
    }

    Detection toDetection(double factor) {
        List<Point> points = new ArrayList<>(5);
        for (int k = 0; k < 5; k++) {
            points.add(new Point(landmarks[2 * k] * factor, landmarks[2 * k + 1] * factor));
        }
        return new Detection(new Box(x * factor, y * factor, width * factor, height * factor), points, score);
    }
}
