package io.faceclock.face;

import java.util.List;
import java.util.Optional;

/**
 * Decides whether a similarity means "same person". The default threshold comes from the labelled
 * photos in ../shared/faces: see docs/face-threshold.md for how it was chosen and the measured numbers.
 */
public record Matcher(double threshold) {

    /** For mobilefacenet_128@b7120c09; another model needs its own threshold. */
    public static final double DEFAULT_THRESHOLD = 0.31;

    public static Matcher defaults() {
        return new Matcher(DEFAULT_THRESHOLD);
    }

    /** 1:1 verification. */
    public Verification verify(float[] a, float[] b) {
        double similarity = Vectors.cosine(a, b);
        return new Verification(similarity, similarity >= threshold);
    }

    /** 1:N identification: the best hit if it reaches the threshold, otherwise unknown. */
    public Optional<GalleryHit> identify(List<GalleryHit> hits) {
        return hits.stream().filter(h -> h.similarity() >= threshold).findFirst();
    }

    public Optional<GalleryHit> identify(FaceGallery gallery, float[] query) {
        return identify(gallery.search(query, 1));
    }

    public record Verification(double similarity, boolean samePerson) {
    }
}
