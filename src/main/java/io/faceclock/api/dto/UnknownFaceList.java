package io.faceclock.api.dto;

import java.util.List;

/** Unknown faces, newest first. */
public record UnknownFaceList(boolean success, List<UnknownFaceView> data) implements Reply {
    public UnknownFaceList(List<UnknownFaceView> data) {
        this(true, data);
    }
}
