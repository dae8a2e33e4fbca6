package io.faceclock.face;

import java.util.List;

/**
 * How to feed an embedding model: a square input of {@code inputSize} pixels, channel order,
 * {@code (x - mean) / std} per channel value, NCHW float32; the size of its output; and the five
 * landmark positions (in a 112x112 crop, scaled to inputSize) the face is aligned to.
 */
public record EmbedderSpec(ModelFile model, String inputName, int inputSize, boolean rgb,
                           double mean, double std, int dimensions, List<Point> template) {

    public EmbedderSpec {
        template = List.copyOf(template);
        if (template.size() != 5) {
            throw new IllegalArgumentException("alignment template needs 5 points");
        }
    }

    /** The standard ArcFace 112x112 template, shared by MobileFaceNet and OpenCV's SFace. */
    public static final List<Point> ARCFACE_112 = List.of(
            new Point(38.2946, 51.6963), new Point(73.5318, 51.5014), new Point(56.0252, 71.7366),
            new Point(41.5493, 92.3655), new Point(70.7299, 92.2041));

    public static final EmbedderSpec MOBILEFACENET_128 = new EmbedderSpec(
            ModelFile.MOBILEFACENET_128, "input0", 112, true, 127.5, 128.0, 128, ARCFACE_112);

    public String modelId() {
        return model.modelId();
    }
}
