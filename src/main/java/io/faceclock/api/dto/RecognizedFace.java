package io.faceclock.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * One face found in a photo: where, how good, who it may be, and the open-set decision with the
 * numbers that led to it (best and second candidates, margin, face size, what was required).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RecognizedFace(Box box, List<List<Long>> landmarks, double detectorScore, Quality quality,
        List<Candidate> matches, String decision, String personId, String reason, Candidate best, Candidate second,
        Double margin, int facePx, Required required) {

    /** The face's box in pixels of the photo. */
    public record Box(long x, long y, long width, long height) {
    }

    /** Whether the face is usable, and why not. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Quality(boolean ok, int sizePx, double sharpness, List<String> issues) {
    }

    /** An enrolled person this face resembles, best first, scored from all their templates. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Candidate(String personId, String name, double similarity, double bestTemplate, int templates) {
    }

    /** The score and the lead over the runner-up this face needed (both depend on its size). */
    public record Required(double score, double margin) {
    }
}
