package io.faceclock.api.dto;

import java.util.List;

/** A person's enrolled faces. */
public record FaceList(boolean success, List<FaceView> data) implements Reply {
    public FaceList(List<FaceView> data) {
        this(true, data);
    }
}
