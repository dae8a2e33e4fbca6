package io.faceclock.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** An enrolled face: when, with which model, how good the photo was, and where its thumbnail is. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FaceView(long faceId, String personId, String createdAt, String model, Quality quality,
        String thumbnailUrl) {

    /** The enrolment photo's face: detector score, size in pixels, sharpness, yaw. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Quality(double detectorScore, int sizePx, double sharpness, double yaw) {
    }
}
