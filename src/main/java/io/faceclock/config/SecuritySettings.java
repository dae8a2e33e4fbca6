package io.faceclock.config;

import java.time.Duration;
import java.util.Set;

/**
 * API key protection: an address sending failedKeyLimit wrong keys within failedKeyWindow is
 * refused for failedKeyBlock; requests from trustedProxies are counted by the client they forward.
 */
public record SecuritySettings(int failedKeyLimit, Duration failedKeyWindow, Duration failedKeyBlock,
                               Set<String> trustedProxies) {

    static SecuritySettings read(Settings s) {
        return new SecuritySettings(s.integer("faceclock.security.failed-key-limit"),
                s.seconds("faceclock.security.failed-key-window-seconds"),
                s.seconds("faceclock.security.failed-key-block-seconds"),
                Set.copyOf(s.list("faceclock.security.trusted-proxies")));
    }
}
