package org.rnngradients.analysis.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on stderr with percentage and estimated time left, redrawn in place with
 * a carriage return at most ten times a second. A disabled bar prints nothing.
 */
final class Progress {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final String label;
    private final long total;
    private final boolean enabled;
    private final LongSupplier clock;
    private final long start;
    private long done;
    private long lastDraw;
    private boolean drawnComplete;

    /** A bar for {@code total} units of work labelled {@code label}, drawn on {@code err} when {@code enabled}. */
    Progress(PrintWriter err, String label, long total, boolean enabled, LongSupplier clock) {
        this.err = err;
        this.label = label;
        this.total = Math.max(1, total);
        this.enabled = enabled;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.lastDraw = start - REDRAW_NANOS;
    }

    /** A bar on {@code err} timed by {@link System#nanoTime()}. */
    static Progress of(PrintWriter err, String label, long total, boolean enabled) {
        return new Progress(err, label, total, enabled, System::nanoTime);
    }

    /** Records {@code units} more units of work done. */
    void advance(long units) {
        done = Math.min(total, done + units);
        long now = clock.getAsLong();
        if (enabled && (now - lastDraw >= REDRAW_NANOS || done == total)) {
            lastDraw = now;
            drawnComplete = done == total;
            err.print('\r' + render(label, done, total, now - start));
            err.flush();
        }
    }

    /** Ends the line (after the last redraw). */
    void finish() {
        if (enabled) {
            err.print(drawnComplete ? "\n" : '\r' + render(label, total, total, clock.getAsLong() - start) + '\n');
            err.flush();
        }
    }

    /** The bar text, e.g. {@code profile [###...]  64% 640/1000 ETA 0:03}. */
    static String render(String label, long done, long total, long elapsedNanos) {
        double fraction = total == 0 ? 1 : (double) done / total;
        int filled = (int) Math.round(fraction * WIDTH);
        String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
        String time = done >= total ? "done in " + clock((long) (elapsedNanos / 1e9))
                : "ETA " + (done == 0 ? "--:--" : clock((long) (elapsedNanos / 1e9 * (total - done) / done)));
        return String.format("%s [%s] %3d%% %d/%d %s", label, bar, (int) Math.floor(100 * fraction), done, total, time);
    }

    /** Seconds as m:ss or h:mm:ss. */
    static String clock(long seconds) {
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
    }
}
