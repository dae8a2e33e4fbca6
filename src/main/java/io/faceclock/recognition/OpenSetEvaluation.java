package io.faceclock.recognition;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import io.faceclock.face.AnalyzedFace;
import io.faceclock.face.FaceEngine;
import io.faceclock.face.LabelledPhoto;
import io.faceclock.face.PersonScore;
import io.faceclock.face.Vectors;
import io.faceclock.face.VideoFaces;
import io.faceclock.recognition.Decision.Verdict;
import io.faceclock.recognition.OpenSetReport.SetResult;
import io.faceclock.recognition.OpenSetReport.Suggested;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Open-set identification as a time clock meets it: enrol part of the labelled people, probe with
 * the rest of their photos or clips, and with strangers, and count each decision of the
 * {@link RecognitionRule}.
 *
 * <ul>
 * <li>Photos: a person with n photos is enrolled from {@code enrol} of them (at most n-1). Every photo is a
 *     probe once: its own person is then enrolled from the photos that follow it (cyclically), everybody
 *     else from their first ones. Only photos that pass enrolment's quality gate are enrolled.</li>
 * <li>Clips (video files): a person is enrolled from {@code framesPerClip} evenly spaced frames of one clip
 *     and probed with the largest face of every {@code step}-th frame of their other clips.</li>
 * <li>Strangers: identity {@code -} (every face of every frame), and every enrolled person's probe searched
 *     once more with their own person left out of the gallery (a stranger who looks like them, from the same
 *     camera).</li>
 * <li>Splits, so defaults are chosen on data they are then not judged on: {@code calibration} takes the
 *     even-numbered people of each photo set (sorted by identity), clips enrolled from each person's first
 *     clip, and strangers whose face lies in the left half of the frame; {@code report} takes the odd-numbered
 *     people, clips enrolled from the second clip, strangers on the right half; {@code all} takes everything
 *     (clips enrolled from the first).</li>
 * </ul>
 */
public final class OpenSetEvaluation {

    /** A face to search with: whose it is (null for a stranger) and, for photos, its own person's gallery. */
    private record Probe(String set, String person, String source, AnalyzedFace face, List<float[]> ownGallery) {
    }

    private final FaceEngine engine;
    private final RecognitionRule rule;
    private final int enrol;
    private final int framesPerClip;
    private final int step;
    private final int probeFacePx;

    /**
     * @param probeFacePx when above 0, every photo probe is first shrunk so that its face is this wide,
     *                    on a grey 640x480 frame (a camera's view of the same person); enrolment keeps the
     *                    full photos. It measures what face size recognition still copes with.
     */
    public OpenSetEvaluation(FaceEngine engine, RecognitionRule rule, int enrol, int framesPerClip, int step,
                             int probeFacePx) {
        this.engine = engine;
        this.rule = rule;
        this.enrol = enrol;
        this.framesPerClip = framesPerClip;
        this.step = step;
        this.probeFacePx = probeFacePx;
    }

    public OpenSetReport run(List<LabelledPhoto> items, String split) {
        if (!List.of("all", "calibration", "report").contains(split)) {
            throw new IllegalArgumentException("split must be all, calibration or report, got '" + split + "'");
        }
        Map<String, List<float[]>> gallery = new LinkedHashMap<>();
        List<Probe> probes = new ArrayList<>();
        Map<String, int[]> noFace = new LinkedHashMap<>();
        Map<String, List<LabelledPhoto>> byPerson = new LinkedHashMap<>();
        for (LabelledPhoto item : items) {
            byPerson.computeIfAbsent(item.person(), k -> new ArrayList<>()).add(item);
            noFace.putIfAbsent(item.set(), new int[1]);
        }
        Map<String, List<String>> identitiesBySet = new LinkedHashMap<>();
        byPerson.values().forEach(l -> identitiesBySet.computeIfAbsent(l.get(0).set(), k -> new ArrayList<>())
                .add(l.get(0).identity()));
        identitiesBySet.values().forEach(l -> l.sort(Comparator.naturalOrder()));
        for (List<LabelledPhoto> person : byPerson.values()) {
            LabelledPhoto first = person.get(0);
            int[] missed = noFace.get(first.set());
            if ("-".equals(first.identity())) {
                strangers(person, split, probes, missed);
            } else if (VideoFaces.isVideo(first.path())) {
                clips(person, split, gallery, probes, missed);
            } else {
                int index = identitiesBySet.get(first.set()).indexOf(first.identity());
                if (split.equals("all") || (index % 2 == 0) == split.equals("calibration")) {
                    photos(person, gallery, probes, missed);
                }
            }
        }
        return report(split, gallery, probes, noFace);
    }

