package io.faceclock.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.faceclock.face.EvaluationReport;
import io.faceclock.face.FaceEngine;
import io.faceclock.face.FaceEngineUnavailableException;
import io.faceclock.face.FaceEvaluation;
import io.faceclock.face.FaceSettings;
import io.faceclock.face.LabelledPhoto;
import io.faceclock.face.Matcher;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Measure face recognition on labelled photos (tab-separated: path, set, identity).")
public class EvalCommand implements Callable<Integer> {

    @Option(names = "--labels", required = true, description = "labels file; paths are relative to its folder")
    Path labels;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Option(names = "--models", description = "models folder (default: $FACECLOCK_MODELS_DIR, else ./models)")
    Path models;

    @Option(names = "--threshold", description = "match threshold (default: ${DEFAULT-VALUE})")
    double threshold = Matcher.DEFAULT_THRESHOLD;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        EvaluationReport report;
        try (FaceEngine engine = FaceEngine.open(FaceSettings.defaults(ModelsFolder.resolve(models)))) {
            report = new FaceEvaluation(engine).run(LabelledPhoto.read(labels), threshold);
        } catch (FaceEngineUnavailableException | IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        }
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(toMap(report)));
        } else {
            printText(out, report);
        }
        out.flush();
        return 0;
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
        m.put("same_person", stats(r.samePerson()));
        m.put("different_person", stats(r.differentPerson()));
        m.put("zero_far_threshold", r.zeroFarThreshold());
        m.put("frr_at_zero_far_threshold", r.frrAtZeroFar());
        m.put("no_face", r.noFace());
        m.put("rank1_errors", r.rank1Errors());
        return m;
    }

    private static Map<String, Object> stats(EvaluationReport.Stats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pairs", s.pairs());
        m.put("mean", s.mean());
        m.put("min", s.min());
        m.put("max", s.max());
        return m;
    }

    private static void printText(PrintWriter out, EvaluationReport r) {
        out.printf(Locale.ROOT, "photos            %d%n", r.photos());
        out.printf(Locale.ROOT, "faces found       %d (%d pass quality)%n", r.facesFound(), r.usableFaces());
        out.printf(Locale.ROOT, "people            %d%n", r.people());
        printStats(out, "same person", r.samePerson());
        printStats(out, "different person", r.differentPerson());
        out.printf(Locale.ROOT, "ROC AUC           %.4f%n", r.auc());
        out.printf(Locale.ROOT, "at threshold %.2f  FAR %.4f  FRR %.4f%n", r.threshold(), r.far(), r.frr());
        out.printf(Locale.ROOT, "zero-FAR threshold %.2f (FRR there %.4f)%n", r.zeroFarThreshold(), r.frrAtZeroFar());
        out.printf(Locale.ROOT, "rank-1            %.2f%%%n", 100 * r.rank1());
        out.printf(Locale.ROOT, "ms per photo      %.1f%n", r.msPerPhoto());
        r.noFace().forEach(p -> out.println("no face: " + p));
        r.rank1Errors().forEach(e -> out.println("rank-1 miss: " + e));
    }

    private static void printStats(PrintWriter out, String what, EvaluationReport.Stats s) {
        out.printf(Locale.ROOT, "%-17s %d pairs, mean %.3f, min %.3f, max %.3f%n", what, s.pairs(), s.mean(), s.min(), s.max());
    }
}
