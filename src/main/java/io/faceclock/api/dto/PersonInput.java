package io.faceclock.api.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.faceclock.api.JsonInput;
import io.faceclock.people.Person;
import io.faceclock.people.PersonFields;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A new person's fields as POST /persons takes them; active defaults to true. The read-only fields a
 * GET returned are tolerated, so a person read can be sent back.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties({"id", "created_at", "updated_at", "faces", "face_count"})
public record PersonInput(String personId, String name, String email, String phone, String department,
        String position, Map<String, Object> metadata, Boolean active, Long odooEmployeeId) {

    static final Pattern PHONE = Pattern.compile("[0-9+()./ -]{3,40}");
    static final String PHONE_RULE = "must be a phone number (digits, spaces, + ( ) . / -)";

    public static PersonInput from(JsonInput in) {
        return read(in, true);
    }

    /** Every field, in this order, each refusal naming its field. */
    static PersonInput read(JsonInput in, boolean idRequired) {
        return new PersonInput(in.matching("person_id", idRequired, Person.ID_PATTERN, Person.ID_RULE),
                in.text("name", true, 255), in.email("email"), in.matching("phone", false, PHONE, PHONE_RULE),
                in.text("department", false, 255), in.text("position", false, 255), in.object("metadata"),
                in.bool("active"), in.positiveLong("odoo_employee_id"));
    }

    public PersonFields fields() {
        return new PersonFields(personId, name, email, phone, department, position, metadata,
                active == null || active, odooEmployeeId);
    }
}
