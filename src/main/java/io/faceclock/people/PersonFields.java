package io.faceclock.people;

import java.util.Map;

/** The writable part of a person, as validated input or as the state to store. */
public record PersonFields(
        String personId,
        String name,
        String email,
        String phone,
        String department,
        String position,
        Map<String, Object> metadata,
        boolean active,
        Long odooEmployeeId) {
}
