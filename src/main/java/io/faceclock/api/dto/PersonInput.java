package io.faceclock.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.faceclock.people.PersonFields;
import java.util.Map;

/**
 * A person's writable fields as POST, PUT and PATCH take them (read field by field by JsonInput, so
 * each refusal names its field); active defaults to true.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PersonInput(String personId, String name, String email, String phone, String department,
        String position, Map<String, Object> metadata, Boolean active, Long odooEmployeeId) {

    public PersonFields fields() {
        return new PersonFields(personId, name, email, phone, department, position, metadata,
                active == null || active, odooEmployeeId);
    }
}
