package io.faceclock.attendance;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Told of every attendance change inside the transaction that makes it, so that whatever must
 * follow (the Odoo outbox) is stored atomically with the change itself.
 */
@FunctionalInterface
public interface AttendanceChangeListener {

    AttendanceChangeListener NONE = (c, attendance) -> { };

    void changed(Connection c, Attendance attendance) throws SQLException;
}
