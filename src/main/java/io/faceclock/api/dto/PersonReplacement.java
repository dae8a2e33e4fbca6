package io.faceclock.api.dto;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.faceclock.api.JsonInput;
import io.faceclock.people.PersonFields;
import java.util.Map;

/**
 * A person's fields as PUT takes them: every field as given, what is omitted is cleared, except
 * odoo_employee_id, which is kept when omitted (a page editing a person need not know the link);
 * a person_id renames them, its absence keeps the path's.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties({"id", "created_at", "updated_at", "faces", "face_count"})
public record PersonReplacement(String personId, String name, String email, String phone, String department,
        String position, Map<String, Object> metadata, Boolean active, Long odooEmployeeId,
        @JsonIgnore boolean odooEmployeeIdGiven) {

    public static PersonReplacement from(JsonInput in) {
        PersonInput p = PersonInput.read(in, false);
        return new PersonReplacement(p.personId(), p.name(), p.email(), p.phone(), p.department(), p.position(),
                p.metadata(), p.active(), p.odooEmployeeId(), in.has("odoo_employee_id"));
    }

    /** What to store instead of the person at pathId whose fields are now current. */
    public PersonFields replacing(String pathId, PersonFields current) {
        return new PersonFields(personId == null ? pathId : personId, name, email, phone, department, position,
                metadata, active == null || active, odooEmployeeIdGiven ? odooEmployeeId : current.odooEmployeeId());
    }
}
