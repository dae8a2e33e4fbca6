package io.faceclock.face;

import io.faceclock.face.FaceException.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The face pipeline: decode, detect, align, judge quality, embed. One instance serves every thread;
 * open it once, close it at shutdown.
 */
public final class FaceEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FaceEngine.class);

    private final FaceSettings settings;
    private final ImageDecoder decoder;
    private final FaceDetector detector;
    private final FaceAligner aligner;
    private final FaceQuality quality;
    private final Embedder embedder;

    private FaceEngine(FaceSettings settings, FaceDetector detector, Embedder embedder) {
        this.settings = settings;
        this.decoder = new ImageDecoder(settings.limits());
        this.detector = detector;
        this.aligner = new FaceAligner(embedder.spec());
        this.quality = new FaceQuality(settings.quality());
        this.embedder = embedder;
    }

    /** @throws FaceEngineUnavailableException when a model file is missing or not the expected one */
    public static FaceEngine open(FaceSettings settings) {
        if (!"1".equals(System.getenv("ORT_DISABLE_TELEMETRY"))) {
            // logged first because the crash it can cause kills the JVM without a word
            LOG.warn("ORT_DISABLE_TELEMETRY=1 is not set: onnxruntime 1.29 telemetry is on; it sends usage data"
                    + " and can crash the JVM while starting (microsoft/onnxruntime#32173)");
        }
        var detectorFile = FaceModels.require(settings.modelsDir(), settings.detectorModel());
        var embedderFile = FaceModels.require(settings.modelsDir(), settings.embedder().model());
        FaceDetector detector = new YuNetDetector(detectorFile, settings.intraOpThreads(),
                settings.detectorScoreThreshold(), settings.nmsThreshold());
        try {
            FaceEngine engine = new FaceEngine(settings, detector,
                    new OnnxEmbedder(embedderFile, settings.embedder(), settings.intraOpThreads()));
            LOG.info("face engine up: models {} (embedder {}), {} onnxruntime threads per model",
                    settings.modelsDir(), engine.modelId(), settings.intraOpThreads());
            return engine;
        } catch (RuntimeException e) {
            detector.close();
            throw e;
        }
    }

    /** For health: whether {@link #open} would find correct model files (hashes them; loads nothing). */
    public static FaceEngineStatus check(FaceSettings settings) {
        return FaceModels.verify(settings.modelsDir(), List.of(settings.detectorModel(), settings.embedder().model()));
    }

    /** Every face in the image, largest first. */
    public List<AnalyzedFace> analyze(byte[] image) {
        try (Mat bgr = decoder.decode(image)) {
            return analyze(bgr);
        }
    }

    /** Every face in a BGR 8-bit 3-channel image (e.g. a camera frame), largest first. */
    public List<AnalyzedFace> analyze(Mat bgr) {
        List<Detection> detections = new ArrayList<>(detector.detect(bgr));
        detections.sort(Comparator.comparingDouble((Detection d) -> d.box().area()).reversed());
        List<AnalyzedFace> faces = new ArrayList<>(detections.size());
        for (Detection d : detections) {
            try (Mat aligned = aligner.align(bgr, d.landmarks())) {
                Quality q = quality.assess(d, aligned);
                float[] embedding = embedder.embed(aligned);
                byte[] thumbnail = settings.thumbnails() ? Jpeg.encode(aligned, 85) : null;
                faces.add(new AnalyzedFace(d.box(), d.landmarks(), d.score(), q, embedding, embedder.modelId(), thumbnail));
            }
        }
        return faces;
    }

    /**
     * The one usable face of an enrolment or check-in photo.
     *
     * @throws FaceException NO_FACE, MULTIPLE_FACES when more than one face is usable, or the quality
     *                       problem of the largest face when none is usable
     */
    public AnalyzedFace embedSingle(byte[] image) {
        List<AnalyzedFace> faces = analyze(image);
        if (faces.isEmpty()) {
            throw new FaceException(Kind.NO_FACE, "no face found");
        }
        List<AnalyzedFace> usable = faces.stream().filter(f -> f.quality().ok()).toList();
        if (usable.size() > 1) {
            throw new FaceException(Kind.MULTIPLE_FACES, usable.size() + " faces found");
        }
        if (usable.isEmpty()) {
            throw faces.get(0).quality().toException();
        }
        return usable.get(0);
    }

    public String modelId() {
        return embedder.modelId();
    }

    public FaceSettings settings() {
        return settings;
    }

    public ImageDecoder decoder() {
        return decoder;
    }

    public FaceDetector detector() {
        return detector;
    }

    public FaceAligner aligner() {
        return aligner;
    }

    public Embedder embedder() {
        return embedder;
    }

    @Override
    public void close() {
        try {
            detector.close();
        } finally {
            embedder.close();
        }
    }
}
