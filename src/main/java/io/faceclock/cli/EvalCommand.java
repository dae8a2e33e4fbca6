package io.faceclock.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.faceclock.config.RecognitionSettings;
import io.faceclock.face.EvaluationReport;
import io.faceclock.face.FaceEngine;
import io.faceclock.face.FaceEngineUnavailableException;
import io.faceclock.face.FaceEvaluation;
import io.faceclock.face.LabelledPhoto;
import io.faceclock.face.PersonScoring;
import io.faceclock.recognition.OpenSetEvaluation;
import io.faceclock.recognition.OpenSetReport;
import io.faceclock.recognition.PairsEvaluation;
import io.faceclock.recognition.RecognitionRule;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Measure face recognition on labelled photos and clips (tab-separated: path, set, identity;"
                + " identity - for strangers) or on a list of pairs.",
                "Modes: photos (every pair of photos; the default), open-set (enrol part, probe with the rest and"
                        + " with strangers, count each decision), pairs (--pairs FILE: file_a file_b same).",
                "It measures the engine and rule your settings describe (faceclock.face.*, from --config, --set or"
                        + " FACECLOCK_* variables: another embedder, your thresholds); the options below override the rule."})
public class EvalCommand implements Callable<Integer> {

    @Option(names = "--labels", description = "labels file; paths are relative to its folder (repeatable)")
    List<Path> labels = new ArrayList<>();

    @Option(names = "--pairs", description = "pairs file (LFW style: file_a file_b same); selects the pairs mode")
    Path pairs;

    @Option(names = "--mode", description = "photos, open-set or pairs (default: photos, or pairs with --pairs)")
    String mode;

    @Option(names = "--split", description = "open-set: all, calibration or report (default: ${DEFAULT-VALUE})")
    String split = "all";

    @Option(names = "--enrol", description = "open-set: photos enrolled per person (default: ${DEFAULT-VALUE})")
    int enrol = 3;

    @Option(names = "--frames-per-clip", description = "open-set: frames enrolled from a person's clip (default: ${DEFAULT-VALUE})")
    int framesPerClip = 5;

    @Option(names = "--frame-step", description = "open-set: probe every n-th frame of a clip (default: ${DEFAULT-VALUE})")
    int frameStep = 1;

    @Option(names = "--probe-face-px", description = "open-set: shrink each photo probe so its face is this wide"
            + " (on a 640x480 frame) to see what size recognition copes with")
    int probeFacePx;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Option(names = "--models", description = "models folder (default: faceclock.models.dir: $FACECLOCK_MODELS_DIR, else ./models)")
    Path models;

    @Mixin
    SettingsOptions options = new SettingsOptions();

    @Option(names = "--threshold", description = "score a face of at least --small-face-px needs (default: the shipped one)")
    Double threshold;

    @Option(names = "--margin", description = "lead over the next person such a face needs")
    Double margin;

    @Option(names = "--small-face-px", description = "faces narrower than this are small")
    Integer smallFacePx;

    @Option(names = "--small-face-threshold", description = "score a small face needs")
    Double smallFaceThreshold;

    @Option(names = "--small-face-margin", description = "lead a small face needs")
    Double smallFaceMargin;

    @Option(names = "--min-match-px", description = "faces narrower than this are undecided")
    Integer minMatchPx;

