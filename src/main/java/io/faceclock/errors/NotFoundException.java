package io.faceclock.errors;

/** The person, attendance, face or key that the caller named does not exist. */
public final class NotFoundException extends DomainException {
    public NotFoundException(String field, String message) {
        super(field, message);
    }
}
