package io.faceclock.face;

import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceclock.face.FaceException.Kind;
import io.faceclock.recognition.Decision;
import io.faceclock.recognition.RecognitionRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class FaceEngineTest {

    static final String OBAMA = "facerec/obama/examples_obama.jpg";
    static final String OBAMA_2 = "facerec/obama/examples_obama2.jpg";
    static final String BIDEN = "facerec/biden/examples_biden.jpg";
    static final RecognitionRule RULE = RecognitionRule.DEFAULT;

    static FaceEngine engine;

    @BeforeAll
    static void open() {
        engine = FaceEngine.open(Shared.settings());
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void everySharedPhotoYieldsOneUsableFace() {
        List<Executable> checks = new ArrayList<>();
        for (LabelledPhoto photo : LabelledPhoto.read(Shared.labels())) {
            checks.add(() -> {
                AnalyzedFace face = engine.embedSingle(java.nio.file.Files.readAllBytes(photo.path()));
                assertEquals(128, face.embedding().length, photo.path().toString());
                assertEquals(1.0, norm(face.embedding()), 1e-4);
            });
        }
        assertTrue(checks.size() >= 50, "labels list the shared photos");
        assertAll(checks);
    }

    @Test
    void aPersonEnrolledFromOnePhotoIsRecognisedInAnother() {
        FaceGallery gallery = new FaceGallery(engine.modelId(), 128);
        gallery.add(template(1, 100, OBAMA));
        gallery.add(template(2, 200, BIDEN));
        gallery.add(template(3, 300, "facerec/rose_leslie/examples_knn_examples_train_rose_leslie_img1.jpg"));

        AnalyzedFace obama2 = engine.embedSingle(Shared.photo(OBAMA_2));
        Decision d = RULE.decide(obama2.quality(), gallery.score(obama2.embedding(), 3, RULE.scoring()));

        assertTrue(d.recognized(), "obama2 matched nobody: " + d);
        assertEquals(100, d.best().personKey());
    }

    @Test
    void aStrangerStaysUnknown() {
        FaceGallery gallery = new FaceGallery(engine.modelId(), 128);
        List<LabelledPhoto> photos = LabelledPhoto.read(Shared.labels());
        long id = 0;
        for (LabelledPhoto p : photos) {
            if (!p.identity().equals("kit_harington")) {
                gallery.add(new Template(++id, p.person().hashCode(), engine.modelId(), embed(p)));
            }
        }
        List<LabelledPhoto> strangers = photos.stream().filter(p -> p.identity().equals("kit_harington")).toList();
        assertFalse(strangers.isEmpty());
        for (LabelledPhoto stranger : strangers) {
            AnalyzedFace face = engine.analyze(read(stranger)).get(0);
            Decision d = RULE.decide(face.quality(), gallery.score(face.embedding(), 3, RULE.scoring()));
            assertEquals(Decision.Verdict.UNKNOWN, d.verdict(), stranger.path() + " was taken for someone: " + d);
        }
    }

    @Test
    void twoPhotosSideBySideGiveTwoFacesLargestFirst() {
        try (Mat amy = Images.decode(Shared.photo("bbt/amy/amy1.png"));
             Mat raj = Images.decode(Shared.photo("bbt/raj/raj1.png")); Mat bigRaj = Images.scaled(raj, 1.4);
             Mat canvas = Images.onCanvas(amy, 370, 220, 0, 30)) {
            try (Mat roi = new Mat(canvas, new org.bytedeco.opencv.opencv_core.Rect(160, 0, bigRaj.cols(), bigRaj.rows()))) {
                bigRaj.copyTo(roi);
            }
            byte[] jpeg = Images.encode(".jpg", canvas);

            List<AnalyzedFace> faces = engine.analyze(jpeg);

            assertEquals(2, faces.size());
            assertTrue(faces.get(0).box().x() >= 150 && faces.get(1).box().x() < 150, "largest (raj) not first");
            assertTrue(faces.get(0).quality().ok() && faces.get(1).quality().ok(),
                    () -> faces.get(0).quality() + " " + faces.get(1).quality());
            FaceException e = assertThrows(FaceException.class, () -> engine.embedSingle(jpeg));
            assertEquals(Kind.MULTIPLE_FACES, e.kind());
            assertEquals("2 faces found", e.getMessage());
        }
    }

    @Test
    void aFaceOnALargeCanvasIsMappedBackToItsPlace() {
        try (Mat photo = Images.decode(Shared.photo(OBAMA)); Mat scaled = Images.scaled(photo, 0.5);
             Mat canvas = Images.onCanvas(scaled, 1920, 1080, 1300, 400)) {
            Box alone = engine.embedSingle(Images.encode(".png", scaled)).box();
            Box placed = engine.embedSingle(Images.encode(".png", canvas)).box();
            // the canvas is shrunk 3x for the detector, so a few pixels of slack
            assertEquals(alone.x() + 1300, placed.x(), 6);
            assertEquals(alone.y() + 400, placed.y(), 6);
            assertEquals(alone.width(), placed.width(), 8);
        }
    }

    @Test
    void aPhotoWithoutAFaceSaysNoFaceFound() {
        try (Mat photo = Images.decode(Shared.photo(OBAMA));
             Mat suit = Images.crop(photo, 0, 650, photo.cols(), photo.rows() - 650)) {
            FaceException e = assertThrows(FaceException.class, () -> engine.embedSingle(Images.encode(".jpg", suit)));
            assertEquals(Kind.NO_FACE, e.kind());
            assertEquals("no face found", e.getMessage());
        }
    }

    @Test
    void aSmallFaceIsTooSmallWithItsSizeInTheMessage() {
        try (Mat photo = Images.decode(Shared.photo(OBAMA)); Mat small = Images.scaled(photo, 0.22)) {
            FaceException e = assertThrows(FaceException.class, () -> engine.embedSingle(Images.encode(".png", small)));
            assertEquals(Kind.FACE_TOO_SMALL, e.kind());
            java.util.regex.Matcher m = Pattern.compile("face too small: (\\d+) px, need 80").matcher(e.getMessage());
            assertTrue(m.matches(), e.getMessage());
            assertTrue(Integer.parseInt(m.group(1)) < 80);
        }
    }

    @Test
    void aBlurredFaceIsTooBlurry() {
        assertTooBlurry("bbt/amy/amy1.png", 3.0);
        assertTooBlurry(OBAMA, 6.0);
    }

    private static void assertTooBlurry(String photo, double sigma) {
        try (Mat sharp = Images.decode(Shared.photo(photo)); Mat blurred = new Mat()) {
            engine.embedSingle(Images.encode(".png", sharp));
            GaussianBlur(sharp, blurred, new Size(0, 0), sigma);
            byte[] png = Images.encode(".png", blurred);
            FaceException e = assertThrows(FaceException.class, () -> engine.embedSingle(png),
                    () -> photo + " sharpness " + engine.analyze(png).get(0).quality().sharpness());
            assertEquals(Kind.TOO_BLURRY, e.kind());
            assertEquals("too blurry", e.getMessage());
        }
    }

    @Test
    void verificationSaysSameForOnePersonAndDifferentForTwo() {
        float[] obama = engine.embedSingle(Shared.photo(OBAMA)).embedding();
        AnalyzedFace obama2 = engine.embedSingle(Shared.photo(OBAMA_2));
        AnalyzedFace biden = engine.embedSingle(Shared.photo(BIDEN));
        double same = Vectors.cosine(obama, obama2.embedding());
        double different = Vectors.cosine(obama, biden.embedding());

        assertTrue(RULE.verify(obama2.quality(), new PersonScore(1, same, same, 1, 1), null).recognized());
        assertFalse(RULE.verify(biden.quality(), new PersonScore(1, different, different, 1, 1), null).recognized());
        assertTrue(same > different);
    }

    @Test
    void theThumbnailIsTheAlignedCropAsJpeg() {
        AnalyzedFace face = engine.embedSingle(Shared.photo(OBAMA));
        assertNotNull(face.thumbnailJpeg());
        assertEquals(0xFF, face.thumbnailJpeg()[0] & 0xff);
        ImageHeader header = ImageHeader.read(face.thumbnailJpeg());
        assertEquals(112, header.width());
        assertEquals(112, header.height());
        assertEquals("mobilefacenet_128@b7120c09", face.modelId());
    }

    @Test
    void concurrentCallersGetTheSameAnswersAsOne() throws Exception {
        String[] photos = {OBAMA, BIDEN, OBAMA_2, "bbt/penny/penny1.png"};
        List<float[]> expected = new ArrayList<>();
        for (String p : photos) {
            expected.add(engine.embedSingle(Shared.photo(p)).embedding());
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (int i = 0; i < photos.length; i++) {
                    int k = i;
                    results.add(pool.submit(() -> Vectors.cosine(expected.get(k),
                            engine.embedSingle(Shared.photo(photos[k])).embedding()) > 0.9999));
                }
            }
            for (Future<Boolean> r : results) {
                assertTrue(r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Template template(long id, long person, String photo) {
        return new Template(id, person, engine.modelId(), engine.embedSingle(Shared.photo(photo)).embedding());
    }

    private static float[] embed(LabelledPhoto p) {
        return engine.embedSingle(read(p)).embedding();
    }

    private static byte[] read(LabelledPhoto p) {
        try {
            return java.nio.file.Files.readAllBytes(p.path());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
