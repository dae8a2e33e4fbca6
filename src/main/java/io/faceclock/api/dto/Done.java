package io.faceclock.api.dto;

/** {"success": true, "message"}: a change that has nothing more to show. */
public record Done(boolean success, String message) implements Reply {
    public Done(String message) {
        this(true, message);
    }
}
