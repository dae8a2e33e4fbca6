package io.faceclock.face;

import java.nio.file.Path;

/**
 * Everything {@link FaceEngine#open(FaceSettings)} needs.
 *
 * @param modelsDir              folder holding the detector and embedder files
 * @param intraOpThreads         onnxruntime threads per inference (each model has one shared session)
 * @param detectorScoreThreshold detector candidates below this score are not faces at all (default 0.75;
 *                               OpenCV's sample uses 0.9, real faces in the shared photos score 0.91+)
 * @param nmsThreshold           IoU above which the weaker of two overlapping boxes is dropped
 * @param thumbnails             whether {@link FaceEngine#analyze(byte[])} returns the aligned crop as JPEG
 */
public record FaceSettings(Path modelsDir, int intraOpThreads, double detectorScoreThreshold,
                           double nmsThreshold, ImageLimits limits, QualitySettings quality,
                           boolean thumbnails, ModelFile detectorModel, EmbedderSpec embedder) {

    public static FaceSettings defaults(Path modelsDir) {
        return new FaceSettings(modelsDir, 2, 0.75, 0.3, ImageLimits.DEFAULT, QualitySettings.DEFAULT,
                true, ModelFile.YUNET, EmbedderSpec.MOBILEFACENET_128);
    }

    public FaceSettings withIntraOpThreads(int threads) {
        return new FaceSettings(modelsDir, threads, detectorScoreThreshold, nmsThreshold, limits, quality,
                thumbnails, detectorModel, embedder);
    }

    public FaceSettings withLimits(ImageLimits newLimits) {
        return new FaceSettings(modelsDir, intraOpThreads, detectorScoreThreshold, nmsThreshold, newLimits,
                quality, thumbnails, detectorModel, embedder);
    }

    public FaceSettings withQuality(QualitySettings newQuality) {
        return new FaceSettings(modelsDir, intraOpThreads, detectorScoreThreshold, nmsThreshold, limits,
                newQuality, thumbnails, detectorModel, embedder);
    }

    public FaceSettings withThumbnails(boolean on) {
        return new FaceSettings(modelsDir, intraOpThreads, detectorScoreThreshold, nmsThreshold, limits,
                quality, on, detectorModel, embedder);
    }
}
