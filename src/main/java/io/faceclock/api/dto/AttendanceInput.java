package io.faceclock.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.faceclock.api.JsonInput;
import io.faceclock.people.Person;

/** A manual attendance: ISO-8601 times (with an offset, or on the site's wall clock), check_out optional. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AttendanceInput(String personId, String checkIn, String checkOut, String note) {

    public static AttendanceInput from(JsonInput in) {
        return new AttendanceInput(in.matching("person_id", true, 64, Person.ID_PATTERN, Person.ID_RULE),
                in.text("check_in", true, 64), in.text("check_out", false, 64), in.text("note", false, 1000));
    }
}
