package io.faceclock.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Whether the photo shows the person, with the similarity and the threshold.
 * Until the recognition rework lands, the face handlers still write this shape field by field.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record VerifyReply(boolean success, String personId, boolean samePerson, double similarity,
        double threshold) {
}
