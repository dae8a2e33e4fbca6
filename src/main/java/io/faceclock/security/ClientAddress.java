package io.faceclock.security;

import java.util.Set;

/** Who sent a request, as the wrong-key throttle counts them. */
public final class ClientAddress {

    private ClientAddress() {
    }

    /**
     * The peer's address, or, when the peer is a trusted reverse proxy, the last address it appended
     * to X-Forwarded-For (the one it saw; earlier entries are the client's word).
     */
    public static String of(String peer, String forwardedFor, Set<String> trustedProxies) {
        if (forwardedFor == null || !trustedProxies.contains(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        String last = hops[hops.length - 1].trim();
        return last.isEmpty() || last.length() > 64 ? peer : last;
    }
}
