package io.faceclock.odoo;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The total time one call to Odoo may take, however the server spends it (accepting and never
 * answering, or trickling its answer a byte at a time beats any per-read timeout).
 */
final class Deadline {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "odoo-call-deadline");
        t.setDaemon(true);
        return t;
    });

    /** What a call whose deadline passed fails with, under whatever the transport threw. */
    static final class Exceeded extends IOException {
        final Duration limit;

        Exceeded(Duration limit) {
            super("the call did not finish within " + seconds(limit));
            this.limit = limit;
        }
    }

    private Deadline() {
    }

    /** Runs onExpiry when the deadline passes; cancel the returned future when the call is done. */
    static ScheduledFuture<?> schedule(Duration limit, Runnable onExpiry) {
        return TIMER.schedule(onExpiry, limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    static OdooException timeout(OdooConnection conn, String call, Duration limit) {
        return new OdooException(OdooException.Kind.TIMEOUT, "Odoo at " + conn.hostPort() + " did not finish answering "
                + call + " within " + seconds(limit) + " (the deadline per call, faceclock.odoo.call-timeout-seconds).");
    }
}
