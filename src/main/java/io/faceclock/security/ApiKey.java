package io.faceclock.security;

import java.time.Instant;

/** A stored key: never its text, only a hash and a short prefix to tell keys apart. */
public record ApiKey(long id, String name, Scope scope, String keyHash, String prefix, Instant createdAt,
                     Instant lastUsedAt, Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
