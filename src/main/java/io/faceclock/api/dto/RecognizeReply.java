package io.faceclock.api.dto;

import java.util.List;

/** Every face in the photo, and the similarity threshold the decisions used. */
public record RecognizeReply(boolean success, List<RecognizedFace> faces, int count, double threshold)
        implements Reply {
}
