package io.faceclock.cli;

import io.faceclock.odoo.sync.Progress;
import java.io.PrintStream;

/**
 * A one-line bar on a terminal ("[#######.......]  700 / 1500 employees"), redrawn in place at most
 * ten times a second. Where no terminal is attached (a pipe, a log file) there is no bar, and the
 * run does not count its total.
 */
final class ProgressBar implements AutoCloseable {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String unit;
    private final Progress progress;
    private long lastDraw;
    private boolean drawn;

    private ProgressBar(PrintStream out, String unit, boolean terminal) {
        this.out = out;
        this.unit = unit;
        this.progress = terminal ? Progress.watched(this::changed) : Progress.unwatched();
    }

    /** A bar on stderr when the process has a terminal. */
    static ProgressBar forTerminal(String unit) {
        return new ProgressBar(System.err, unit, System.console() != null);
    }

    Progress progress() {
        return progress;
    }

    private synchronized void changed() {
        long now = System.nanoTime();
        if (drawn && now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        draw();
    }

    private void draw() {
        drawn = true;
        out.print("\r" + line(progress.done(), progress.total(), unit));
        out.flush();
    }

    static String line(int done, Integer total, String unit) {
        if (total == null) {
            return String.format("  %d %s", done, unit);
        }
        int filled = total == 0 ? WIDTH : (int) Math.min(WIDTH, (long) done * WIDTH / total);
        return String.format("  [%s%s] %d / %d %s", "#".repeat(filled), ".".repeat(WIDTH - filled), done, total, unit);
    }

    /** Draws the final state and ends the line, so what is printed next starts on its own. */
    @Override
    public synchronized void close() {
        if (drawn) {
            draw();
            out.println();
        }
    }
}
