package io.faceclock.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * What a connection test found: the server, the transport, the user, and what that user may do, or
 * the error and its kind. The Odoo sync builds this answer (OdooSyncService.test); this is its shape.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OdooTestReply(boolean success, String message, String error, String kind, String serverVersion,
        Object protocolVersion, String transport, String warning, Long uid, String userName, Boolean canReadEmployees,
        Boolean canReadBadges, Boolean canCreateAttendances, List<String> missingRights) {
}
