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
}