    private void photos(List<LabelledPhoto> person, Map<String, List<float[]>> gallery, List<Probe> probes,
                        int[] missed) {
        List<AnalyzedFace> faces = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (LabelledPhoto p : person) {
            List<AnalyzedFace> found = engine.analyze(read(p));
            if (found.isEmpty()) {
                missed[0]++;
            } else {
                faces.add(found.get(0));
                sources.add(p.path().getFileName().toString());
            }
        }
        int n = Math.min(enrol, faces.size() - 1);
        String who = person.get(0).person();
        gallery.put(who, enrolable(faces, 0, Math.max(1, n), -1));
        if (n < 1) {
            return;
        }
        for (int i = 0; i < faces.size(); i++) {
            AnalyzedFace probe = probeFacePx > 0 ? shrunk(person.get(i), faces.get(i)) : faces.get(i);
            if (probe == null) {
                missed[0]++;
            } else {
                probes.add(new Probe(person.get(0).set(), who, sources.get(i), probe, enrolable(faces, i + 1, n, i)));
            }
        }
    }

    /** The photo shrunk so its face is probeFacePx wide, on a grey 640x480 frame, analysed again; null without a face. */
    private AnalyzedFace shrunk(LabelledPhoto photo, AnalyzedFace face) {
        double f = probeFacePx / face.box().width();
        try (Mat image = engine.decoder().decode(read(photo)); Mat small = new Mat()) {
            resize(image, small, new Size(Math.max(1, (int) Math.round(image.cols() * f)),
                    Math.max(1, (int) Math.round(image.rows() * f))), 0, 0, INTER_AREA);
            try (Mat frame = new Mat(Math.max(480, small.rows()), Math.max(640, small.cols()), CV_8UC3,
                    new Scalar(128, 128, 128, 0)); Mat roi = new Mat(frame, new Rect(0, 0, small.cols(), small.rows()))) {
                small.copyTo(roi);
                return engine.analyze(frame).stream().findFirst().orElse(null);
            }
        }
    }

    /** Up to n enrolment-quality embeddings from faces, starting at from (cyclically), never the one at skip. */
    private static List<float[]> enrolable(List<AnalyzedFace> faces, int from, int n, int skip) {
        List<float[]> chosen = new ArrayList<>();
        for (int k = 0; k < faces.size() && chosen.size() < n; k++) {
            int i = (from + k) % faces.size();
            if (i != skip && faces.get(i).quality().ok()) {
                chosen.add(faces.get(i).embedding());
            }
        }
        return chosen;
    }

