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

    public PersonFields fields() {
        return new PersonFields(personId, name, email, phone, department, position, metadata, active, odooEmployeeId);
    }
}