    @Option(names = "--person-score", description = "best, best-two or mean: how a person's templates make one score")
    String personScore;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String m = mode != null ? mode : pairs != null ? "pairs" : "photos";
        RecognitionSettings configured;
        try {
            configured = options.faces(models);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        }
        try (FaceEngine engine = FaceEngine.open(configured.engine().withThumbnails(false))) {
            RecognitionRule rule = rule(configured.rule());
            switch (m) {
                case "photos" -> {
                    EvaluationReport r = new FaceEvaluation(engine).run(photos(), rule.threshold());
                    print(out, engine, toMap(r), () -> printText(out, r));
                }
                case "open-set" -> {
                    OpenSetReport r = new OpenSetEvaluation(engine, rule, enrol, framesPerClip, frameStep, probeFacePx)
                            .run(photos(), split);
                    print(out, engine, EvalReports.openSet(r), () -> EvalReports.printOpenSet(out, r));
                }
                case "pairs" -> {
                    if (pairs == null) {
                        throw new IllegalArgumentException("the pairs mode needs --pairs FILE");
                    }
                    PairsEvaluation.Report r = new PairsEvaluation(engine, rule).run(pairs);
                    print(out, engine, EvalReports.pairs(r, rule), () -> EvalReports.printPairs(out, r));
                }
                default -> throw new IllegalArgumentException("--mode must be photos, open-set or pairs, got '" + m + "'");
            }
        } catch (FaceEngineUnavailableException | IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        }
        out.flush();
        return 0;
    }

    private void print(PrintWriter out, FaceEngine engine, Map<String, Object> map, Runnable text) throws Exception {
        if (json) {
            Map<String, Object> withModel = new LinkedHashMap<>();
            withModel.put("embedder", engine.modelId());
            withModel.putAll(map);
            out.println(new ObjectMapper().writeValueAsString(withModel));
        } else {
            out.println("embedder " + engine.modelId());
            text.run();
        }
    }

    private List<LabelledPhoto> photos() {
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("this mode needs --labels FILE");
        }
        List<LabelledPhoto> all = new ArrayList<>();
        labels.forEach(l -> all.addAll(LabelledPhoto.read(l)));
        return all;
    }

    /** The configured rule, with whatever the options say instead. */
    private RecognitionRule rule(RecognitionRule d) {
        PersonScoring scoring = d.scoring();
        if (personScore != null) {
            try {
                scoring = PersonScoring.valueOf(personScore.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--person-score must be best, best-two or mean, got '" + personScore + "'");
            }
        }
        return new RecognitionRule(or(threshold, d.threshold()), or(margin, d.margin()),
                smallFacePx == null ? d.smallFacePx() : smallFacePx, or(smallFaceThreshold, d.smallFaceThreshold()),
                or(smallFaceMargin, d.smallFaceMargin()), minMatchPx == null ? d.minFacePx() : minMatchPx, scoring);
    }

    private static double or(Double v, double fallback) {
        return v == null ? fallback : v;
    }

    static Map<String, Object> toMap(EvaluationReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("photos", r.photos());
        m.put("faces_found", r.facesFound());
        m.put("people", r.people());
        m.put("auc", r.auc());
        m.put("threshold", r.threshold());
        m.put("far", r.far());
        m.put("frr", r.frr());
        m.put("rank1", r.rank1());
        m.put("ms_per_photo", r.msPerPhoto());
        m.put("usable_faces", r.usableFaces());
        m.put("same_person", EvalReports.stats(r.samePerson()));
        m.put("different_person", EvalReports.stats(r.differentPerson()));
        m.put("zero_far_threshold", r.zeroFarThreshold());
        m.put("frr_at_zero_far_threshold", r.frrAtZeroFar());
        m.put("no_face", r.noFace());
        m.put("rank1_errors", r.rank1Errors());
        return m;
    }

    private static void printText(PrintWriter out, EvaluationReport r) {
        out.printf(Locale.ROOT, "photos            %d%n", r.photos());
        out.printf(Locale.ROOT, "faces found       %d (%d pass quality)%n", r.facesFound(), r.usableFaces());
        out.printf(Locale.ROOT, "people            %d%n", r.people());
        EvalReports.printStats(out, "same person", r.samePerson());
        EvalReports.printStats(out, "different person", r.differentPerson());
        out.printf(Locale.ROOT, "ROC AUC           %.4f%n", r.auc());
        out.printf(Locale.ROOT, "at threshold %.2f  FAR %.4f  FRR %.4f%n", r.threshold(), r.far(), r.frr());
        out.printf(Locale.ROOT, "zero-FAR threshold %.2f (FRR there %.4f)%n", r.zeroFarThreshold(), r.frrAtZeroFar());
        out.printf(Locale.ROOT, "rank-1            %.2f%%%n", 100 * r.rank1());
        out.printf(Locale.ROOT, "ms per photo      %.1f%n", r.msPerPhoto());
        r.noFace().forEach(p -> out.println("no face: " + p));
        r.rank1Errors().forEach(e -> out.println("rank-1 miss: " + e));
    }
}
