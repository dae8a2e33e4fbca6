package io.faceclock.api.dto;

import java.util.List;

/** GET /enrolment: people with their face template count. */
public record EnrolmentPage(boolean success, List<Row> data, long total, int limit, int offset, int enough,
        List<String> departments) implements Reply {

    public EnrolmentPage(List<Row> data, long total, int limit, int offset, int enough, List<String> departments) {
        this(true, data, total, limit, offset, enough, departments);
    }

    /** faces: the template count; enrolment: none, too_few or enough. */
    public record Row(String person_id, String name, String department, boolean active, int faces,
            String enrolment) {
    }
}
