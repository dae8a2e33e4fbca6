package io.faceclock.api;

import io.faceclock.errors.ConflictException;
import io.faceclock.errors.DomainException;
import io.faceclock.errors.InvalidInputException;
import io.faceclock.errors.NotFoundException;
import io.faceclock.errors.UnavailableException;
import io.faceclock.errors.UpstreamException;
import io.faceclock.face.FaceException;
import io.faceclock.store.StoreException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where a failure becomes an HTTP answer (status, success false, error, field) for
 * every route; a stack trace never leaves the server.
 */
public final class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    /** The global onException of api-guard.yaml: whatever a REST route threw. */
    public void handle(Exchange exchange) {
        answer(exchange, exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
    }

    /** Writes the JSON error for a failure; the guard's refusals come here too. */
    public static void answer(Exchange exchange, Throwable failure) {
        Answer a = answer(failure, exchange.getMessage().getHeader(Exchange.HTTP_METHOD) + " "
                + exchange.getMessage().getHeader(Exchange.HTTP_PATH));
        Responses.write(exchange, a.status(), a.body());
    }

    /** An HTTP answer for a failure: the status and the JSON body (a failed sync job shows it too). */
    public record Answer(int status, Map<String, Object> body) {
    }

    /** The answer for a failure of the given request or job (named in the server log when unexpected). */
    public static Answer answer(Throwable failure, String request) {
        Throwable t = unwrap(failure);
        if (t instanceof DomainException e) {
            return error(status(e), e.getMessage(), e.field());
        } else if (t instanceof ApiException e) {
            return error(e.status(), e.getMessage(), e.field());
        } else if (t instanceof FaceException e) {
            return error(status(e), e.getMessage(), "image");
        } else if (t instanceof StoreException e && e.isConstraintViolation()) {
            return error(409, "The change conflicts with data stored meanwhile; reload and retry", null);
        } else if (t instanceof StoreException e && e.isUnavailable()) {
            LOG.warn("The database cannot be reached: {}", e.getMessage());
            return error(503, "The database cannot be reached right now; try again shortly", null);
        }
        String ref = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("Unexpected failure (reference {}) on {}", ref, request, t);
        return error(500, "Internal error (reference " + ref + "); the server log has details", null);
    }

    private static Answer error(int status, String message, String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("error", message);
        if (field != null) {
            body.put("field", field);
        }
        return new Answer(status, body);
    }

    static int status(DomainException e) {
        if (e instanceof InvalidInputException) {
            return 400;
        } else if (e instanceof NotFoundException) {
            return 404;
        } else if (e instanceof ConflictException) {
            return 409;
        } else if (e instanceof UpstreamException) {
            return 502;
        } else if (e instanceof UnavailableException) {
            return 503;
        }
        return 400;
    }

    static int status(FaceException e) {
        return switch (e.kind()) {
            case BAD_IMAGE -> 400;
            case IMAGE_TOO_LARGE -> 413;
            // a readable photo whose face cannot be used: no face, several, too small, blurred…
            default -> 422;
        };
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t != null && !(t instanceof DomainException) && !(t instanceof ApiException)
                && !(t instanceof StoreException) && !(t instanceof FaceException)
                && t.getCause() != null && t.getCause() != t && isWrapper(t)) {
            t = t.getCause();
        }
        return t;
    }

    private static boolean isWrapper(Throwable t) {
        return t instanceof org.apache.camel.RuntimeCamelException
                || t instanceof java.lang.reflect.InvocationTargetException
                || t instanceof java.util.concurrent.CompletionException;
    }
}
