package io.faceclock.camera;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import io.faceclock.face.AnalyzedFace;
import io.faceclock.face.Box;
import io.faceclock.face.FaceEngine;
import io.faceclock.face.Jpeg;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/** The route's first step: every face of a camera frame, found, aligned and embedded. */
public final class FaceFinder {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FaceFinder.class);

    private final Supplier<FaceEngine> engine;
    private final Snapshots snapshots;
    private final java.util.Set<String> warned = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** @param engine the face engine, or null while there is none (models missing) */
    public FaceFinder(Supplier<FaceEngine> engine, Snapshots snapshots) {
        this.engine = engine;
        this.snapshots = snapshots;
    }

    public SeenFrame find(CameraFrame frame) {
        if (frame.stopped()) {
            return new SeenFrame(frame.cameraId(), frame.direction(), frame.at(), frame.grabbedNanos(), true, List.of());
        }
        FaceEngine e = engine.get();
        if (e == null) {
            warnOnce(frame.cameraId());
            return new SeenFrame(frame.cameraId(), frame.direction(), frame.at(), frame.grabbedNanos(), false, List.of());
        }
        List<AnalyzedFace> faces = e.analyze(frame.image());
        List<SeenFace> seen = new ArrayList<>(faces.size());
        for (AnalyzedFace f : faces) {
            seen.add(new SeenFace(f, crop(frame.image(), f.box())));
        }
        snapshots.frame(frame.cameraId(), frame.image(), frame.at());
        return new SeenFrame(frame.cameraId(), frame.direction(), frame.at(), frame.grabbedNanos(), false, seen);
    }

    private void warnOnce(String cameraId) {
        if (warned.add(cameraId)) {
            LOG.warn("camera {}: the face engine is unavailable (see /observe/health); frames are not analysed", cameraId);
        }
    }

    /** The face and half its size again around it, at most 256 px wide. */
    static byte[] crop(Mat image, Box box) {
        int x0 = clamp((int) (box.x() - box.width() / 2), image.cols());
        int y0 = clamp((int) (box.y() - box.height() / 2), image.rows());
        int x1 = clamp((int) (box.x() + box.width() * 1.5), image.cols());
        int y1 = clamp((int) (box.y() + box.height() * 1.5), image.rows());
        if (x1 - x0 < 2 || y1 - y0 < 2) {
            return null;
        }
        try (Rect r = new Rect(x0, y0, x1 - x0, y1 - y0); Mat part = new Mat(image, r)) {
            if (part.cols() <= 256) {
                return Jpeg.encode(part, 90);
            }
            double k = 256.0 / part.cols();
            try (Mat small = new Mat(); Size size = new Size(256, (int) Math.round(part.rows() * k))) {
                resize(part, small, size, 0, 0, INTER_AREA);
                return Jpeg.encode(small, 90);
            }
        }
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }
}
