package io.faceclock.api;

import io.faceclock.face.FaceException;
import io.faceclock.store.StoreException;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where a failure becomes an HTTP answer; a stack trace never leaves the server. */
public final class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    public void handle(Exchange exchange) {
        Throwable t = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        while (t != null && !(t instanceof ApiException) && !(t instanceof StoreException) && !(t instanceof FaceException)
                && t.getCause() != null && t.getCause() != t && isWrapper(t)) {
            t = t.getCause();
        }
        if (t instanceof FaceException e) {
            int status = switch (e.kind()) {
                case BAD_IMAGE -> 400;
                case IMAGE_TOO_LARGE -> 413;
                default -> 422;
            };
            Responses.error(exchange, status, e.getMessage(), "image");
        } else if (t instanceof ApiException e) {
            Responses.error(exchange, e.status(), e.getMessage(), e.field());
        } else if (t instanceof StoreException e && e.isConstraintViolation()) {
            Responses.error(exchange, 409, "The change conflicts with data stored meanwhile; reload and retry", null);
        } else {
            String ref = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("Unexpected failure (reference {}) on {} {}", ref,
                    exchange.getMessage().getHeader(Exchange.HTTP_METHOD),
                    exchange.getMessage().getHeader(Exchange.HTTP_PATH), t);
            Responses.error(exchange, 500, "Internal error (reference " + ref + "); the server log has details",
                    null);
        }
    }

    private static boolean isWrapper(Throwable t) {
        return t instanceof org.apache.camel.RuntimeCamelException
                || t instanceof java.lang.reflect.InvocationTargetException
                || t instanceof java.util.concurrent.CompletionException;
    }
}
