package io.faceclock.face;

import java.util.List;

/**
 * One face in an analysed image.
 *
 * @param embedding unit-length, made by the model {@code modelId}; present even when quality is not ok
 * @param thumbnailJpeg the aligned crop as a small JPEG, or null when thumbnails are off
 */
public record AnalyzedFace(Box box, List<Point> landmarks, double score, Quality quality,
                           float[] embedding, String modelId, byte[] thumbnailJpeg) {

    public AnalyzedFace {
        landmarks = List.copyOf(landmarks);
    }
}
