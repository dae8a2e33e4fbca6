package io.faceclock.api.dto;

import java.util.List;

/** A camera's visits, newest first. */
public record VisitList(boolean success, List<VisitView> data) implements Reply {
    public VisitList(List<VisitView> data) {
        this(true, data);
    }
}