    private void clips(List<LabelledPhoto> person, String split, Map<String, List<float[]>> gallery,
                       List<Probe> probes, int[] missed) {
        int enrolClip = split.equals("report") ? 1 % person.size() : 0;
        String who = person.get(0).person();
        for (int c = 0; c < person.size(); c++) {
            List<VideoFaces.FrameFaces> frames = VideoFaces.read(engine, person.get(c).path(), c == enrolClip ? 1 : step);
            if (c == enrolClip) {
                List<AnalyzedFace> usable = frames.stream().filter(f -> !f.faces().isEmpty()).map(f -> f.faces().get(0))
                        .filter(f -> rule.decidable(f.quality())).toList();
                List<float[]> chosen = new ArrayList<>();
                for (int k = 0; k < Math.min(framesPerClip, usable.size()); k++) {
                    int i = framesPerClip == 1 ? 0 : (int) Math.round(k * (usable.size() - 1) / (double) (framesPerClip - 1));
                    chosen.add(usable.get(i).embedding());
                }
                gallery.put(who, chosen);
                continue;
            }
            for (VideoFaces.FrameFaces f : frames) {
                if (f.faces().isEmpty()) {
                    missed[0]++;
                } else {
                    probes.add(new Probe(person.get(c).set(), who, person.get(c).path().getFileName() + "#" + f.frame(),
                            f.faces().get(0), null));
                }
            }
        }
    }

    private void strangers(List<LabelledPhoto> items, String split, List<Probe> probes, int[] missed) {
        for (LabelledPhoto item : items) {
            if (VideoFaces.isVideo(item.path())) {
                for (VideoFaces.FrameFaces f : VideoFaces.read(engine, item.path(), step)) {
                    missed[0] += f.faces().isEmpty() ? 1 : 0;
                    for (AnalyzedFace face : f.faces()) {
                        boolean left = face.box().x() + face.box().width() / 2 < f.width() / 2.0;
                        if (split.equals("all") || left == split.equals("calibration")) {
                            probes.add(new Probe(item.set(), null, item.path().getFileName() + "#" + f.frame(), face, null));
                        }
                    }
                }
            } else {
                List<AnalyzedFace> found = engine.analyze(read(item));
                if (found.isEmpty()) {
                    missed[0]++;
                } else {
                    probes.add(new Probe(item.set(), null, item.path().getFileName().toString(), found.get(0), null));
                }
            }
        }
    }

