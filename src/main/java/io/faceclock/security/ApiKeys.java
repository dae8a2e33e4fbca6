package io.faceclock.security;

import io.faceclock.audit.AuditLog;
import io.faceclock.audit.LogLevel;
import io.faceclock.errors.ConflictException;
import io.faceclock.store.ApiKeyStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates and checks API keys. A key is 192 random bits; only its SHA-256 is stored (a key that
 * random needs no slow hash). Verified keys are cached briefly so a busy kiosk costs no database
 * round trip per request; a revocation made through this process takes effect at once, one made
 * by another process within the cache lifetime.
 */
public final class ApiKeys {

    static final String PREFIX = "fck_";
    private static final Duration CACHE_TTL = Duration.ofSeconds(10);
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private record Cached(ApiKey key, Instant loadedAt) {
    }

    private final ApiKeyStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<Long, Instant> lastTouched = new ConcurrentHashMap<>();

    public ApiKeys(ApiKeyStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    public NewApiKey create(String name, Scope scope) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiKey key = store.insert(name, scope, hash(secret), secret.substring(0, 10), clock.instant());
        audit.write(AuditLog.SECURITY, LogLevel.INFO, "API key " + key.id() + " (" + name + ", " + scope.wire()
                + ") created", Map.of("key_id", key.id(), "name", name, "scope", scope.wire()));
        return new NewApiKey(key, secret);
    }

    /** The key's record when the text names a live key; empty for unknown or revoked keys. */
    public Optional<ApiKey> verify(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 200) {
            return Optional.empty();
        }
        String hash = hash(secret.trim());
        Instant now = clock.instant();
        Cached cached = cache.get(hash);
        ApiKey key;
        if (cached != null && cached.loadedAt.plus(CACHE_TTL).isAfter(now)) {
            key = cached.key;
        } else {
            key = store.findByHash(hash).orElse(null);
            if (key == null) {
                cache.remove(hash);
                return Optional.empty();
            }
            cache.put(hash, new Cached(key, now));
        }
        // The lookup was by hash; compare again in constant time so no branch depends on a partial match.
        if (key.revoked() || !MessageDigest.isEqual(key.keyHash().getBytes(StandardCharsets.US_ASCII),
                hash.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        touch(key, now);
        return Optional.of(key);
    }

    public List<ApiKey> list() {
        return store.all();
    }

    /** False when no live key has the id; refused when it is the last live admin key (nobody could manage keys). */
    public boolean revoke(long id) {
        ApiKeyStore.Revocation outcome = store.revoke(id, clock.instant());
        if (outcome == ApiKeyStore.Revocation.LAST_ADMIN) {
            throw new ConflictException("id", "API key " + id + " is the last active admin key: without it nobody"
                    + " could manage keys any more. Create another admin key first, then revoke this one");
        }
        boolean done = outcome == ApiKeyStore.Revocation.REVOKED;
        if (done) {
            cache.values().removeIf(c -> c.key.id() == id);
            audit.write(AuditLog.SECURITY, LogLevel.INFO, "API key " + id + " revoked", Map.of("key_id", id));
        }
        return done;
    }

    /** Creates the first admin key when there is no live key at all; empty otherwise. */
    public Optional<NewApiKey> bootstrapAdminKey() {
        if (store.countActive() > 0) {
            return Optional.empty();
        }
        return Optional.of(create("initial admin key", Scope.ADMIN));
    }

    private void touch(ApiKey key, Instant now) {
        Instant last = lastTouched.get(key.id());
        if (last == null || last.plus(TOUCH_EVERY).isBefore(now)) {
            lastTouched.put(key.id(), now);
            store.touch(key.id(), now);
        }
    }

    static String hash(String secret) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(d.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
