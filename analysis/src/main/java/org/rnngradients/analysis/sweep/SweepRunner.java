package org.rnngradients.analysis.sweep;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.rnngradients.linalg.internal.Require;

/**
 * Runs a {@link PointTask} over the points of a grid on a fixed pool of threads, skipping the points
 * whose results are already in the journal. Workers only compute; the calling thread takes results
 * as they complete, appends each to the journal and reports it, so all file writing happens on one
 * thread and an interruption loses at most the points in flight. When every point is done the journal
 * is rewritten in grid order.
 */
public final class SweepRunner {
    private final PointTask task;
    private final int threads;

    /** Hears of progress, on the thread that called {@link #run}. */
    public interface Listener {
        /** Before any work: the grid's size and how many of its points the journal already holds. */
        void started(int points, int alreadyDone);

        /** After the result of one point has been appended. */
        void completed(SweepResult result);
    }

    /** A listener that ignores everything. */
    public static final Listener SILENT = new Listener() {
        @Override
        public void started(int points, int alreadyDone) {
        }

        @Override
        public void completed(SweepResult result) {
        }
    };

    /** A runner of {@code task} on {@code threads} (&gt; 0) worker threads. */
    public SweepRunner(PointTask task, int threads) {
        this.task = Require.nonNull(task, "task");
        this.threads = Require.positive(threads, "threads");
    }

    /**
     * Computes every point of {@code grid} (non-empty, no repeats) not yet in {@code journal}, which
     * must hold no point outside the grid, then finishes the journal; returns all results in grid order.
     * A failing point stops the sweep (the results appended so far stay) with an IllegalStateException
     * naming the point.
     */
    public List<SweepResult> run(List<SweepPoint> grid, SweepJournal journal, Listener listener)
            throws IOException, InterruptedException {
        Require.nonNull(journal, "journal");
        Require.nonNull(listener, "listener");
        List<SweepPoint> pending = pending(grid, journal);
        listener.started(grid.size(), grid.size() - pending.size());
        if (!pending.isEmpty()) {
            compute(pending, journal, listener);
        }
        return journal.finish(grid);
    }

    /** The points of the grid without a result, in grid order, after checking the grid against the journal. */
    private static List<SweepPoint> pending(List<SweepPoint> grid, SweepJournal journal) {
        Require.nonNull(grid, "grid");
        if (grid.isEmpty()) {
            throw new IllegalArgumentException("grid must not be empty");
        }
        Set<SweepPoint> seen = new HashSet<>();
        List<SweepPoint> pending = new ArrayList<>();
        for (SweepPoint p : grid) {
            if (!seen.add(Require.nonNull(p, "grid point"))) {
                throw new IllegalArgumentException("grid must not repeat a point, repeated " + p);
            }
            if (!journal.completed().containsKey(p)) {
                pending.add(p);
            }
        }
        for (SweepPoint p : journal.completed().keySet()) {
            if (!seen.contains(p)) {
                throw new IllegalArgumentException("the results file holds points outside this grid, e.g. " + p
                        + " (rerun with the grid that made it, or use a new output)");
            }
        }
        return pending;
    }

    private void compute(List<SweepPoint> pending, SweepJournal journal, Listener listener)
            throws IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, pending.size()), workers());
        try {
            CompletionService<SweepResult> done = new ExecutorCompletionService<>(pool);
            Map<Future<SweepResult>, SweepPoint> submitted = new IdentityHashMap<>();
            for (SweepPoint p : pending) {
                submitted.put(done.submit(() -> task.evaluate(p)), p);
            }
            for (int k = 0; k < pending.size(); k++) {
                Future<SweepResult> f = done.take();
                SweepResult r = result(f, submitted.get(f));
                journal.append(r);
                listener.completed(r);
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private static SweepResult result(Future<SweepResult> f, SweepPoint p) throws InterruptedException {
        try {
            SweepResult r = f.get();
            if (!r.point().equals(p)) {
                throw new IllegalStateException("the task returned a result for " + r.point() + " when asked for " + p);
            }
            return r;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new IllegalStateException("sweep point " + p + " failed: " + cause, cause);
        }
    }

    /** Daemon threads, so a Ctrl-C or an error on the calling thread never waits for a long point to finish. */
    private static ThreadFactory workers() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "sweep-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
