package io.faceclock.api.dto;

import io.faceclock.odoo.sync.PullResult;
import java.util.List;

/** What a pull of Odoo's employees did. */
public record PullReply(boolean success, String message, int added, int updated, int deactivated, int total,
        int rekeyed, List<String> errors) implements Reply {

    public static PullReply of(PullResult r) {
        return new PullReply(true, r.message(), r.added(), r.updated(), r.deactivated(), r.total(), r.rekeyed(),
                r.errors());
    }
}
