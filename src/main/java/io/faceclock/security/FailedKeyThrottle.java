package io.faceclock.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed keys per client address in a sliding window; past the limit the address is
 * refused for the block period, even with a good key, so guessing keys is not worth trying.
 */
public final class FailedKeyThrottle {

    private final int limit;
    private final Duration window;
    private final Duration block;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> blockedUntil = new ConcurrentHashMap<>();

    public FailedKeyThrottle(int limit, Duration window, Duration block, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.block = block;
        this.clock = clock;
    }

    /** Drops addresses whose failures all left the window, so many addresses cannot wipe a live count. */
    private void forgetQuiet(Instant now) {
        Instant cutoff = now.minus(window);
        failures.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                Instant newest = e.getValue().peekLast();
                return newest == null || newest.isBefore(cutoff);
            }
        });
    }

    /** Seconds the address must still wait, or 0 when it may try. */
    public long retryAfterSeconds(String address) {
        Instant until = blockedUntil.get(address);
        if (until == null) {
            return 0;
        }
        Instant now = clock.instant();
        if (!until.isAfter(now)) {
            blockedUntil.remove(address);
            return 0;
        }
        return Math.max(1, Duration.between(now, until).toSeconds());
    }

    /** Records a failure; true when this failure just got the address blocked. */
    public boolean recordFailure(String address) {
        Instant now = clock.instant();
        Deque<Instant> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(now);
            while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(window))) {
                times.removeFirst();
            }
            if (times.size() >= limit) {
                times.clear();
                blockedUntil.put(address, now.plus(block));
                return true;
            }
        }
        if (failures.size() > 10_000) {
            forgetQuiet(now);
        }
        return false;
    }
}
