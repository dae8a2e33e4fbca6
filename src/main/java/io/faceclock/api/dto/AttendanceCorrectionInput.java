package io.faceclock.api.dto;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.faceclock.api.JsonInput;
import java.util.HashSet;
import java.util.Set;

/**
 * A correction, as PATCH takes it: only the fields given change; check_out null reopens, note null
 * clears. {@code given} holds which fields the body named. The read-only fields a GET returned are
 * tolerated, so an attendance read can be sent back changed.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties({"id", "name", "duration_minutes", "source", "sync", "person_id", "closed_automatically",
        "created_at", "updated_at"})
public record AttendanceCorrectionInput(String checkIn, String checkOut, String note, @JsonIgnore Set<String> given) {

    public static AttendanceCorrectionInput from(JsonInput in) {
        String checkIn = in.has("check_in") ? in.text("check_in", true, 64) : null;
        String checkOut = in.text("check_out", false, 64);
        String note = in.text("note", false, 1000);
        Set<String> given = new HashSet<>();
        in.node().fieldNames().forEachRemaining(given::add);
        return new AttendanceCorrectionInput(checkIn, checkOut, note, Set.copyOf(given));
    }

    public boolean given(String field) {
        return given.contains(field);
    }
}
