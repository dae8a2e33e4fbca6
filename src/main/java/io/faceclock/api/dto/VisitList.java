package io.faceclock.api.dto;

import java.util.List;

/**
 * A camera's visits, newest first.
 * CameraApi still writes this shape field by field; it is the answer the cameras API documents.
 */
public record VisitList(boolean success, List<VisitView> data) {
}
