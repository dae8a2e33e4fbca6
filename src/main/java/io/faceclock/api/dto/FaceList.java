package io.faceclock.api.dto;

import java.util.List;

/**
 * A person's enrolled faces.
 * Until the recognition rework lands, the face handlers still write this shape field by field.
 */
public record FaceList(boolean success, List<FaceView> data) {
}
