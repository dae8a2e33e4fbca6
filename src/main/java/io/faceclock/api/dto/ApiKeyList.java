package io.faceclock.api.dto;

import java.util.List;

/** Every API key, revoked ones included. */
public record ApiKeyList(boolean success, List<ApiKeyView> data) implements Reply {
    public ApiKeyList(List<ApiKeyView> data) {
        this(true, data);
    }
}
