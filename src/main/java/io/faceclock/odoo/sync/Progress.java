package io.faceclock.odoo.sync;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How far a pull or push has got: records done out of a total (unknown until the run has counted
 * them). The run writes it, a watcher (a job poll, a terminal bar) reads it from another thread.
 */
public final class Progress {

    private static final Runnable QUIET = () -> { };

    private final boolean counted;
    private final Runnable onChange;
    private final AtomicInteger done = new AtomicInteger();
    private volatile int total = -1;

    private Progress(boolean counted, Runnable onChange) {
        this.counted = counted;
        this.onChange = onChange;
    }

    /** Progress someone watches: a pull asks Odoo how many employees it will read (one extra call). */
    public static Progress watched(Runnable onChange) {
        return new Progress(true, onChange);
    }

    public static Progress watched() {
        return watched(QUIET);
    }

    /** Nobody watches: no extra call to count. */
    public static Progress unwatched() {
        return new Progress(false, QUIET);
    }

    /** Whether someone watches, so the run should count its total first. */
    public boolean isWatched() {
        return counted;
    }

    public int done() {
        return done.get();
    }

    /** The total, or null while it is not known. */
    public Integer total() {
        int t = total;
        return t < 0 ? null : t;
    }

    void total(int n) {
        total = Math.max(0, n);
        onChange.run();
    }

    void addToTotal(int n) {
        total = Math.max(0, total) + n;
        onChange.run();
    }

    void advance(int n) {
        done.addAndGet(n);
        onChange.run();
    }
}
