package io.faceclock.recognition;

import io.faceclock.face.AnalyzedFace;
import io.faceclock.face.EvaluationReport.Stats;
import io.faceclock.face.FaceEngine;
import io.faceclock.face.FaceEvaluation;
import io.faceclock.face.PersonScore;
import io.faceclock.face.Vectors;
import io.faceclock.recognition.Decision.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 1:1 verification on a list of pairs in the LFW style: each line {@code file_a file_b same} (tab or
 * space separated; same is 1/0, true/false, same/different; paths relative to the list's folder; # starts
 * a comment). Each pair is decided by {@link RecognitionRule#verify} with the smaller face's size.
 */
public final class PairsEvaluation {

    /** What the pairs showed. far/frr count decided pairs only; undecided ones are counted apart. */
    public record Report(int pairs, int samePairs, int differentPairs, int noFace, int undecided,
                         Stats same, Stats different, double auc, int acceptedDifferent, int rejectedSame,
                         double far, double frr, double zeroFarThreshold, List<String> falseAccepts) {
    }

    private record Pair(Path a, Path b, boolean same) {
    }

    private final FaceEngine engine;
    private final RecognitionRule rule;

    public PairsEvaluation(FaceEngine engine, RecognitionRule rule) {
        this.engine = engine;
        this.rule = rule;
    }

    public Report run(Path list) {
        Map<Path, Optional<AnalyzedFace>> faces = new HashMap<>();
        List<Double> same = new ArrayList<>();
        List<Double> different = new ArrayList<>();
        List<String> falseAccepts = new ArrayList<>();
        int pairs = 0, sameCount = 0, noFace = 0, undecided = 0, acceptedDifferent = 0, rejectedSame = 0;
        int decidedSame = 0, decidedDifferent = 0;
        for (Pair p : read(list)) {
            pairs++;
            sameCount += p.same() ? 1 : 0;
            Optional<AnalyzedFace> a = faces.computeIfAbsent(p.a(), this::largestFace);
            Optional<AnalyzedFace> b = faces.computeIfAbsent(p.b(), this::largestFace);
            if (a.isEmpty() || b.isEmpty()) {
                noFace++;
                continue;
            }
            double sim = Vectors.cosine(a.get().embedding(), b.get().embedding());
            (p.same() ? same : different).add(sim);
            AnalyzedFace smaller = a.get().quality().sizePx() <= b.get().quality().sizePx() ? a.get() : b.get();
            Decision d = rule.verify(smaller.quality(), new PersonScore(0, sim, sim, -1, 1), null);
            if (d.verdict() == Verdict.UNDECIDED) {
                undecided++;
            } else if (p.same()) {
                decidedSame++;
                rejectedSame += d.recognized() ? 0 : 1;
            } else {
                decidedDifferent++;
                if (d.recognized()) {
                    acceptedDifferent++;
                    if (falseAccepts.size() < 10) {
                        falseAccepts.add(p.a() + " ~ " + p.b() + String.format(java.util.Locale.ROOT, " %.3f", sim));
                    }
                }
            }
        }
        double worst = different.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        return new Report(pairs, sameCount, pairs - sameCount, noFace, undecided, stats(same), stats(different),
                FaceEvaluation.auc(same, different), acceptedDifferent, rejectedSame,
                decidedDifferent == 0 ? Double.NaN : (double) acceptedDifferent / decidedDifferent,
                decidedSame == 0 ? Double.NaN : (double) rejectedSame / decidedSame,
                Double.isNaN(worst) ? Double.NaN : Math.floor(worst * 100 + 1) / 100, falseAccepts);
    }

    private static Stats stats(List<Double> v) {
        return new Stats(v.size(), v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN),
                v.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
    }

    private Optional<AnalyzedFace> largestFace(Path file) {
        try {
            return engine.analyze(Files.readAllBytes(file)).stream().findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static List<Pair> read(Path list) {
        if (!Files.isRegularFile(list)) {
            throw new IllegalArgumentException("pairs file " + list.toAbsolutePath() + " does not exist");
        }
        Path base = list.toAbsolutePath().getParent();
        List<Pair> pairs = new ArrayList<>();
        try {
            int lineNo = 0;
            for (String line : Files.readAllLines(list)) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.trim().split("[\t ]+");
                if (cols.length != 3) {
                    throw new IllegalArgumentException(list + ":" + lineNo + ": need file_a, file_b and same");
                }
                pairs.add(new Pair(base.resolve(cols[0]), base.resolve(cols[1]), same(cols[2], list, lineNo)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pairs;
    }

    private static boolean same(String text, Path list, int lineNo) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "1", "true", "same", "yes" -> true;
            case "0", "false", "different", "no" -> false;
            default -> throw new IllegalArgumentException(list + ":" + lineNo + ": same must be 1 or 0, got '" + text + "'");
        };
    }
}
