package io.faceclock.api.dto;

/** 201 with the new key's text, shown this once. */
public record ApiKeyCreated(boolean success, NewApiKeyView data, String message) implements Reply {
    public ApiKeyCreated(NewApiKeyView data) {
        this(true, data, "Store this key now: it is not shown again");
    }

    @Override
    public int status() {
        return 201;
    }
}
