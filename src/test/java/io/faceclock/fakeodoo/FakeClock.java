package io.faceclock.fakeodoo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The fake's notion of "now" for write_date and create_date: microsecond precision like PostgreSQL,
 * strictly increasing. It follows the system clock unless a test pins it with {@link #set(Instant)},
 * after which it only advances by a microsecond per reading (until set again or {@link #useSystemTime()}).
 */
public final class FakeClock {

    private Instant pinned;
    private Instant last = Instant.EPOCH;

    public synchronized Instant now() {
        Instant base = pinned != null ? pinned : Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant next = base.isAfter(last) ? base : last.plus(1, ChronoUnit.MICROS);
        last = next;
        return next;
    }

    /** Pins the clock at t (or just after the last reading, so time never goes backwards). */
    public synchronized void set(Instant t) {
        pinned = t.truncatedTo(ChronoUnit.MICROS);
    }

    public synchronized void useSystemTime() {
        pinned = null;
    }
}
