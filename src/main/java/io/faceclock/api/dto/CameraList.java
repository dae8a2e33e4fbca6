package io.faceclock.api.dto;

import java.util.List;

/** Every camera. */
public record CameraList(boolean success, List<CameraView> data) implements Reply {
    public CameraList(List<CameraView> data) {
        this(true, data);
    }
}
