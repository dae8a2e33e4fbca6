package io.faceclock.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
}
