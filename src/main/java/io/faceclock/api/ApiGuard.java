package io.faceclock.api;

import io.faceclock.audit.AuditLog;
import io.faceclock.audit.LogLevel;
import io.faceclock.security.ApiKey;
import io.faceclock.security.ApiKeys;
import io.faceclock.security.ClientAddress;
import io.faceclock.security.FailedKeyThrottle;
import io.faceclock.security.Scope;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;

/**
 * Runs before every /api/v1 handler: the X-API-Key must name a live key whose scope is one the
 * matched REST verb declares in its YAML (never judged from the raw path, which has many spellings),
 * and an address that keeps sending wrong keys is refused for a while.
 */
public final class ApiGuard {

    public static final String HEADER = "X-API-Key";

    private final ApiKeys keys;
    private final FailedKeyThrottle throttle;
    private final AuditLog audit;
    private final Set<String> trustedProxies;
    private volatile Map<String, VerbScopes.Verb> verbs = Map.of();

    public ApiGuard(ApiKeys keys, FailedKeyThrottle throttle, AuditLog audit, Set<String> trustedProxies) {
        this.keys = keys;
        this.throttle = throttle;
        this.audit = audit;
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    /** Property set when the request was refused; the answer is then already written. */
    public static final String DENIED = "faceclock.denied";
    /** Property holding the declared verb the request matched, for the steps after the guard. */
    static final String VERB = "faceclock.verb";

    /**
     * Lets the request through, or writes the refusal and marks the exchange denied. It answers
     * by itself rather than throwing, so the check holds for any route, whatever its error handling.
     */
    public void check(Exchange exchange) {
        // the one request header an answer keeps is the guard's own Retry-After, never the client's
        exchange.getMessage().removeHeader("Retry-After");
        try {
            authorize(exchange);
        } catch (ApiException e) {
            ApiErrors.answer(exchange, e);
            exchange.setProperty(DENIED, true);
        }
    }

    private void authorize(Exchange exchange) {
        ApiRequest req = ApiRequest.of(exchange);
        ApiKey key;
        try {
            key = knownKey(req.header(HEADER), clientAddress(req), req.method(), req.path());
        } catch (Blocked e) {
            exchange.getMessage().setHeader("Retry-After", e.seconds());
            throw e;
        }
        VerbScopes.Verb verb = matchedVerb(exchange);
        if (verb == null ? key.scope() != Scope.ADMIN : !verb.scopes().contains(key.scope())) {
            throw new ApiException(403, HEADER, "This API key has scope '" + key.scope().wire()
                    + "', which does not allow " + (verb == null ? "this request" : verb.name()));
        }
        exchange.setProperty(ApiRequest.API_KEY_PROPERTY, key);
        if (verb != null) {
            exchange.setProperty(VERB, verb);
        }
        // no route, built-in or a user's, can echo the key back as a response header
        exchange.getMessage().removeHeader(HEADER);
    }

    /**
     * For a request with a body, before any of it is read: null when its key is a live one (the
     * scope is judged later, on the verb the request matches), else the refusal, counted and logged
     * as {@link #check} would. Without it, anyone could have the server buffer a body of
     * faceclock.http.max-body-bytes per connection they open.
     */
    public ApiException refusalBeforeBody(String secret, String peer, String forwardedFor, String method,
                                          String path) {
        try {
            knownKey(secret, ClientAddress.of(peer, forwardedFor, trustedProxies), method, path);
            return null;
        } catch (ApiException e) {
            return e;
        }
    }

    /** The live key, or 429 for a blocked address, 401 for no key or a wrong one (counted and logged). */
    private ApiKey knownKey(String secret, String address, String method, String path) {
        long wait = throttle.retryAfterSeconds(address);
        if (wait > 0) {
            throw new Blocked(address, wait);
        }
        if (secret == null || secret.isBlank()) {
            throw new ApiException(401, HEADER, "Missing API key: send it in the X-API-Key header");
        }
        ApiKey key = keys.verify(secret).orElse(null);
        if (key == null) {
            refuse(method, path, address);
        }
        return key;
    }

    /** 429: the address sent too many wrong keys; it may try again in this many seconds. */
    public static final class Blocked extends ApiException {
        private final long seconds;

        Blocked(String address, long seconds) {
            super(429, HEADER, "Too many requests with a wrong API key from " + address + "; try again in "
                    + seconds + " s");
            this.seconds = seconds;
        }

        public long seconds() {
            return seconds;
        }
    }

    /** The client's address, as {@link ClientAddress} tells it. */
    String clientAddress(ApiRequest req) {
        return ClientAddress.of(req.remoteAddress(), req.header("X-Forwarded-For"), trustedProxies);
    }

    /** The REST verb whose route took this request, or null when it is no declared verb (admin only). */
    private VerbScopes.Verb matchedVerb(Exchange exchange) {
        String routeId = exchange.getFromRouteId();
        VerbScopes.Verb verb = verbs.get(routeId);
        if (verb == null && routeId != null) {
            // first request, or a route added since: read the declarations again
            verbs = VerbScopes.read(exchange.getContext());
            verb = verbs.get(routeId);
        }
        return verb;
    }

    private void refuse(String method, String path, String address) {
        boolean blocked = throttle.recordFailure(address);
        audit.write(AuditLog.SECURITY, blocked ? LogLevel.ERROR : LogLevel.WARNING,
                blocked ? "Address " + address + " blocked after repeated wrong API keys"
                        : "Wrong API key from " + address,
                Map.of("address", address, "method", method, "path", apiPath(path)));
        throw new ApiException(401, HEADER, "Unknown or revoked API key");
    }

    /** /api/v1/persons/X -> /persons/X */
    static String apiPath(String path) {
        String p = path == null ? "" : path;
        int i = p.indexOf("/api/v1");
        return i >= 0 ? p.substring(i + "/api/v1".length()) : p;
    }
}
