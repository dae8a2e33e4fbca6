package io.faceclock.security;

import io.faceclock.audit.AuditLog;
import io.faceclock.audit.LogLevel;
import java.util.Map;

/**
 * Who may see faceclock's internals (health details, metrics): a live admin or read key. A wrong
 * key counts toward the same throttle as on the API, so these answers are no way around it.
 */
public final class ObserverKeys {

    private final ApiKeys keys;
    private final FailedKeyThrottle throttle;
    private final AuditLog audit;

    public ObserverKeys(ApiKeys keys, FailedKeyThrottle throttle, AuditLog audit) {
        this.keys = keys;
        this.throttle = throttle;
        this.audit = audit;
    }

    /** What a request with this key (null: none) from this address may see. */
    public Access access(String secret, String address, String path) {
        if (secret == null || secret.isBlank()) {
            return Access.NO_KEY;
        }
        if (throttle.retryAfterSeconds(address) > 0) {
            return Access.BLOCKED;
        }
        ApiKey key = keys.verify(secret).orElse(null);
        if (key == null) {
            boolean blocked = throttle.recordFailure(address);
            audit.write(AuditLog.SECURITY, blocked ? LogLevel.ERROR : LogLevel.WARNING,
                    blocked ? "Address " + address + " blocked after repeated wrong API keys"
                            : "Wrong API key from " + address, Map.of("address", address, "path", path));
            return Access.WRONG_KEY;
        }
        return key.scope() == Scope.KIOSK ? Access.TOO_SMALL : Access.DETAILS;
    }

    /** The answer to a request for internals. */
    public enum Access {
        DETAILS, NO_KEY, WRONG_KEY, TOO_SMALL, BLOCKED;

        public boolean allowed() {
            return this == DETAILS;
        }
    }
}
