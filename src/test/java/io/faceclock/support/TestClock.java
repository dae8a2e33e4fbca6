package io.faceclock.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock a test moves forward by hand, instead of sleeping until a cooldown or a cache runs out. */
public final class TestClock extends Clock {

    private final AtomicReference<Instant> now;
    /** Ticking: real time passes too (live streams, staleness), the hand's moves add to it. */
    private final boolean ticking;
    private final long startNanos = System.nanoTime();

    public TestClock(Instant start) {
        this(start, false);
    }

    private TestClock(Instant start, boolean ticking) {
        this.now = new AtomicReference<>(start);
        this.ticking = ticking;
    }

    /** Starts at the real time now, and stands still until moved. */
    public static TestClock startingNow() {
        return new TestClock(Instant.now());
    }

    /** Starts at the real time now and keeps the real time's pace, plus every move by hand. */
    public static TestClock tickingFromNow() {
        return new TestClock(Instant.now(), true);
    }

    public void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }

    @Override
    public Instant instant() {
        return ticking ? now.get().plusNanos(System.nanoTime() - startNanos) : now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
