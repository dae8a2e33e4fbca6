package io.faceclock.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A pull: at most limit employees, full to re-read every one; one-off credentials optional; async true answers 202 with a job. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PullInput(String url, String db, String username, String password, Long limit, Boolean full, Boolean async) {
}
