package io.faceclock.face;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The k best persons seen so far, each with their best template. k is small, so a linear scan beats a
 * heap plus a map; most templates never get past {@link #floor()}.
 */
final class TopPersons {

    private final long[] persons;
    private final long[] templates;
    private final float[] scores;
    private int count;
    private float floor = Float.NEGATIVE_INFINITY;

    TopPersons(int k) {
        persons = new long[k];
        templates = new long[k];
        scores = new float[k];
    }

    /** A template must beat this to change the result. */
    float floor() {
        return floor;
    }

    void offer(long person, long template, float score) {
        for (int i = 0; i < count; i++) {
            if (persons[i] == person) {
                if (score > scores[i]) {
                    scores[i] = score;
                    templates[i] = template;
                    updateFloor();
                }
                return;
            }
        }
        int at = count < persons.length ? count++ : weakest();
        persons[at] = person;
        templates[at] = template;
        scores[at] = score;
        updateFloor();
    }

    List<GalleryHit> hits() {
        List<GalleryHit> hits = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            hits.add(new GalleryHit(persons[i], templates[i], scores[i]));
        }
        hits.sort(Comparator.comparingDouble(GalleryHit::similarity).reversed());
        return hits;
    }

    private int weakest() {
        int w = 0;
        for (int i = 1; i < count; i++) {
            if (scores[i] < scores[w]) {
                w = i;
            }
        }
        return w;
    }

    private void updateFloor() {
        floor = count < persons.length ? Float.NEGATIVE_INFINITY : scores[weakest()];
    }
}
