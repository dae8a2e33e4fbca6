package io.faceclock.api.dto;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** 202: a pull or push started with "async": true, and where to follow it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SyncJobStarted(boolean success, String message, String jobId, SyncJobView data) implements Reply {
    public SyncJobStarted(String message, String jobId, SyncJobView data) {
        this(true, message, jobId, data);
    }

    @Override
    public int status() {
        return 202;
    }
}
