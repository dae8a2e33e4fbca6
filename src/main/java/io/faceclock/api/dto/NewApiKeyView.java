package io.faceclock.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.faceclock.attendance.SiteClock;
import io.faceclock.security.NewApiKey;

/** A key just created: what the list shows, and its text, this once. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record NewApiKeyView(long id, String name, String scope, String prefix, String createdAt, String lastUsedAt,
        String revokedAt, String key) {

    public static NewApiKeyView of(NewApiKey created, SiteClock clock) {
        ApiKeyView v = ApiKeyView.of(created.key(), clock);
        return new NewApiKeyView(v.id(), v.name(), v.scope(), v.prefix(), v.createdAt(), v.lastUsedAt(),
                v.revokedAt(), created.secret());
    }
}
