package io.faceclock.face;

/** A stored face embedding of one person, made by the model {@code modelId}. */
public record Template(long templateId, long personKey, String modelId, float[] embedding) {
}
