package io.faceclock.api.dto;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** GET /reports/attendance as JSON (format=csv gives the same rows as text/csv). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AttendanceReportReply(boolean success, String startDate, String endDate, String timezone,
        String startTime, List<Person> data, List<Day> days) implements Reply {

    public AttendanceReportReply(String startDate, String endDate, String timezone, String startTime,
                                 List<Person> data, List<Day> days) {
        this(true, startDate, endDate, timezone, startTime, data, days);
    }

    /** One person over the period. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Person(String personId, String name, int daysPresent, double hoursWorked, int lateArrivals,
            int daysLeftOpen, int daysClosedAutomatically) {
    }

    /** One site day: people present and their hours. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Day(String date, int people, double hoursWorked) {
    }
}
