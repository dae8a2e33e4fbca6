package io.faceclock.face;

/**
 * One enrolled person scored against a query face.
 *
 * @param score        the person's score under a {@link PersonScoring} (what the decision compares)
 * @param best         the similarity of their single closest template
 * @param templateId   that closest template
 * @param templates    how many templates the person has in the gallery
 */
public record PersonScore(long personKey, double score, double best, long templateId, int templates) {
}
