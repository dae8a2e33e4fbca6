package io.faceclock.face;

import java.net.URI;
import java.util.List;

/**
 * A model file the engine loads: its name in the models folder, the sha256 it must have, and the
 * upstream addresses it can be downloaded from (tried in order; the hash decides, not the host).
 */
public record ModelFile(String fileName, String sha256, List<URI> upstream) {

    public ModelFile {
        upstream = List.copyOf(upstream);
    }

    /** File name without extension plus the first 8 hex digits of the hash. */
    public String modelId() {
        int dot = fileName.lastIndexOf('.');
        return (dot > 0 ? fileName.substring(0, dot) : fileName) + "@" + sha256.substring(0, 8);
    }

    public static final ModelFile YUNET = new ModelFile(
            "face_detection_yunet_2023mar.onnx",
            "8f2383e4dd3cfbb4553ea8718107fc0423210dc964f9f4280604804ed2552fa4",
            List.of(
                    // pinned commit, stored as a plain file there
                    URI.create("https://raw.githubusercontent.com/ShiqiYu/libfacedetection.train/"
                            + "0047ac24afb1a50a0c6105001c89d1b5b805dbf1/onnx/yunet_s_640_640.onnx"),
                    // opencv_zoo keeps it in Git LFS, so raw.githubusercontent.com would give the pointer
                    URI.create("https://media.githubusercontent.com/media/opencv/opencv_zoo/main/"
                            + "models/face_detection_yunet/face_detection_yunet_2023mar.onnx")));

    public static final ModelFile MOBILEFACENET_128 = new ModelFile(
            "mobilefacenet_128.onnx",
            "b7120c095d60094f28a4a54ba6a8bf51b297a6273fb40ef6350dfec1f63d9507",
            List.of(URI.create("https://raw.githubusercontent.com/foamliu/MobileFaceNet/"
                    + "a6cc9032a659b615f477833e1a70b5e7931bcccc/weights/MobileFaceNet.onnx")));
}
