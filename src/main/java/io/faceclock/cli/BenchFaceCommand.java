package io.faceclock.cli;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import io.faceclock.config.RecognitionSettings;
import io.faceclock.face.Detection;
import io.faceclock.face.FaceEngine;
import io.faceclock.face.FaceGallery;
import io.faceclock.face.PersonScoring;
import io.faceclock.face.Jpeg;
import io.faceclock.face.Template;
import io.faceclock.face.Vectors;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench-face", mixinStandardHelpOptions = true,
        description = {"Time the face pipeline on a 1280x720 JPEG with one face, and 1:N search.",
                "It times the engine your settings describe (faceclock.face.*: another embedder, the threads),"
                        + " read as the service reads them."})
public class BenchFaceCommand implements Callable<Integer> {

    static final String DEFAULT_PHOTO = "faces/facerec/obama/examples_obama.jpg";

    @Option(names = "--models", description = "models folder (default: faceclock.models.dir: $FACECLOCK_MODELS_DIR, else ./models)")
    Path models;

    @Mixin
    SettingsOptions options = new SettingsOptions();

    @Option(names = "--image", description = "photo with one face, placed on a 1280x720 canvas "
            + "(default: the folder of system property faceclock.shared, " + DEFAULT_PHOTO + ")")
    Path image;

    @Option(names = "--iterations", description = "timed runs per stage (default: ${DEFAULT-VALUE})")
    int iterations = 100;

    @Option(names = "--gallery-sizes", split = ",", description = "template counts for search (default: 1000,10000,100000)")
    int[] gallerySizes = {1000, 10_000, 100_000};

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        byte[] frame = canvasJpeg(Files.readAllBytes(photo()));
        RecognitionSettings configured;
        try {
            configured = options.faces(models);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        }
        try (FaceEngine engine = FaceEngine.open(configured.engine())) {
            out.printf(Locale.ROOT, "embedder %s; image 1280x720 JPEG, %d bytes; %d runs after %d warm-up; threads %d%n",
                    engine.modelId(), frame.length, iterations, warmUp(), engine.settings().intraOpThreads());
            report(out, "decode", time(() -> engine.decoder().decode(frame).close()));
            try (Mat bgr = engine.decoder().decode(frame)) {
                List<Detection> faces = engine.detector().detect(bgr);
                if (faces.size() != 1) {
                    spec.commandLine().getErr().println("expected one face in the bench image, found " + faces.size());
                    return 1;
                }
                report(out, "detect", time(() -> engine.detector().detect(bgr)));
                report(out, "align+embed", time(() -> {
                    try (Mat aligned = engine.aligner().align(bgr, faces.get(0).landmarks())) {
                        engine.embedder().embed(aligned);
                    }
                }));
            }
            report(out, "end-to-end", time(() -> engine.analyze(frame)));
            benchGallery(out, engine.modelId(), engine.embedder().spec().dimensions(), configured.rule().scoring());
        }
        out.flush();
        return 0;
    }

    private void benchGallery(PrintWriter out, String modelId, int dims, PersonScoring scoring) {
        Random random = new Random(42);
        for (int size : gallerySizes) {
            FaceGallery gallery = new FaceGallery(modelId, dims);
            for (int i = 0; i < size; i++) {
                gallery.add(new Template(i, i / 3, modelId, randomUnit(random, dims)));
            }
            float[][] queries = new float[iterations + warmUp()][];
            Arrays.setAll(queries, i -> randomUnit(random, dims));
            int[] next = {0};
            // as recognition searches: every person scored from all their templates, the best 11 kept
            report(out, String.format(Locale.ROOT, "search %,d", size),
                    time(() -> gallery.score(queries[next[0]++], 11, scoring)));
        }
        out.printf(Locale.ROOT, "memory 100,000 templates: %.1f MB%n", galleryMegabytes(modelId, dims, random));
    }

    private static double galleryMegabytes(String modelId, int dims, Random random) {
        Runtime rt = Runtime.getRuntime();
        long before = usedAfterGc(rt);
        FaceGallery gallery = new FaceGallery(modelId, dims);
        float[] v = new float[dims];
        for (int i = 0; i < 100_000; i++) {
            for (int k = 0; k < dims; k++) {
                v[k] = (float) random.nextGaussian();
            }
            gallery.add(new Template(i, i / 3, modelId, v));
        }
        long after = usedAfterGc(rt);
        if (gallery.size() != 100_000) {
            throw new IllegalStateException("gallery lost templates");
        }
        return (after - before) / 1e6;
    }

    private static long usedAfterGc(Runtime rt) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static float[] randomUnit(Random random, int dims) {
        float[] v = new float[dims];
        for (int k = 0; k < dims; k++) {
            v[k] = (float) random.nextGaussian();
        }
        return Vectors.normalize(v);
    }

    private int warmUp() {
        return Math.max(2, iterations / 10);
    }

    private double[] time(Runnable stage) {
        for (int i = 0; i < warmUp(); i++) {
            stage.run();
        }
        double[] ms = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            stage.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static void report(PrintWriter out, String what, double[] sortedMs) {
        out.printf(Locale.ROOT, "%-18s median %7.3f ms   p90 %7.3f ms%n", what,
                sortedMs[sortedMs.length / 2], sortedMs[(int) Math.ceil(sortedMs.length * 0.9) - 1]);
    }

    private Path photo() {
        if (image != null) {
            return image;
        }
        String shared = System.getProperty("faceclock.shared");
        if (shared == null || !Files.isDirectory(Path.of(shared))) {
            throw new IllegalArgumentException("no --image given and system property faceclock.shared ("
                    + shared + ") is not a folder holding " + DEFAULT_PHOTO);
        }
        return Path.of(shared).resolve(DEFAULT_PHOTO);
    }

    /** The photo scaled to 400 px high, centred on a grey 1280x720 canvas, as a quality-90 JPEG. */
    static byte[] canvasJpeg(byte[] photoBytes) {
        try (BytePointer data = new BytePointer(photoBytes); Mat raw = new Mat(data);
             Mat photo = imdecode(raw, IMREAD_COLOR);
             Mat small = new Mat();
             Scalar grey = new Scalar(128, 128, 128, 0);
             Mat canvas = new Mat(720, 1280, CV_8UC3, grey)) {
            int height = Math.min(400, photo.rows());
            int width = (int) Math.round(photo.cols() * (double) height / photo.rows());
            try (Size size = new Size(width, height)) {
                resize(photo, small, size, 0, 0, INTER_AREA);
            }
            try (Rect where = new Rect((1280 - width) / 2, (720 - height) / 2, width, height);
                 Mat roi = new Mat(canvas, where)) {
                small.copyTo(roi);
            }
            return Jpeg.encode(canvas, 90);
        }
    }
}
