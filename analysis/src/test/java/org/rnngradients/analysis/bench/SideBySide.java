package org.rnngradients.analysis.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.rnngradients.analysis.bench.SideBySideWorkloads.Workload;
import org.rnngradients.linalg.Backend;

/**
 * This project's half of the side-by-side comparison: times every workload of {@link SideBySideWorkloads} in one
 * JVM and prints one CSV row per workload, {@code implementation,threads,round,workload,seconds,runs}, where
 * seconds is the median of the measured runs after the in-process warm-up (at least the workload's warm-up runs and
 * at least one second), per operation. OpenBLAS's thread count comes from
 * {@code -Drnngradients.threads}. Run by {@code docs/src/bench/compare.sh}, never by the build.
 *
 * <p>Arguments: {@code round} (a label copied to the output), then optionally {@code scans} (also time the
 * scans over H and T), or {@code versions} alone (print the backend's description and exit). The environment
 * variable {@code BENCH_ONLY}, a regular expression, keeps only the workloads whose names it matches (as in
 * {@code workloads.py}).
 */
public final class SideBySide {
    private SideBySide() {
    }

    /** Runs the workloads (see the class comment for the arguments). */
    public static void main(String[] args) {
        Backend backend = Backend.current();
        if (args.length == 1 && args[0].equals("versions")) {
            System.out.println("backend=" + backend.name());
            System.out.println("threads=" + backend.threads());
            System.out.println("description=" + backend.description());
            return;
        }
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: SideBySide <round> [scans] | versions");
        }
        String round = args[0];
        boolean scans = args.length > 1 && args[1].equals("scans");
        List<Workload> workloads = SideBySideWorkloads.all(scans);
        Pattern only = Pattern.compile(System.getenv().getOrDefault("BENCH_ONLY", ".*")); // as in workloads.py
        for (Workload w : workloads) {
            if (!only.matcher(w.name()).matches()) {
                continue;
            }
            double seconds = medianSeconds(w);
            System.out.printf(Locale.ROOT, "ours,%d,%s,%s,%.6e,%d%n", backend.threads(), round, w.name(), seconds,
                    w.runs());
            System.out.flush();
        }
    }

    /**
     * The warm-up lasts at least this long as well as {@link Workload#warmUp()} runs, here and in workloads.py:
     * a few runs of a millisecond workload end before the JIT compiler has finished with its hot loops.
     */
    static final long WARM_UP_NANOS = 1_000_000_000L;

    /** The median wall time of {@code w}'s measured runs, after the warm-up ({@link #WARM_UP_NANOS}). */
    static double medianSeconds(Workload w) {
        long started = System.nanoTime();
        for (int done = 0; done < w.warmUp() || System.nanoTime() - started < WARM_UP_NANOS; done++) {
            w.action().run();
        }
        double[] times = new double[w.runs()];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            w.action().run();
            times[i] = (System.nanoTime() - start) * 1e-9;
        }
        Arrays.sort(times);
        int mid = times.length / 2;
        double median = times.length % 2 == 1 ? times[mid] : 0.5 * (times[mid - 1] + times[mid]);
        return median / w.operations();
    }
}
