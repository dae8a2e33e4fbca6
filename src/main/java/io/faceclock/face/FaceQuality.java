package io.faceclock.face;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.meanStdDev;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.Laplacian;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import io.faceclock.face.FaceException.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/** Judges a detected face against {@link QualitySettings}. Thread-safe. */
public final class FaceQuality {

    private final QualitySettings settings;

    public FaceQuality(QualitySettings settings) {
        this.settings = settings;
    }

    /** Issues come in order of how much a person can do about them: size, score, pose, blur. */
    public Quality assess(Detection face, Mat alignedBgr) {
        int size = (int) Math.round(face.box().width());
        double sharpness = sharpness(alignedBgr);
        double yaw = yaw(face.landmarks());
        List<Quality.Issue> issues = new ArrayList<>();
        if (size < settings.minFacePx()) {
            issues.add(new Quality.Issue(Kind.FACE_TOO_SMALL,
                    "face too small: " + size + " px, need " + settings.minFacePx()));
        }
        if (face.score() < settings.minScore()) {
            issues.add(new Quality.Issue(Kind.LOW_SCORE, String.format(Locale.ROOT,
                    "face not clear enough: detector score %.2f, need %.2f", face.score(), settings.minScore())));
        }
        if (yaw > settings.maxYaw()) {
            issues.add(new Quality.Issue(Kind.NOT_FRONTAL, "face not frontal: look at the camera"));
        }
        if (sharpness < settings.minSharpness()) {
            issues.add(new Quality.Issue(Kind.TOO_BLURRY, "too blurry"));
        }
        return new Quality(size, face.score(), sharpness, yaw, issues);
    }

    /**
     * Only the inner face (eyes to mouth) counts: the crop's corners may lie outside the photo, and
     * the edge of that black fill would look sharp however blurred the face is.
     */
    static double sharpness(Mat alignedBgr) {
        double k = alignedBgr.cols() / 112.0;
        try (Rect inner = new Rect((int) (28 * k), (int) (36 * k), (int) (56 * k), (int) (66 * k));
             Mat face = new Mat(alignedBgr, inner); Mat grey = new Mat(); Mat laplacian = new Mat();
             Mat mean = new Mat(); Mat std = new Mat()) {
            cvtColor(face, grey, COLOR_BGR2GRAY);
            Laplacian(grey, laplacian, CV_64F);
            meanStdDev(laplacian, mean, std);
            try (DoubleIndexer idx = std.createIndexer()) {
                double s = idx.get(0);
                return s * s;
            }
        }
    }

    /**
     * Where the nose tip falls between the eyes, measured along the eye line so head roll does not
     * count: 0 midway, 1 level with an eye.
     */
    static double yaw(List<Point> landmarks) {
        Point right = landmarks.get(0), left = landmarks.get(1), nose = landmarks.get(2);
        double ex = left.x() - right.x(), ey = left.y() - right.y();
        double eyes2 = ex * ex + ey * ey;
        if (eyes2 == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double t = ((nose.x() - right.x()) * ex + (nose.y() - right.y()) * ey) / eyes2;
        return Math.abs(2 * t - 1);
    }
}
