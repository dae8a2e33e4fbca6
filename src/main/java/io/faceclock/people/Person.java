package io.faceclock.people;

import java.time.Instant;
import java.util.Map;

/** Someone faceclock recognises; {@code personId} is the business key (Odoo badge or ODOO_<id>). */
public record Person(
        long id,
        String personId,
        String name,
        String email,
        String phone,
        String department,
        String position,
        Map<String, Object> metadata,
        boolean active,
        Long odooEmployeeId,
        Instant createdAt,
        Instant updatedAt) {

    /** The business key's rule: what an Odoo badge must look like to serve as one. */
    public static final java.util.regex.Pattern ID_PATTERN = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,64}");
    public static final String ID_RULE = "must be 1 to 64 letters, digits, '_' or '-'";

    public PersonFields fields() {
        return new PersonFields(personId, name, email, phone, department, position, metadata, active, odooEmployeeId);
    }
}
