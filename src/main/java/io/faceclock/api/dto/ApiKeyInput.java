package io.faceclock.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.faceclock.api.JsonInput;

/** What POST /apikeys takes: what the key is for, and its scope (admin, read or kiosk). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApiKeyInput(String name, String scope) {

    public static ApiKeyInput from(JsonInput in) {
        return new ApiKeyInput(in.text("name", true, 100), in.text("scope", true, 16));
    }
}
