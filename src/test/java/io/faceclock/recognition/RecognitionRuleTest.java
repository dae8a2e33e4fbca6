package io.faceclock.recognition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceclock.face.FaceException.Kind;
import io.faceclock.face.PersonScore;
import io.faceclock.face.PersonScoring;
import io.faceclock.face.Quality;
import io.faceclock.recognition.Decision.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decision rule on its own: the numbers in, the class and its reason out. */
class RecognitionRuleTest {

    private static final RecognitionRule RULE = new RecognitionRule(0.45, 0.08, 80, 0.65, 0.10, 48,
            PersonScoring.BEST_TWO);

    @Test
    void aClearLeadAboveTheThresholdIsRecognisedWithItsNumbers() {
        Decision d = RULE.decide(face(120), List.of(person(7, 0.62), person(8, 0.30)));

        assertEquals(Verdict.RECOGNIZED, d.verdict());
        assertEquals(7L, d.personKey().orElseThrow());
        assertEquals(0.32, d.margin(), 1e-9);
        assertEquals(120, d.faceSizePx());
        assertEquals(0.45, d.requiredScore());
        assertEquals(8, d.second().personKey());
    }

    @Test
    void belowTheThresholdIsUnknownAndNamesNobody() {
        Decision d = RULE.decide(face(120), List.of(person(7, 0.44), person(8, 0.10)));

        assertEquals(Verdict.UNKNOWN, d.verdict());
        assertTrue(d.personKey().isEmpty());
        assertTrue(d.reason().contains("0.440"), d.reason());
    }

    @Test
    void twoPeopleScoringCloseAreAmbiguousNeverAGuess() {
        Decision d = RULE.decide(face(120), List.of(person(7, 0.70), person(8, 0.65)));

        assertEquals(Verdict.AMBIGUOUS, d.verdict());
        assertTrue(d.personKey().isEmpty());
        assertEquals(0.05, d.margin(), 1e-9);
    }

    @Test
    void aSmallFaceNeedsTheHigherSmallFaceThresholdAndMargin() {
        List<PersonScore> scores = List.of(person(7, 0.60), person(8, 0.20));

        assertEquals(Verdict.RECOGNIZED, RULE.decide(face(80), scores).verdict());
        Decision small = RULE.decide(face(60), scores);
        assertEquals(Verdict.UNDECIDED, small.verdict(), "it may be them: too far away to be sure");
        assertEquals("face too small to be sure (60 px, score 0.600, needs 0.65): come closer", small.reason());
        assertEquals(0.65, small.requiredScore());
        assertEquals(Verdict.UNKNOWN, RULE.decide(face(60), List.of(person(7, 0.40))).verdict());
        assertEquals(Verdict.AMBIGUOUS, RULE.decide(face(60), List.of(person(7, 0.80), person(8, 0.71))).verdict());
        assertEquals(Verdict.RECOGNIZED, RULE.decide(face(60), List.of(person(7, 0.80), person(8, 0.69))).verdict());
    }

    @Test
    void a45PixelFaceIsUndecidedAndSaysToComeCloser() {
        Decision d = RULE.decide(face(45), List.of(person(7, 0.95)));

        assertEquals(Verdict.UNDECIDED, d.verdict());
        assertEquals("face too small for a safe match (45 px): come closer", d.reason());
        assertEquals(7, d.best().personKey(), "the numbers are still shown");
    }

    @Test
    void aTurnedFaceIsUndecidedWithTheQualityReason() {
        Quality turned = new Quality(120, 0.9, 300, 1.4,
                List.of(new Quality.Issue(Kind.NOT_FRONTAL, "face not frontal: look at the camera")));

        Decision d = RULE.decide(turned, List.of(person(7, 0.95)));

        assertEquals(Verdict.UNDECIDED, d.verdict());
        assertEquals("face not frontal: look at the camera", d.reason());
    }

    @Test
    void aSmallFaceIsNotRefusedForTheSoftnessOfItsUpscaledCropButALargeOneIs() {
        Quality.Issue blur = new Quality.Issue(Kind.TOO_BLURRY, "too blurry");
        Quality small = new Quality(60, 0.9, 40, 0.1, List.of(new Quality.Issue(Kind.FACE_TOO_SMALL, "small"), blur));
        Quality large = new Quality(120, 0.9, 40, 0.1, List.of(blur));
        List<PersonScore> scores = List.of(person(7, 0.90), person(8, 0.20));

        assertEquals(Verdict.RECOGNIZED, RULE.decide(small, scores).verdict());
        assertEquals(Verdict.UNDECIDED, RULE.decide(large, scores).verdict());
    }

    @Test
    void nobodyEnrolledIsUnknown() {
        Decision d = RULE.decide(face(120), List.of());

        assertEquals(Verdict.UNKNOWN, d.verdict());
        assertNull(d.best());
        assertEquals("unknown", d.verdict().wire());
    }

    @Test
    void verifyingSomeoneThatAnotherPersonMatchesAsWellIsAmbiguous() {
        assertEquals(Verdict.AMBIGUOUS, RULE.verify(face(120), person(7, 0.60), person(8, 0.66)).verdict());
        assertEquals(Verdict.RECOGNIZED, RULE.verify(face(120), person(7, 0.60), person(8, 0.30)).verdict());
    }

    @Test
    void settingsThatWouldMakeSmallFacesEasierAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RecognitionRule(0.5, 0.1, 80, 0.4, 0.1, 48,
                PersonScoring.BEST_TWO));
        assertThrows(IllegalArgumentException.class, () -> new RecognitionRule(0.5, 0.1, 80, 0.6, 0.1, 90,
                PersonScoring.BEST_TWO));
    }

    @Test
    void aPersonIsScoredByTheMeanOfTheirBestTwoTemplates() {
        assertEquals(0.7, PersonScoring.BEST_TWO.score(new double[] {0.2, 0.8, 0.6}), 1e-6);
        assertEquals(0.8, PersonScoring.BEST.score(new double[] {0.2, 0.8, 0.6}), 1e-6);
        assertEquals(0.5, PersonScoring.BEST_TWO.score(new double[] {0.5}), 1e-6);
        assertEquals(0.4, PersonScoring.MEAN.score(new double[] {0.2, 0.6}), 1e-6);
    }

    private static Quality face(int sizePx) {
        return new Quality(sizePx, 0.93, 300, 0.1, sizePx < 80
                ? List.of(new Quality.Issue(Kind.FACE_TOO_SMALL, "face too small: " + sizePx + " px, need 80"))
                : List.of());
    }

    private static PersonScore person(long key, double score) {
        return new PersonScore(key, score, score, key * 10, 3);
    }
}
