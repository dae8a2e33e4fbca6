package io.faceclock.config;

import io.faceclock.face.EmbedderSpec;
import io.faceclock.face.FaceSettings;
import io.faceclock.face.ImageLimits;
import io.faceclock.face.ModelFile;
import io.faceclock.face.PersonScoring;
import io.faceclock.face.Point;
import io.faceclock.face.QualitySettings;
import io.faceclock.recognition.RecognitionRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The faceclock.face.* settings: whether faces are recognised at all, the engine's (models folder,
 * threads, quality, image limits, the embedder) and the one decision rule that says who a face is (thresholds, margins, small faces).
 */
public record RecognitionSettings(boolean enabled, FaceSettings engine, RecognitionRule rule) {

    private static final String EMBEDDER = "faceclock.face.embedder.";

    public static RecognitionSettings read(Settings s) {
        FaceSettings base = FaceSettings.defaults(Path.of(s.text("faceclock.models.dir")));
        QualitySettings q = base.quality();
        FaceSettings engine = new FaceSettings(base.modelsDir(), s.integer("faceclock.face.threads"),
                base.detectorScoreThreshold(), base.nmsThreshold(),
                new ImageLimits(s.integer(Settings.MAX_BODY_BYTES), s.longInteger("faceclock.face.max-image-pixels"),
                        ImageLimits.DEFAULT.minSide()),
                new QualitySettings(s.integer("faceclock.face.min-face-px"), q.minScore(), q.minSharpness(), q.maxYaw()),
                s.flag("faceclock.face.thumbnails"), base.detectorModel(), embedder(s));
        return new RecognitionSettings(s.flag("faceclock.face.enabled"), engine, rule(s));
    }

    private static RecognitionRule rule(Settings s) {
        try {
            return new RecognitionRule(s.decimal("faceclock.face.match-threshold"),
                    s.decimal("faceclock.face.match-margin"), s.integer("faceclock.face.small-face-px"),
                    s.decimal("faceclock.face.small-face-threshold"), s.decimal("faceclock.face.small-face-margin"),
                    s.integer("faceclock.face.min-match-px"), s.choice("faceclock.face.person-score", PersonScoring.class));
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith("Setting ") ? e
                    : new IllegalArgumentException("Settings faceclock.face.*: " + e.getMessage());
        }
    }

    /**
     * MobileFaceNet unless faceclock.face.embedder.file names another ONNX embedder of the same kind
     * (OpenCV's SFace, say): its sha256, input name and size, colour order, (x - mean) / std, output
     * size and alignment template (ten numbers, x y for the five landmarks in a 112x112 crop).
     */
    static EmbedderSpec embedder(Settings s) {
        EmbedderSpec d = EmbedderSpec.MOBILEFACENET_128;
        String file = s.get(EMBEDDER + "file");
        if (file == null) {
            return d;
        }
        String sha = s.get(EMBEDDER + "sha256");
        if (sha == null || !sha.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("Setting " + EMBEDDER + "sha256 must be the file's 64-hex-digit sha256 "
                    + "(sha256sum " + file + ")");
        }
        Color color = s.choice(EMBEDDER + "color", Color.class);
        return new EmbedderSpec(new ModelFile(file, sha.toLowerCase(Locale.ROOT), List.of()),
                s.text(EMBEDDER + "input-name"), s.integer(EMBEDDER + "input-size"), color == Color.RGB,
                s.decimal(EMBEDDER + "mean"), s.decimal(EMBEDDER + "std"), s.integer(EMBEDDER + "dimensions"),
                template(s, d));
    }

    private enum Color { RGB, BGR }

    private static List<Point> template(Settings s, EmbedderSpec d) {
        String text = s.get(EMBEDDER + "template");
        if (text == null) {
            return d.template();
        }
        String[] n = text.trim().split("[\\s,]+");
        if (n.length != 10) {
            throw new IllegalArgumentException("Setting " + EMBEDDER + "template needs 10 numbers (x y of 5 points)");
        }
        List<Point> points = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i += 2) {
                points.add(new Point(Double.parseDouble(n[i]), Double.parseDouble(n[i + 1])));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Setting " + EMBEDDER + "template needs 10 numbers, got '" + text + "'");
        }
        return points;
    }
}
