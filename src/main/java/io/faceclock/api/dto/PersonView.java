package io.faceclock.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.faceclock.attendance.SiteClock;
import io.faceclock.people.Person;
import java.util.Map;

/** A person as the API shows one; timestamps in the site's offset. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PersonView(String personId, String name, String email, String phone, String department,
        String position, Map<String, Object> metadata, boolean active, Long odooEmployeeId, String createdAt,
        String updatedAt) {

    public static PersonView of(Person p, SiteClock clock) {
        return new PersonView(p.personId(), p.name(), p.email(), p.phone(), p.department(), p.position(),
                p.metadata(), p.active(), p.odooEmployeeId(), clock.format(p.createdAt()), clock.format(p.updatedAt()));
    }
}
