package io.faceclock.face;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_dnn.blobFromImage;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/** Any single-input, single-output ONNX embedding model described by an {@link EmbedderSpec}. */
public final class OnnxEmbedder implements Embedder {

    private final EmbedderSpec spec;
    private final OrtSession session;

    public OnnxEmbedder(Path modelFile, EmbedderSpec spec, int intraOpThreads) {
        this.spec = spec;
        this.session = OnnxSessions.open(modelFile, intraOpThreads);
    }

    @Override
    public EmbedderSpec spec() {
        return spec;
    }

    @Override
    public String modelId() {
        return spec.modelId();
    }

    @Override
    public float[] embed(Mat alignedBgr) {
        int n = spec.inputSize();
        double m = spec.mean();
        try (Scalar mean = new Scalar(m, m, m, 0); Size size = new Size(n, n);
             Mat blob = blobFromImage(alignedBgr, 1.0 / spec.std(), size, mean, spec.rgb(), false, CV_32F)) {
            FloatBuffer input = blob.createBuffer();
            try (OnnxTensor tensor = OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), input,
                    new long[] {1, 3, n, n});
                 OrtSession.Result out = session.run(Map.of(spec.inputName(), tensor))) {
                FloatBuffer output = ((OnnxTensor) out.get(0)).getFloatBuffer();
                if (output.remaining() != spec.dimensions()) {
                    throw new IllegalStateException("embedder " + modelId() + " gave " + output.remaining()
                            + " values, spec says " + spec.dimensions());
                }
                float[] embedding = new float[spec.dimensions()];
                output.get(embedding);
                return Vectors.normalize(embedding);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("face embedder failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        OnnxSessions.close(session);
    }
}
