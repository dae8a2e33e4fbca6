package io.faceclock.security;

/** A freshly created key: the only moment its text exists outside the caller's hands. */
public record NewApiKey(ApiKey key, String secret) {
    @Override
    public String toString() {
        return "NewApiKey[" + key.name() + ", " + key.scope().wire() + ", " + key.prefix() + "…]";
    }
}
