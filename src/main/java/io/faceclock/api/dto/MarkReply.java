package io.faceclock.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The kiosk's punch: the face and its decision, whether an attendance was recorded (action check_in
 * or check_out) and for whom, or why not (unknown_face, ambiguous_face, undecided_face, inactive…).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MarkReply(boolean success, RecognizedFace face, boolean recorded, String decision, String action,
        Who person, Double similarity, String reason, String message, Punched attendance, String at)
        implements Reply {

    /** Who was recognised. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Who(String personId, String name) {
    }

    /** The attendance the punch opened or closed. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Punched(long id, String checkIn, String checkOut) {
    }
}
