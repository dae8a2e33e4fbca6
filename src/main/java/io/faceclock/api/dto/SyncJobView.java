package io.faceclock.api.dto;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A pull or push job: state running, succeeded or failed; done out of total records (total null
 * until known); once finished, status and result are exactly what the synchronous call answers.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SyncJobView(String id, String kind, String state, int done, Integer total, String startedAt,
        String finishedAt, Integer status, Object result) {
}
