package io.faceclock.api.dto;

import java.util.List;

/**
 * Unknown faces, newest first.
 * CameraApi still writes this shape field by field; it is the answer the cameras API documents.
 */
public record UnknownFaceList(boolean success, List<UnknownFaceView> data) {
}
