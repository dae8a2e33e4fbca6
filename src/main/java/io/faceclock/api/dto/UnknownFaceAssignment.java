package io.faceclock.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.faceclock.api.JsonInput;
import io.faceclock.people.Person;

/** Whose face it is; force enrols it even when it matches someone else. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record UnknownFaceAssignment(String personId, Boolean force) {

    public static UnknownFaceAssignment from(JsonInput in) {
        return new UnknownFaceAssignment(in.matching("person_id", true, 64, Person.ID_PATTERN, Person.ID_RULE),
                in.bool("force"));
    }
}
