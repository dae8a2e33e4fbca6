package io.faceclock.errors;

/** A rule refused the change given what is stored (a duplicate, an overlap, a sync already running). */
public final class ConflictException extends DomainException {
    public ConflictException(String field, String message) {
        super(field, message);
    }
}
