package io.faceclock.errors;

/** A system faceclock depends on (Odoo) refused or failed the work; the message says what it answered. */
public final class UpstreamException extends DomainException {
    public UpstreamException(String message) {
        super(null, message);
    }
}
