package io.faceclock.face;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Measures the engine on labelled photos: every photo's largest face is embedded, then every pair
 * of photos is compared (same person vs different person) and every photo is used as a probe against
 * all the others (rank-1 identification).
 */
public final class FaceEvaluation {

    private final FaceEngine engine;

    public FaceEvaluation(FaceEngine engine) {
        this.engine = engine;
    }

    public EvaluationReport run(List<LabelledPhoto> photos, double threshold) {
        List<LabelledPhoto> found = new ArrayList<>();
        List<float[]> embeddings = new ArrayList<>();
        List<String> noFace = new ArrayList<>();
        int usable = 0;
        long nanos = 0;
        if (!photos.isEmpty()) {
            engine.analyze(read(photos.get(0))); // untimed: the first call pays for JIT and native warm-up
        }
        for (LabelledPhoto photo : photos) {
            byte[] bytes = read(photo);
            long start = System.nanoTime();
            List<AnalyzedFace> faces = engine.analyze(bytes);
            nanos += System.nanoTime() - start;
            if (faces.isEmpty()) {
                noFace.add(photo.path().toString());
                continue;
            }
            found.add(photo);
            embeddings.add(faces.get(0).embedding());
            usable += faces.get(0).quality().ok() ? 1 : 0;
        }
        List<Double> same = new ArrayList<>();
        List<Double> different = new ArrayList<>();
        int n = found.size();
        double[][] sim = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                sim[i][j] = sim[j][i] = Vectors.cosine(embeddings.get(i), embeddings.get(j));
                (samePerson(found, i, j) ? same : different).add(sim[i][j]);
            }
        }
        List<String> rank1Errors = new ArrayList<>();
        int probes = 0;
        for (int i = 0; i < n; i++) {
            int best = -1;
            boolean hasMate = false;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    hasMate |= samePerson(found, i, j);
                    best = best < 0 || sim[i][j] > sim[i][best] ? j : best;
                }
            }
            if (!hasMate) {
                continue; // nobody to find
            }
            probes++;
            if (!samePerson(found, i, best)) {
                rank1Errors.add(found.get(i).path() + " -> " + found.get(best).path());
            }
        }
        double zeroFar = zeroFarThreshold(different);
        Set<String> people = new HashSet<>();
        photos.forEach(p -> people.add(p.person()));
        return new EvaluationReport(photos.size(), n, usable, people.size(),
                EvaluationReport.Stats.of(same), EvaluationReport.Stats.of(different), auc(same, different),
                threshold, rate(different, threshold, true), rate(same, threshold, false),
                probes == 0 ? Double.NaN : (double) (probes - rank1Errors.size()) / probes,
                zeroFar, rate(same, zeroFar, false),
                photos.isEmpty() ? 0 : nanos / 1e6 / photos.size(), noFace, rank1Errors);
    }

    private static boolean samePerson(List<LabelledPhoto> photos, int i, int j) {
        return photos.get(i).person().equals(photos.get(j).person());
    }

    /** Share of values at or above (accepted) or below (rejected) the threshold. */
    static double rate(List<Double> values, double threshold, boolean accepted) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        long count = values.stream().filter(v -> (v >= threshold) == accepted).count();
        return (double) count / values.size();
    }

    /** Probability that a random same-person pair scores above a random different-person pair. */
    public static double auc(List<Double> same, List<Double> different) {
        if (same.isEmpty() || different.isEmpty()) {
            return Double.NaN;
        }
        double wins = 0;
        for (double s : same) {
            for (double d : different) {
                wins += s > d ? 1 : s == d ? 0.5 : 0;
            }
        }
        return wins / ((double) same.size() * different.size());
    }

    private static double zeroFarThreshold(List<Double> different) {
        double max = different.stream().mapToDouble(Double::doubleValue).max().orElse(-1);
        return Math.floor(max * 100 + 1) / 100; // the next 0.01 step strictly above every impostor
    }

    private static byte[] read(LabelledPhoto photo) {
        try {
            return Files.readAllBytes(photo.path());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + photo.path(), e);
        }
    }
}
