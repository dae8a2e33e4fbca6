package io.faceclock.cli;

import io.faceclock.face.EvaluationReport.Stats;
import io.faceclock.recognition.OpenSetReport;
import io.faceclock.recognition.OpenSetReport.SetResult;
import io.faceclock.recognition.PairsEvaluation;
import io.faceclock.recognition.RecognitionRule;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The eval command's open-set and pairs reports as JSON maps (NaN as null) and as text. */
final class EvalReports {

    private EvalReports() {
    }

    static Map<String, Object> openSet(OpenSetReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", "open-set");
        m.put("split", r.split());
        m.put("rule", rule(r.rule()));
        m.put("people", r.people());
        Map<String, Object> sets = new LinkedHashMap<>();
        r.sets().forEach((name, s) -> sets.put(name, set(s)));
        m.put("sets", sets);
        Map<String, Object> suggested = new LinkedHashMap<>();
        suggested.put("safety", r.suggested().safety());
        suggested.put("threshold", n(r.suggested().threshold()));
        suggested.put("small_face_threshold", n(r.suggested().smallFaceThreshold()));
        m.put("suggested", suggested);
        return m;
    }

    static Map<String, Object> rule(RecognitionRule rule) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("threshold", rule.threshold());
        m.put("margin", rule.margin());
        m.put("small_face_px", rule.smallFacePx());
        m.put("small_face_threshold", rule.smallFaceThreshold());
        m.put("small_face_margin", rule.smallFaceMargin());
        m.put("min_match_px", rule.minFacePx());
        m.put("person_score", rule.scoring().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return m;
    }

    private static Map<String, Object> set(SetResult s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mated_probes", s.matedProbes());
        m.put("no_face", s.noFace());
        m.put("decided", s.decided());
        m.put("undecided", s.undecided());
        m.put("recognized", s.recognized());
        m.put("misidentified", s.misidentified());
        m.put("ambiguous", s.ambiguous());
        m.put("unknown", s.unknown());
        m.put("frr", n(s.frr()));
        m.put("rank1", n(s.rank1()));
        m.put("undecided_rate", n(s.undecidedRate()));
        m.put("ambiguous_rate", n(s.ambiguousRate()));
        m.put("stranger_searches", s.strangerSearches());
        m.put("stranger_accepted", s.strangerAccepted());
        m.put("stranger_far", n(s.strangerFar()));
        m.put("stranger_ambiguous", s.strangerAmbiguous());
        m.put("stranger_undecided", s.strangerUndecided());
        m.put("stranger_undecided_rate", n(s.strangerUndecidedRate()));
        m.put("worst_stranger_score_large", n(s.worstStrangerLarge()));
        m.put("worst_stranger_score_small", n(s.worstStrangerSmall()));
        m.put("lowest_mated_score_large", n(s.lowestMatedLarge()));
        m.put("lowest_mated_score_small", n(s.lowestMatedSmall()));
        m.put("examples", s.examples());
        return m;
    }

    static void printOpenSet(PrintWriter out, OpenSetReport r) {
        RecognitionRule rule = r.rule();
        out.printf(Locale.ROOT, "open-set, split %s, %d people enrolled; rule: %.2f/%.2f margin %.2f/%.2f (faces from %d px /"
                        + " under %d px), undecided under %d px, person score %s%n", r.split(), r.people(),
                rule.threshold(), rule.smallFaceThreshold(), rule.margin(), rule.smallFaceMargin(), rule.smallFacePx(),
                rule.smallFacePx(), rule.minFacePx(), rule.scoring().name().toLowerCase(Locale.ROOT));
        out.printf(Locale.ROOT, "%-8s %6s %6s %7s %7s %7s %6s %6s | %7s %7s %8s %9s %9s | %7s %7s%n", "set", "probes",
                "FRR", "undec", "ambig", "rank-1", "wrong", "noface", "strangr", "accepted", "FAR", "undec",
                "worst L/S", "lowest L", "low S");
        r.sets().forEach((name, s) -> out.printf(Locale.ROOT,
                "%-8s %6d %6s %7s %7s %7s %6d %6d | %7d %7d %8s %9s %4s/%-4s | %7s %7s%n", name, s.matedProbes(),
                pct(s.frr()), pct(s.undecidedRate()), pct(s.ambiguousRate()), pct(s.rank1()), s.misidentified(),
                s.noFace(), s.strangerSearches(), s.strangerAccepted(), pct(s.strangerFar()),
                pct(s.strangerUndecidedRate()), num(s.worstStrangerLarge()), num(s.worstStrangerSmall()),
                num(s.lowestMatedLarge()), num(s.lowestMatedSmall())));
        out.printf(Locale.ROOT, "suggested (worst stranger + %.2f): threshold %s, small-face threshold %s%n",
                r.suggested().safety(), num(r.suggested().threshold()), num(r.suggested().smallFaceThreshold()));
        r.sets().get("all").examples().forEach(e -> out.println("  " + e));
    }

    static Map<String, Object> pairs(PairsEvaluation.Report r, RecognitionRule rule) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", "pairs");
        m.put("rule", rule(rule));
        m.put("pairs", r.pairs());
        m.put("same_pairs", r.samePairs());
        m.put("different_pairs", r.differentPairs());
        m.put("no_face", r.noFace());
        m.put("undecided", r.undecided());
        m.put("same_person", stats(r.same()));
        m.put("different_person", stats(r.different()));
        m.put("auc", n(r.auc()));
        m.put("accepted_different", r.acceptedDifferent());
        m.put("rejected_same", r.rejectedSame());
        m.put("far", n(r.far()));
        m.put("frr", n(r.frr()));
        m.put("zero_far_threshold", n(r.zeroFarThreshold()));
        m.put("false_accepts", r.falseAccepts());
        return m;
    }

    static void printPairs(PrintWriter out, PairsEvaluation.Report r) {
        out.printf(Locale.ROOT, "pairs             %d (%d same, %d different; %d without a face, %d undecided)%n",
                r.pairs(), r.samePairs(), r.differentPairs(), r.noFace(), r.undecided());
        printStats(out, "same person", r.same());
        printStats(out, "different person", r.different());
        out.printf(Locale.ROOT, "ROC AUC           %.4f%n", r.auc());
        out.printf(Locale.ROOT, "FAR %s (%d accepted)  FRR %s (%d rejected)%n", pct(r.far()), r.acceptedDifferent(),
                pct(r.frr()), r.rejectedSame());
        out.printf(Locale.ROOT, "zero-FAR threshold %.2f%n", r.zeroFarThreshold());
        r.falseAccepts().forEach(e -> out.println("false accept: " + e));
    }

    static Map<String, Object> stats(Stats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pairs", s.pairs());
        m.put("mean", n(s.mean()));
        m.put("min", n(s.min()));
        m.put("max", n(s.max()));
        return m;
    }

    static void printStats(PrintWriter out, String what, Stats s) {
        out.printf(Locale.ROOT, "%-17s %d pairs, mean %.3f, min %.3f, max %.3f%n", what, s.pairs(), s.mean(), s.min(), s.max());
    }

    private static Double n(double v) {
        return Double.isNaN(v) ? null : Math.round(v * 10000) / 10000.0;
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }
}
