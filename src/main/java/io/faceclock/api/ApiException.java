package io.faceclock.api;

import io.faceclock.errors.ConflictException;
import io.faceclock.errors.InvalidInputException;
import io.faceclock.errors.NotFoundException;

/**
 * A refusal that exists only at the HTTP edge: no or a wrong key (401), a scope too small (403),
 * a body not sent as JSON (415), too many wrong keys (429). Refusals about the input itself are
 * the domain's exceptions ({@code io.faceclock.errors}), which the factories below hand out.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String field;

    public ApiException(int status, String field, String message) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
    }

    public static InvalidInputException badRequest(String field, String message) {
        return new InvalidInputException(field, message);
    }

    public static NotFoundException notFound(String field, String message) {
        return new NotFoundException(field, message);
    }

    public static ConflictException conflict(String field, String message) {
        return new ConflictException(field, message);
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}
