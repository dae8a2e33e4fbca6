package io.faceclock.face;

import org.bytedeco.opencv.opencv_core.Mat;

/** Turns an aligned face crop into an L2-normalised embedding. Implementations are thread-safe. */
public interface Embedder extends AutoCloseable {

    /** What the model expects and produces, including the alignment template. */
    EmbedderSpec spec();

    /** Identifies the model that made an embedding, e.g. {@code mobilefacenet_128@b7120c09}. */
    String modelId();

    /** @param alignedBgr a crop of {@code spec().inputSize()} square pixels, BGR 8-bit */
    float[] embed(Mat alignedBgr);

    @Override
    void close();
}
