package io.faceclock.store;

import java.sql.SQLException;

/** A database failure that the caller cannot fix by changing its input. */
public class StoreException extends RuntimeException {
    public StoreException(SQLException cause) {
        super("Database error: " + cause.getMessage(), cause);
    }

    /** SQLState 23xxx: a unique or foreign-key constraint refused the change. */
    public boolean isConstraintViolation() {
        String state = ((SQLException) getCause()).getSQLState();
        return state != null && state.startsWith("23");
    }

    /**
     * The database cannot be reached right now: no connection within the pool's timeout, a broken
     * connection (SQLState 08xxx) or a server shutting down (57P0x). Worth trying again shortly.
     */
    public boolean isUnavailable() {
        SQLException e = (SQLException) getCause();
        String state = e.getSQLState();
        return e instanceof java.sql.SQLTransientConnectionException
                || state != null && (state.startsWith("08") || state.startsWith("57P"));
    }
}
