package io.faceclock.camera;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceclock.attendance.PunchDirection;
import io.faceclock.face.AnalyzedFace;
import io.faceclock.face.FaceEngine;
import io.faceclock.face.PersonScore;
import io.faceclock.face.PersonScoring;
import io.faceclock.face.Shared;
import io.faceclock.face.Vectors;
import io.faceclock.face.VideoFaces;
import io.faceclock.recognition.Decision;
import io.faceclock.recognition.RecognitionRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The views a camera visit keeps (and an assignment enrols) are moments of the visit at least a second
 * apart, not its best neighbouring frames: on the shared webcam clips, people enrolled that way from
 * one clip are recognised, frame by frame under the recognition rule, in their other clips far more
 * often than with templates made of three nearly identical frames; no frame is taken for someone else.
 */
class CameraTemplatesTest {

    private static final int STEP = 5; // 25 fps clips analysed at 5 fps, as a camera does
    private static final String[][] ENROL = {{"person_a", "asl/person_a_again.mkv"},
        {"person_b", "asl/person_b_bird.mkv"}, {"person_c", "asl/person_c_book.mkv"}};
    private static final String[][] PROBE = {{"person_a", "asl/person_a_brother.mkv"},
        {"person_a", "asl/person_a_help.mkv"}, {"person_b", "asl/person_b_milk.mkv"},
        {"person_b", "asl/person_b_please.mkv"}, {"person_c", "asl/person_c_learn.mkv"}};

    private static FaceEngine engine;
    private static final Map<String, List<VideoFaces.FrameFaces>> clips = new LinkedHashMap<>();

    @BeforeAll
    static void readClips() {
        engine = FaceEngine.open(Shared.settings());
        for (String[][] set : new String[][][] {ENROL, PROBE}) {
            for (String[] c : set) {
                clips.put(c[1], VideoFaces.read(engine, Shared.root().resolve("video").resolve(c[1]), STEP));
            }
        }
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void views_a_second_apart_recognise_people_in_their_other_clips_better_than_neighbouring_frames() {
        Tally spaced = recognise(Duration.ofSeconds(1));
        Tally neighbours = recognise(Duration.ZERO);
        System.out.printf("camera templates: views 1 s apart recognise %d of %d decidable frames (person_b_please %d of"
                        + " %d); neighbouring frames %d (person_b_please %d); wrong person %d / %d; best score of someone else"
                        + " %.3f / %.3f%n",
                spaced.right, spaced.decidable, spaced.hardRight, spaced.hardDecidable, neighbours.right,
                neighbours.hardRight, spaced.wrong, neighbours.wrong, spaced.worstOther, neighbours.worstOther);
        assertTrue(spaced.wrong == 0 && neighbours.wrong == 0, "no frame may be taken for someone else");
        assertTrue(spaced.right >= spaced.decidable * 0.8, "most frames recognised: " + spaced.right + " of "
                + spaced.decidable);
        assertTrue(spaced.hardRight >= spaced.hardDecidable / 2, "the far, soft person_b_please clip mostly too: "
                + spaced.hardRight + " of " + spaced.hardDecidable);
        assertTrue(spaced.right > neighbours.right + neighbours.decidable / 10,
                "spaced views should beat neighbouring ones clearly: " + spaced.right + " vs " + neighbours.right);
    }

    private static final class Tally {
        int decidable, right, wrong, hardDecidable, hardRight;
        double worstOther;
    }

    private static Tally recognise(Duration spacing) {
        Map<String, List<float[]>> templates = new LinkedHashMap<>();
        for (String[] e : ENROL) {
            templates.put(e[0], bestViews(clips.get(e[1]), spacing));
        }
        RecognitionRule rule = RecognitionRule.DEFAULT;
        List<String> names = new ArrayList<>(templates.keySet());
        Tally t = new Tally();
        for (String[] p : PROBE) {
            boolean hard = p[1].contains("please");
            for (VideoFaces.FrameFaces frame : clips.get(p[1])) {
                if (frame.faces().isEmpty()) {
                    continue;
                }
                AnalyzedFace face = frame.faces().get(0);
                List<PersonScore> ranked = new ArrayList<>();
                for (int i = 0; i < names.size(); i++) {
                    double[] sims = templates.get(names.get(i)).stream()
                            .mapToDouble(x -> Vectors.cosine(face.embedding(), x)).toArray();
                    double score = PersonScoring.BEST_TWO.score(sims);
                    ranked.add(new PersonScore(i, score, score, i, sims.length));
                    if (!names.get(i).equals(p[0])) {
                        t.worstOther = Math.max(t.worstOther, score);
                    }
                }
                ranked.sort(Comparator.comparingDouble(PersonScore::score).reversed());
                if (!rule.decidable(face.quality())) {
                    continue; // too small, turned or unclear whatever the templates
                }
                Decision d = rule.decide(face.quality(), ranked);
                t.decidable++;
                t.hardDecidable += hard ? 1 : 0;
                if (d.verdict() == Decision.Verdict.RECOGNIZED) {
                    boolean right = names.get((int) d.best().personKey()).equals(p[0]);
                    t.right += right ? 1 : 0;
                    t.wrong += right ? 0 : 1;
                    t.hardRight += hard && right ? 1 : 0;
                }
            }
        }
        return t;
    }

    /** The three best views the tracker keeps of the one person in an enrolment clip. */
    private static List<float[]> bestViews(List<VideoFaces.FrameFaces> frames, Duration spacing) {
        Tracker tracker = new Tracker("enrol", new Tracker.Settings(Duration.ofSeconds(5), 0.3, 0.6, 6, spacing));
        Instant start = Instant.parse("2026-12-01T08:00:00Z");
        Map<Long, Visit> visits = new LinkedHashMap<>();
        for (VideoFaces.FrameFaces f : frames) {
            List<SeenFace> faces = f.faces().isEmpty() ? List.of() : List.of(new SeenFace(f.faces().get(0), null));
            Instant at = start.plusMillis(f.frame() * 40L);
            for (Visit v : tracker.update(new SeenFrame("enrol", PunchDirection.BOTH, at, 0, false, faces))) {
                visits.put(v.visitId(), v);
            }
        }
        Visit visit = visits.values().stream().max(Comparator.comparingInt(Visit::frames)).orElse(null);
        assertTrue(visit != null, "the enrolment clip shows a face");
        return visit.best().stream().limit(3).map(s -> s.face().embedding()).toList();
    }
}
