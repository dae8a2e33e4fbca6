package io.faceclock.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Whether the photo shows the person (same_person), with the similarity, the threshold, and the
 * decision's numbers as /recognize gives them.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record VerifyReply(boolean success, String personId, boolean samePerson, double similarity,
        double threshold, String decision, String reason, RecognizedFace.Candidate best,
        RecognizedFace.Candidate second, Double margin, int facePx, RecognizedFace.Required required)
        implements Reply {
}
