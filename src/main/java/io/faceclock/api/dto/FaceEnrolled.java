package io.faceclock.api.dto;

/**
 * 201 with the face just enrolled.
 * Until the recognition rework lands, the face handlers still write this shape field by field.
 */
public record FaceEnrolled(boolean success, FaceView data, String message) {
}
