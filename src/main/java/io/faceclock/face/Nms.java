package io.faceclock.face;

import java.util.ArrayList;
import java.util.List;

/** Greedy non-maximum suppression. */
final class Nms {

    private Nms() {
    }

    /** @param sorted candidates by descending score */
    static List<Candidate> suppress(List<Candidate> sorted, double iouThreshold) {
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : sorted) {
            boolean overlaps = false;
            for (Candidate k : kept) {
                if (c.iou(k) > iouThreshold) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) {
                kept.add(c);
            }
        }
        return kept;
    }
}
