package io.faceclock.api.dto;

import java.util.List;

/**
 * Every face in the photo, and the similarity threshold the decisions used.
 * Until the recognition rework lands, the face handlers still write this shape field by field.
 */
public record RecognizeReply(boolean success, List<RecognizedFace> faces, int count, double threshold) {
}
