package io.faceclock.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.faceclock.odoo.sync.ConnectionTest;
import java.util.List;

/**
 * What a connection test found: the server, the transport, the user, and what that user may do, or
 * the error and its kind. A failed test is Odoo's failure, answered like a failed push: 502 with the reason.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OdooTestReply(boolean success, String message, String error, String kind, String serverVersion,
        Integer protocolVersion, String transport, String warning, Integer uid, String userName,
        Boolean canReadEmployees, Boolean canReadBadges, Boolean canCreateAttendances, List<String> missingRights)
        implements Reply {

    public static OdooTestReply of(ConnectionTest t) {
        return new OdooTestReply(t.success(), t.message(), t.success() ? null : t.message(),
                t.kind() == null ? null : t.kind().name(), t.serverVersion(), t.protocolVersion(), t.transport(),
                t.warning(), t.uid(), t.userName(), t.canReadEmployees(), t.canReadBadges(),
                t.canCreateAttendances(), t.missingRights());
    }

    @Override
    public int status() {
        return success ? 200 : 502;
    }
}
