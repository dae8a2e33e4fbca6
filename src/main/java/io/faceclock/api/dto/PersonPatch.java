package io.faceclock.api.dto;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.faceclock.api.JsonInput;
import io.faceclock.people.Person;
import io.faceclock.people.PersonFields;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A change to some of a person's fields, as PATCH takes it (JSON merge patch): a field left out keeps
 * its value, null clears an optional one. {@code given} holds which fields the body named, so the
 * fields themselves keep their plain types (and the OpenAPI schema the same shape as POST's).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties({"id", "created_at", "updated_at", "faces", "face_count"})
public record PersonPatch(String personId, String name, String email, String phone, String department,
        String position, Map<String, Object> metadata, Boolean active, Long odooEmployeeId,
        @JsonIgnore Set<String> given) {

    /** Every given field is validated here, before anything is read or locked. */
    public static PersonPatch from(JsonInput in) {
        String newId = in.has("person_id") ? in.matching("person_id", true, Person.ID_PATTERN, Person.ID_RULE) : null;
        String name = in.has("name") ? in.text("name", true, 255) : null;
        String email = in.email("email");
        String phone = in.matching("phone", false, PersonInput.PHONE, PersonInput.PHONE_RULE);
        String department = in.text("department", false, 255);
        String position = in.text("position", false, 255);
        Map<String, Object> metadata = in.object("metadata");
        Boolean active = in.has("active") ? in.requiredBool("active") : null;
        Long odooId = in.positiveLong("odoo_employee_id");
        Set<String> given = new HashSet<>();
        in.node().fieldNames().forEachRemaining(given::add);
        return new PersonPatch(newId, name, email, phone, department, position, metadata, active, odooId,
                Set.copyOf(given));
    }

    /** The current fields with this change applied. */
    public PersonFields applyTo(PersonFields cur) {
        return new PersonFields(personId != null ? personId : cur.personId(), name != null ? name : cur.name(),
                given.contains("email") ? email : cur.email(), given.contains("phone") ? phone : cur.phone(),
                given.contains("department") ? department : cur.department(),
                given.contains("position") ? position : cur.position(),
                given.contains("metadata") ? metadata : cur.metadata(), active != null ? active : cur.active(),
                given.contains("odoo_employee_id") ? odooEmployeeId : cur.odooEmployeeId());
    }
}
