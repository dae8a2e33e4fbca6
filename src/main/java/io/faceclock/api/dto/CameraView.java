package io.faceclock.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A camera: where it reads, which way people pass it, its state, what it analysed and dropped, and
 * the latest error.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CameraView(String id, String url, String direction, String state, String stateSince,
        long framesAnalyzed, long framesDropped, double analyzedFps, long visitsToday, String lastError,
        String lastErrorAt, String lastFrameAt, String snapshotUrl) {
}
