package io.faceclock.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.faceclock.odoo.sync.PushResult;
import java.util.List;

/** What a push to Odoo did; 502 with error when Odoo stopped it part way. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PushReply(boolean success, String message, int pushed, int updated, int unchanged, int failed,
        int conflicts, int total, List<String> errors, String error) implements Reply {

    public static PushReply of(PushResult r) {
        return new PushReply(r.abortedBy() == null, r.message(), r.pushed(), r.updated(), r.unchanged(), r.failed(),
                r.conflicts(), r.total(), r.errors(), r.abortedBy());
    }

    @Override
    public int status() {
        return success ? 200 : 502;
    }
}
