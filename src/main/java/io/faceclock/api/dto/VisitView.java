package io.faceclock.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One person's pass in front of a camera: the frames, the decision and the attendance action.
 * decisionLatencyMs counts from the first frame in which the face could be judged (big enough,
 * frontal, clear), inViewMs from the first frame it appeared in; both end when the attendance step
 * is done.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record VisitView(long id, String startedAt, String endedAt, int frames, String decision, String personId,
        Double score, String reason, String action, String actionReason, Long attendanceId,
        Long decisionLatencyMs, Long inViewMs) {
}
