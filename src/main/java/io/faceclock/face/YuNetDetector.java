package io.faceclock.face;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_dnn.blobFromImage;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * YuNet (face_detection_yunet_2023mar.onnx) on onnxruntime. The image is letterboxed into the fixed
 * 640x640 input (shrunk to fit if larger, padded right and bottom), so any image size works and boxes
 * scale straight back.
 */
public final class YuNetDetector implements FaceDetector {

    static final int INPUT = 640;
    private static final int[] STRIDES = {8, 16, 32};
    private static final int MAX_CANDIDATES = 5000;

    private final OrtSession session;
    private final double scoreThreshold;
    private final double nmsThreshold;

    public YuNetDetector(Path modelFile, int intraOpThreads, double scoreThreshold, double nmsThreshold) {
        this.session = OnnxSessions.open(modelFile, intraOpThreads);
        this.scoreThreshold = scoreThreshold;
        this.nmsThreshold = nmsThreshold;
    }

    @Override
    public List<Detection> detect(Mat bgr) {
        // never enlarge: YuNet scores big faces poorly (a 150x150 crop blown up to 640 loses some faces)
        double scale = Math.min(1.0, Math.min((double) INPUT / bgr.cols(), (double) INPUT / bgr.rows()));
        int width = Math.max(1, Math.min(INPUT, (int) Math.round(bgr.cols() * scale)));
        int height = Math.max(1, Math.min(INPUT, (int) Math.round(bgr.rows() * scale)));
        List<Candidate> candidates;
        try (Mat resized = new Mat(); Mat padded = new Mat(); Scalar black = new Scalar(0.0);
             Size size = new Size(width, height)) {
            resize(bgr, resized, size, 0, 0, INTER_LINEAR);
            copyMakeBorder(resized, padded, 0, INPUT - height, 0, INPUT - width, BORDER_CONSTANT, black);
            try (Mat blob = blobFromImage(padded)) { // NCHW float, BGR, 0..255: what YuNet wants
                candidates = run(blob.createBuffer());
            }
        }
        List<Detection> faces = new ArrayList<>();
        for (Candidate c : Nms.suppress(candidates, nmsThreshold)) {
            faces.add(c.toDetection(1.0 / scale));
        }
        return faces;
    }

    private List<Candidate> run(FloatBuffer input) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, input, new long[] {1, 3, INPUT, INPUT});
             OrtSession.Result out = session.run(Map.of("input", tensor))) {
            List<Candidate> candidates = new ArrayList<>();
            for (int stride : STRIDES) {
                decode(stride, floats(out, "cls_" + stride), floats(out, "obj_" + stride),
                        floats(out, "bbox_" + stride), floats(out, "kps_" + stride), candidates);
            }
            candidates.sort((a, b) -> Double.compare(b.score(), a.score()));
            return candidates.size() > MAX_CANDIDATES ? candidates.subList(0, MAX_CANDIDATES) : candidates;
        } catch (OrtException e) {
            throw new IllegalStateException("face detector failed: " + e.getMessage(), e);
        }
    }

    /** The decoding of OpenCV's FaceDetectorYN for this model: offsets per grid cell, times the stride. */
    private void decode(int stride, float[] cls, float[] obj, float[] bbox, float[] kps, List<Candidate> out) {
        int cols = INPUT / stride;
        for (int i = 0; i < cls.length; i++) {
            double score = Math.sqrt(clamp01(cls[i]) * clamp01(obj[i]));
            if (score < scoreThreshold) {
                continue;
            }
            int row = i / cols;
            int col = i % cols;
            double cx = (col + bbox[4 * i]) * stride;
            double cy = (row + bbox[4 * i + 1]) * stride;
            double w = Math.exp(bbox[4 * i + 2]) * stride;
            double h = Math.exp(bbox[4 * i + 3]) * stride;
            double[] landmarks = new double[10];
            for (int k = 0; k < 5; k++) {
                landmarks[2 * k] = (kps[10 * i + 2 * k] + col) * stride;
                landmarks[2 * k + 1] = (kps[10 * i + 2 * k + 1] + row) * stride;
            }
            out.add(new Candidate(cx - w / 2, cy - h / 2, w, h, landmarks, score));
        }
    }

    private static float[] floats(OrtSession.Result out, String name) throws OrtException {
        OnnxTensor tensor = (OnnxTensor) out.get(name)
                .orElseThrow(() -> new IllegalStateException("YuNet output " + name + " missing"));
        FloatBuffer buffer = tensor.getFloatBuffer();
        float[] values = new float[buffer.remaining()];
        buffer.get(values);
        return values;
    }

    private static double clamp01(float v) {
        return Math.min(1.0, Math.max(0.0, v));
    }

    @Override
    public void close() {
        OnnxSessions.close(session);
    }
}
