package io.faceclock.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.faceclock.attendance.SiteClock;
import io.faceclock.security.ApiKey;

/** An API key as the list shows it: never its text, only the prefix that tells keys apart. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApiKeyView(long id, String name, String scope, String prefix, String createdAt, String lastUsedAt,
        String revokedAt) {

    public static ApiKeyView of(ApiKey k, SiteClock clock) {
        return new ApiKeyView(k.id(), k.name(), k.scope().wire(), k.prefix(), clock.format(k.createdAt()),
                clock.format(k.lastUsedAt()), clock.format(k.revokedAt()));
    }
}
