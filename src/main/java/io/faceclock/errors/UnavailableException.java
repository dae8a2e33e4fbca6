package io.faceclock.errors;

/** A part faceclock needs for this request is not there right now (the face engine without its models). */
public final class UnavailableException extends DomainException {
    public UnavailableException(String message) {
        super(null, message);
    }
}
