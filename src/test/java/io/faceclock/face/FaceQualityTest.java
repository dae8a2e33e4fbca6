package io.faceclock.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceclock.face.FaceException.Kind;
import java.util.List;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

class FaceQualityTest {

    @Test
    void theTemplateLandmarksLookFrontalAndAProfileDoesNot() {
        assertTrue(FaceQuality.yaw(EmbedderSpec.ARCFACE_112) < 0.05);
        List<Point> turned = List.of(new Point(40, 50), new Point(60, 50), new Point(63, 70),
                new Point(42, 90), new Point(58, 90));
        assertTrue(FaceQuality.yaw(turned) > QualitySettings.DEFAULT.maxYaw());
    }

    @Test
    void headRollDoesNotCountAsYaw() {
        double angle = Math.toRadians(30);
        List<Point> rolled = EmbedderSpec.ARCFACE_112.stream().map(p -> new Point(
                p.x() * Math.cos(angle) - p.y() * Math.sin(angle), p.x() * Math.sin(angle) + p.y() * Math.cos(angle))).toList();
        assertEquals(FaceQuality.yaw(EmbedderSpec.ARCFACE_112), FaceQuality.yaw(rolled), 1e-9);
    }

    @Test
    void theSimilarityTransformRecoversAKnownRotationScaleAndShift() {
        double a = 1.7 * Math.cos(0.4), b = 1.7 * Math.sin(0.4);
        List<Point> src = EmbedderSpec.ARCFACE_112;
        List<Point> dst = src.stream().map(p -> new Point(a * p.x() - b * p.y() + 12, b * p.x() + a * p.y() - 5)).toList();

        double[] m = FaceAligner.similarity(src, dst);

        double[] expected = {a, -b, 12, b, a, -5};
        for (int i = 0; i < 6; i++) {
            assertEquals(expected[i], m[i], 1e-9, "matrix entry " + i);
        }
    }

    @Test
    void aPoorFaceGetsEveryIssueInOrderWithItsMessage() {
        List<Point> turned = List.of(new Point(40, 50), new Point(60, 50), new Point(63, 70),
                new Point(42, 90), new Point(58, 90));
        Detection poor = new Detection(new Box(0, 0, 48.4, 60), turned, 0.5);
        try (Mat flat = new Mat(112, 112, opencv_core.CV_8UC3, new Scalar(90, 90, 90, 0))) {
            Quality q = new FaceQuality(QualitySettings.DEFAULT).assess(poor, flat);

            assertEquals(List.of(Kind.FACE_TOO_SMALL, Kind.LOW_SCORE, Kind.NOT_FRONTAL, Kind.TOO_BLURRY),
                    q.issues().stream().map(Quality.Issue::kind).toList());
            assertEquals(List.of("face too small: 48 px, need 80", "face not clear enough: detector score 0.50, need 0.85",
                    "face not frontal: look at the camera", "too blurry"),
                    q.issues().stream().map(Quality.Issue::message).toList());
            assertEquals(Kind.FACE_TOO_SMALL, q.toException().kind());
        }
    }

    @Test
    void aGoodFacePasses() {
        Detection good = new Detection(new Box(0, 0, 120, 140), EmbedderSpec.ARCFACE_112, 0.93);
        try (Mat checks = new Mat(112, 112, opencv_core.CV_8UC3); UByteIndexer px = checks.createIndexer()) {
            for (int y = 0; y < 112; y++) {
                for (int x = 0; x < 112; x++) {
                    for (int c = 0; c < 3; c++) {
                        px.put(y, x, c, (x / 2 + y / 2) % 2 * 200);
                    }
                }
            }
            Quality q = new FaceQuality(QualitySettings.DEFAULT).assess(good, checks);
            assertTrue(q.ok(), q.toString());
        }
    }
}
