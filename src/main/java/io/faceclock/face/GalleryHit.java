package io.faceclock.face;

/** A person found by a 1:N search: their best template and its cosine similarity to the query. */
public record GalleryHit(long personKey, long templateId, double similarity) {
}
