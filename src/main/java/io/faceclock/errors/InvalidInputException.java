package io.faceclock.errors;

/** The caller sent something that breaks a rule of its own field (a malformed date, a time in the future). */
public final class InvalidInputException extends DomainException {
    public InvalidInputException(String field, String message) {
        super(field, message);
    }
}
