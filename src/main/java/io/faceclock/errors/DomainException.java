package io.faceclock.errors;

/**
 * A refusal the caller can act on, said as a sentence, naming the field at fault when there is one.
 * The domain throws these; the HTTP edge and the command line each decide how to show them.
 */
public abstract class DomainException extends RuntimeException {

    private final String field;

    protected DomainException(String field, String message) {
        // no stack trace: a refusal is an answer, not a fault, and busy endpoints throw them often
        super(message, null, false, false);
        this.field = field;
    }

    /** The input field at fault, or null when the refusal is about no one field. */
    public String field() {
        return field;
    }
}