    private OpenSetReport report(String split, Map<String, List<float[]>> gallery, List<Probe> probes,
                                 Map<String, int[]> noFace) {
        List<String> people = gallery.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey)
                .toList();
        Map<String, Tally> tallies = new LinkedHashMap<>();
        noFace.keySet().forEach(set -> tallies.put(set, new Tally()));
        Tally all = new Tally();
        for (Probe p : probes) {
            List<PersonScore> ranked = rank(p, gallery, people);
            for (Tally t : List.of(tallies.get(p.set()), all)) {
                if (p.person() != null) {
                    t.mated(p, ranked, people);
                    t.stranger(p, ranked.stream().filter(s -> s.personKey() != people.indexOf(p.person())).toList(), people);
                } else {
                    t.stranger(p, ranked, people);
                }
            }
        }
        Map<String, SetResult> sets = new LinkedHashMap<>();
        tallies.forEach((set, t) -> sets.put(set, t.result(noFace.get(set)[0])));
        sets.put("all", all.result(noFace.values().stream().mapToInt(a -> a[0]).sum()));
        SetResult total = sets.get("all");
        double safety = 0.05;
        double large = up(total.worstStrangerLarge() + safety);
        double small = Math.max(large, up(total.worstStrangerSmall() + safety));
        return new OpenSetReport(split, rule, people.size(), sets, new Suggested(safety, large, small));
    }

    private static double up(double v) {
        return Double.isNaN(v) ? Double.NaN : Math.ceil(v * 100 - 1e-9) / 100;
    }

    /** Every enrolled person scored for the probe, best first; the person's index in people is their key. */
    private List<PersonScore> rank(Probe p, Map<String, List<float[]>> gallery, List<String> people) {
        List<PersonScore> ranked = new ArrayList<>(people.size());
        for (int k = 0; k < people.size(); k++) {
            String who = people.get(k);
            List<float[]> templates = who.equals(p.person()) && p.ownGallery() != null ? p.ownGallery() : gallery.get(who);
            if (templates.isEmpty()) {
                continue;
            }
            double[] sims = templates.stream().mapToDouble(t -> Vectors.cosine(t, p.face().embedding())).toArray();
            double best = java.util.Arrays.stream(sims).max().orElseThrow();
            ranked.add(new PersonScore(k, rule.scoring().score(sims), best, -1, sims.length));
        }
        ranked.sort(Comparator.comparingDouble(PersonScore::score).reversed());
        return ranked;
    }

    /** Counts for one set. */
    private final class Tally {
        int mated, undecided, recognized, wrong, ambiguous, unknown, rank1;
        int strangers, accepted, strangerAmbiguous, strangerUndecided;
        double worstLarge = Double.NaN, worstSmall = Double.NaN, lowLarge = Double.NaN, lowSmall = Double.NaN;
        final List<String> examples = new ArrayList<>();

        void mated(Probe p, List<PersonScore> ranked, List<String> people) {
            mated++;
            Decision d = rule.decide(p.face().quality(), ranked);
            int own = people.indexOf(p.person());
            double ownScore = ranked.stream().filter(s -> s.personKey() == own).mapToDouble(PersonScore::score)
                    .findFirst().orElse(Double.NaN);
            if (rule.decidable(p.face().quality())) {
                if (rule.small(d.faceSizePx())) {
                    lowSmall = min(lowSmall, ownScore);
                } else {
                    lowLarge = min(lowLarge, ownScore);
                }
            }
            if (d.verdict() == Verdict.UNDECIDED) {
                undecided++;
                return;
            }
            boolean first = !ranked.isEmpty() && ranked.get(0).personKey() == own;
            rank1 += first ? 1 : 0;
            switch (d.verdict()) {
                case RECOGNIZED -> {
                    if (first) {
                        recognized++;
                    } else {
                        wrong++;
                        example(p.source() + " (" + p.person() + ") recognised as " + people.get((int) d.best().personKey()), d);
                    }
                }
                case AMBIGUOUS -> ambiguous++;
                default -> unknown++;
            }
        }

        void stranger(Probe p, List<PersonScore> ranked, List<String> people) {
            strangers++;
            Decision d = rule.decide(p.face().quality(), ranked);
            switch (d.verdict()) {
                case UNDECIDED -> strangerUndecided++;
                case AMBIGUOUS -> strangerAmbiguous++;
                case RECOGNIZED -> {
                    accepted++;
                    example(p.source() + " (" + (p.person() == null ? "stranger" : p.person() + ", left out")
                            + ") accepted as " + people.get((int) d.best().personKey()), d);
                }
                default -> { }
            }
            // every face the rule could decide counts, also those it left undecided for want of a higher score
            if (rule.decidable(p.face().quality()) && d.best() != null) {
                if (rule.small(d.faceSizePx())) {
                    worstSmall = max(worstSmall, d.best().score());
                } else {
                    worstLarge = max(worstLarge, d.best().score());
                }
            }
        }

        void example(String what, Decision d) {
            if (examples.size() < 10) {
                examples.add(String.format(java.util.Locale.ROOT, "%s: score %.3f, margin %.3f, %d px", what,
                        d.bestScore(), d.margin(), d.faceSizePx()));
            }
        }

        SetResult result(int missed) {
            return new SetResult(mated, missed, undecided, recognized, wrong, ambiguous, unknown, rank1, strangers,
                    accepted, strangerAmbiguous, strangerUndecided, worstLarge, worstSmall, lowLarge, lowSmall,
                    List.copyOf(examples));
        }
    }

    private static double max(double a, double b) {
        return Double.isNaN(a) ? b : Math.max(a, b);
    }

    private static double min(double a, double b) {
        return Double.isNaN(a) ? b : Math.min(a, b);
    }

    private static byte[] read(LabelledPhoto photo) {
        try {
            return Files.readAllBytes(photo.path());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + photo.path(), e);
        }
    }
}
