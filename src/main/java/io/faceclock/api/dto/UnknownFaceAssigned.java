package io.faceclock.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The unknown face enrolled as templates of person_id. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record UnknownFaceAssigned(boolean success, String personId, int templates, String message) implements Reply {
    public UnknownFaceAssigned(String personId, int templates, String message) {
        this(true, personId, templates, message);
    }
}
