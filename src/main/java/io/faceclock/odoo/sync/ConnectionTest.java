package io.faceclock.odoo.sync;

import io.faceclock.odoo.OdooException;
import java.util.List;

/**
 * What a connection test found: the server and transport, the user and what that user may do, or,
 * when Odoo could not be reached or refused the login, the failure and its kind (then the other fields are null).
 */
public record ConnectionTest(boolean success, String message, OdooException.Kind kind, String serverVersion,
                             Integer protocolVersion, String transport, String warning, Integer uid, String userName,
                             Boolean canReadEmployees, Boolean canReadBadges, Boolean canCreateAttendances,
                             List<String> missingRights) {

    static ConnectionTest failed(OdooException e) {
        return new ConnectionTest(false, e.getMessage(), e.kind(), null, null, null, null, null, null, null, null,
                null, null);
    }

    /** Connected and logged in: whether anything failed is the missing rights. */
    public boolean connected() {
        return uid != null;
    }
}
