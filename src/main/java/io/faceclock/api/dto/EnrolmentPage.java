package io.faceclock.api.dto;

import java.util.List;

/** GET /enrolment: people with their face template count (EnrolmentApi writes it). */
public record EnrolmentPage(boolean success, List<Row> data, long total, int limit, int offset, int enough,
        List<String> departments) implements Reply {

    /** faces: the template count; enrolment: none, too_few or enough. */
    public record Row(String person_id, String name, String department, boolean active, int faces,
            String enrolment) {
    }
}
