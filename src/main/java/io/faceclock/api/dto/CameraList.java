package io.faceclock.api.dto;

import java.util.List;

/**
 * Every camera.
 * CameraApi still writes this shape field by field; it is the answer the cameras API documents.
 */
public record CameraList(boolean success, List<CameraView> data) {
}
