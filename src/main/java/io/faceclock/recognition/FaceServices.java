package io.faceclock.recognition;

import io.faceclock.app.Services;
import io.faceclock.attendance.PunchPolicy;
import io.faceclock.attendance.PunchRules;
import io.faceclock.config.Settings;
import io.faceclock.face.EmbedderSpec;
import io.faceclock.face.FaceGallery;
import io.faceclock.face.FaceSettings;
import io.faceclock.face.ImageLimits;
import io.faceclock.face.QualitySettings;
import io.faceclock.store.FaceStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;

/** The face engine, the gallery of enrolled faces and the punch rules, built from settings. */
public record FaceServices(FaceEngineHolder engine, FaceRegistry registry, Recognizer recognizer, PunchRules rules,
                           RecognitionRule rule) implements AutoCloseable {

    public static FaceServices open(Settings s, Services services) {
        FaceSettings fs = faceSettings(s);
        FaceEngineHolder engine = FaceEngineHolder.open(fs);
        EmbedderSpec spec = fs.embedder();
        RecognitionRule rule = recognitionRule(s);
        FaceRegistry registry = new FaceRegistry(services.jdbc(), services.personStore(), new FaceStore(services.jdbc()),
                engine, new FaceGallery(spec.modelId(), spec.dimensions()), rule,
                Boolean.parseBoolean(s.get("faceclock.face.thumbnails", "true")), services.audit(), Clock.systemUTC());
        registry.loadGallery();
        services.people().addRemovalListener(registry);
        Recognizer recognizer = new Recognizer(engine, registry, services.personStore(), services.jdbc(), rule);
        return new FaceServices(engine, registry, recognizer, punchRules(s), rule);
    }

    /** The decision rule from the faceclock.face.match-* and small-face settings; unset ones keep the measured defaults. */
    public static RecognitionRule recognitionRule(Settings s) {
        RecognitionRule d = RecognitionRule.DEFAULT;
        String scoring = s.get("faceclock.face.person-score", "best-two").trim().toUpperCase(java.util.Locale.ROOT)
                .replace('-', '_');
        io.faceclock.face.PersonScoring how;
        try {
            how = io.faceclock.face.PersonScoring.valueOf(scoring);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("faceclock.face.person-score must be best, best-two or mean, got '"
                    + s.get("faceclock.face.person-score") + "'");
        }
        return new RecognitionRule(number(s, "faceclock.face.match-threshold", d.threshold()),
                number(s, "faceclock.face.match-margin", d.margin()),
                s.getInt("faceclock.face.small-face-px", d.smallFacePx()),
                number(s, "faceclock.face.small-face-threshold", d.smallFaceThreshold()),
                number(s, "faceclock.face.small-face-margin", d.smallFaceMargin()),
                s.getInt("faceclock.face.min-match-px", d.minFacePx()), how);
    }

    private static double number(Settings s, String key, double fallback) {
        String v = s.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, got '" + v + "'");
        }
    }

    static FaceSettings faceSettings(Settings s) {
        FaceSettings base = FaceSettings.defaults(Path.of(s.get("faceclock.models.dir", "./models")));
        FaceSettings d = new FaceSettings(base.modelsDir(), base.intraOpThreads(), base.detectorScoreThreshold(),
                base.nmsThreshold(), base.limits(), base.quality(), base.thumbnails(), base.detectorModel(),
                embedderSpec(s));
        QualitySettings q = d.quality();
        return d.withIntraOpThreads(s.getInt("faceclock.face.threads", 2))
                .withThumbnails(Boolean.parseBoolean(s.get("faceclock.face.thumbnails", "true")))
                .withQuality(new QualitySettings(s.getInt("faceclock.face.min-face-px", q.minFacePx()), q.minScore(),
                        q.minSharpness(), q.maxYaw()))
                .withLimits(new ImageLimits(s.getInt(Settings.MAX_BODY_BYTES, 10 << 20),
                        Long.parseLong(s.get("faceclock.face.max-image-pixels", "25000000")),
                        ImageLimits.DEFAULT.minSide()));
    }

    /**
     * MobileFaceNet unless faceclock.face.embedder.file names another ONNX embedder of the same kind
     * (OpenCV's SFace, say): its sha256, input name and size, colour order, (x - mean) / std, output
     * size and alignment template (ten numbers, x y for the five landmarks in a 112x112 crop).
     */
    static EmbedderSpec embedderSpec(Settings s) {
        EmbedderSpec d = EmbedderSpec.MOBILEFACENET_128;
        String file = s.get("faceclock.face.embedder.file");
        if (file == null) {
            return d;
        }
        String sha = s.get("faceclock.face.embedder.sha256");
        if (sha == null || !sha.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("faceclock.face.embedder.sha256 must be the file's 64-hex-digit sha256 "
                    + "(sha256sum " + file + ")");
        }
        String color = s.get("faceclock.face.embedder.color", "rgb");
        if (!color.equalsIgnoreCase("rgb") && !color.equalsIgnoreCase("bgr")) {
            throw new IllegalArgumentException("faceclock.face.embedder.color must be rgb or bgr, got '" + color + "'");
        }
        return new EmbedderSpec(new io.faceclock.face.ModelFile(file, sha.toLowerCase(java.util.Locale.ROOT),
                java.util.List.of()), s.get("faceclock.face.embedder.input-name", d.inputName()),
                s.getInt("faceclock.face.embedder.input-size", d.inputSize()), color.equalsIgnoreCase("rgb"),
                Double.parseDouble(s.get("faceclock.face.embedder.mean", String.valueOf(d.mean()))),
                Double.parseDouble(s.get("faceclock.face.embedder.std", String.valueOf(d.std()))),
                s.getInt("faceclock.face.embedder.dimensions", d.dimensions()), template(s, d));
    }

    private static java.util.List<io.faceclock.face.Point> template(Settings s, EmbedderSpec d) {
        String text = s.get("faceclock.face.embedder.template");
        if (text == null) {
            return d.template();
        }
        String[] n = text.trim().split("[\\s,]+");
        if (n.length != 10) {
            throw new IllegalArgumentException("faceclock.face.embedder.template needs 10 numbers (x y of 5 points)");
        }
        java.util.List<io.faceclock.face.Point> points = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i += 2) {
            points.add(new io.faceclock.face.Point(Double.parseDouble(n[i]), Double.parseDouble(n[i + 1])));
        }
        return points;
    }

    public static PunchRules punchRules(Settings s) {
        PunchPolicy def = policy("faceclock.attendance.policy", s.get("faceclock.attendance.policy", "toggle"));
        Map<String, PunchPolicy> bySource = new HashMap<>();
        String pairs = s.get("faceclock.attendance.policy-by-source");
        if (pairs != null) {
            for (String pair : pairs.split(",")) {
                String[] kv = pair.trim().split(":", 2);
                if (kv.length != 2) {
                    throw new IllegalArgumentException("faceclock.attendance.policy-by-source takes source:policy pairs, "
                            + "got '" + pair + "'");
                }
                bySource.put(kv[0].trim(), policy("faceclock.attendance.policy-by-source", kv[1]));
            }
        }
        String closeAt = s.get("faceclock.attendance.auto-close-at");
        LocalTime at;
        try {
            at = closeAt == null ? null : LocalTime.parse(closeAt);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("faceclock.attendance.auto-close-at must be a time such as 23:59, got '"
                    + closeAt + "'");
        }
        return new PunchRules(def, bySource, Duration.ofSeconds(s.getInt("faceclock.attendance.cooldown-seconds", 60)),
                Duration.ofHours(s.getInt("faceclock.attendance.max-open-hours", 16)), at);
    }

    private static PunchPolicy policy(String key, String value) {
        return PunchPolicy.parse(value).orElseThrow(() -> new IllegalArgumentException(key
                + " must be toggle or first-in-last-out, got '" + value + "'"));
    }

    @Override
    public void close() {
        engine.close();
    }
}
