package org.rnngradients.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.rnngradients.analysis.cli.csv.CsvTable;
import org.rnngradients.docs.BenchmarkResults.Row;

/**
 * The performance goals P1–P7 against what was recorded: the comparison's medians for the speed goals (at every
 * thread count recorded), the checkpointing experiment's stored bytes for P5 and the timed full build for P6 (reported as not measured
 * when no timed build was recorded). A goal
 * is met only when every measurement it covers meets it; the table shows the measured values so that a reader can
 * see by how much.
 */
final class PerformanceGoals {
    static final String MEMORY = "docs/src/data/checkpoint-memory-checkpointed/memory.csv";
    static final String BUILD = BenchmarkResults.DIR + "/build.csv";
    static final double P1_SPEED_UP = 5;
    static final double P5_MIB = 64;
    static final double P6_SECONDS = 300;

    /** One goal: its id, workload, goal, what was measured and whether it was met. */
    record Goal(String id, String workload, String goal, String measured, boolean met) {
    }

    private PerformanceGoals() {
    }

    /** The AsciiDoc goals table; adds {@code perf-goals-met}, {@code perf-goals-count} and one verdict per goal. */
    static String table(Path root, BenchmarkResults results, Attributes a) {
        List<Goal> goals = goals(root, results);
        StringBuilder sb = new StringBuilder("[cols=\"1,4,3,4,1\",options=\"header\"]\n|===\n"
                + "| id | workload (float64) | goal | measured | met?\n");
        int met = 0;
        for (Goal g : goals) {
            sb.append("| ").append(g.id()).append(" | ").append(g.workload()).append(" | ").append(g.goal())
              .append(" | ").append(g.measured()).append(" | ").append(g.met() ? "met" : "*not met*").append('\n');
            a.put("perf-goal-" + g.id().toLowerCase() + "-verdict", g.met() ? "met" : "not met");
            met += g.met() ? 1 : 0;
        }
        a.put("perf-goals-met", Integer.toString(met));
        a.put("perf-goals-count", Integer.toString(goals.size()));
        return sb.append("|===\n").toString();
    }

    static List<Goal> goals(Path root, BenchmarkResults r) {
        List<Goal> goals = new ArrayList<>(speedGoals(r));
        goals.add(4, p5(root));
        goals.add(5, p6(root));
        return goals;
    }

    /** The goals a side-by-side comparison decides on its own: P1–P4 and P7. */
    static List<Goal> speedGoals(BenchmarkResults r) {
        List<Goal> goals = new ArrayList<>();
        goals.add(p1(r));
        goals.add(atMost(r, "P2", "p2-batched-lstm", "batched LSTM forward and backward, H = 128, B = 32, T = 100",
                "at least as fast as PyTorch", Row::oursOverPytorch, "PyTorch"));
        goals.add(atMost(r, "P3", "p3-lyapunov-full-N256", "full Lyapunov spectrum, tanh RNN N = 256, T = 1000, QR every step",
                "no slower than NumPy, same algorithm", Row::oursOverNumpy, "NumPy"));
        goals.add(atMost(r, "P4", "p4-lyapunov-top10-N1000", "top 10 exponents, N = 1000, T = 1000",
                "no slower than NumPy", Row::oursOverNumpy, "NumPy"));
        goals.add(atMost(r, "P7", "p7-training-step", "one training step, LSTM H = 32, adding problem, B = 16, T = 100",
                "at least as fast as PyTorch", Row::oursOverPytorch, "PyTorch"));
        return goals;
    }

    /**
     * The speed goals on this run's machine and on every {@linkplain BenchmarkResults#earlierRuns earlier run's}
     * machine, one column each; adds {@code perf-machines-count} and, per earlier run (named by its folder),
     * {@code perf-earlier-NAME-machine}, {@code -numpy-blas-core}, {@code perf-earlier-NAME-pN-verdict} and each workload's times and ratios
     * ({@link PerformanceChapter#workloadAttributes} with the prefix {@code perf-earlier-NAME-}).
     */
    static String acrossMachines(Path root, BenchmarkResults current, Attributes a) {
        List<String> earlier = BenchmarkResults.earlierRuns(root);
        List<List<Goal>> columns = new ArrayList<>();
        columns.add(speedGoals(current));
        StringBuilder header = new StringBuilder("| goal | ").append(current.machineLabel()).append(" (this book's run)");
        for (String dir : earlier) {
            BenchmarkResults r = BenchmarkResults.read(root, dir);
            String name = "perf-earlier-" + dir.substring(dir.lastIndexOf('/') + 1);
            List<Goal> goals = speedGoals(r);
            columns.add(goals);
            a.put(name + "-machine", r.machineLabel());
            a.put(name + "-numpy-blas-core", r.machine("numpy_blas_core"));
            for (Goal g : goals) {
                a.put(name + "-" + g.id().toLowerCase() + "-verdict", g.met() ? "met" : "not met");
            }
            PerformanceChapter.workloadAttributes(r, name + "-", a);
            header.append(" | ").append(r.machineLabel());
        }
        a.put("perf-machines-count", Integer.toString(columns.size()));
        StringBuilder sb = new StringBuilder("[cols=\"1").append(",3".repeat(columns.size()))
                .append("\",options=\"header\"]\n|===\n").append(header).append('\n');
        for (int i = 0; i < columns.get(0).size(); i++) {
            sb.append("| ").append(columns.get(0).get(i).id());
            for (List<Goal> column : columns) {
                Goal g = column.get(i);
                sb.append(" | ").append(g.measured()).append(": ").append(g.met() ? "met" : "*not met*");
            }
            sb.append('\n');
        }
        return sb.append("|===\n").toString();
    }

    /** P1: every batch-1 workload at least five times faster than PyTorch, at every thread count. */
    static Goal p1(BenchmarkResults r) {
        StringBuilder measured = new StringBuilder("PyTorch time / ours: ");
        boolean met = true;
        for (int threads : r.threadCounts()) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = 0;
            for (String[] w : PerformanceChapter.WORKLOADS) {
                if (w[0].startsWith("p1-")) {
                    double speedUp = 1 / r.row(w[0], threads).oursOverPytorch();
                    lo = Math.min(lo, speedUp);
                    hi = Math.max(hi, speedUp);
                }
            }
            met &= lo >= P1_SPEED_UP;
            measured.append(threads == 1 ? "" : "; ").append(Formats.sig(lo, 2)).append("–").append(Formats.sig(hi, 2))
                    .append(" (").append(threads).append(threads == 1 ? " thread)" : " threads)");
        }
        return new Goal("P1", "batch 1, LSTM H = 64 and 256, T = 1000: forward, full BPTT, per-step ‖∂L/∂hₜ‖",
                "at least 5 × faster than PyTorch", measured.toString(), met);
    }

    /** A goal "ours / other ≤ 1" at every thread count. */
    static Goal atMost(BenchmarkResults r, String id, String workload, String label, String goal,
                       ToDoubleFunction<Row> ratio, String other) {
        StringBuilder measured = new StringBuilder("ours / " + other + ": ");
        boolean met = true;
        for (int threads : r.threadCounts()) {
            double x = ratio.applyAsDouble(r.row(workload, threads));
            met &= x <= 1;
            measured.append(threads == 1 ? "" : "; ").append(Formats.sig(x, 2)).append(" (").append(threads)
                    .append(threads == 1 ? " thread)" : " threads)");
        }
        return new Goal(id, label, goal, measured.toString(), met);
    }

    /** P5: the stored bytes of checkpointed BPTT, LSTM H = 256 at T = 100 000 (the checkpointing experiment). */
    static Goal p5(Path root) {
        CsvTable t = read(root, MEMORY);
        for (int i = 0; i < t.size(); i++) {
            if (t.number(i, "T") == 100_000 && t.number(i, "hidden") == 256) {
                double mib = t.number(i, "stored_MiB");
                return new Goal("P5", "checkpointed LSTM, H = 256, T = 100 000", "at most 64 MiB stored",
                        Formats.sig(mib, 3) + " MiB (full storage " + Formats.sig(t.number(i, "full_storage_MiB") / 1024, 3)
                        + " GiB)", mib <= P5_MIB);
            }
        }
        throw new IllegalStateException(MEMORY + " has no row for H = 256, T = 100000");
    }

    /** P6: the recorded wall time of the full build with both backends' test runs. */
    static Goal p6(Path root) {
        if (!Files.isRegularFile(root.resolve(BUILD))) {
            return new Goal("P6", "`mvn -B verify`, fresh clone", "at most 5 min, including the second backend",
                    "not measured: no timed full build recorded (" + BUILD + ")", false);
        }
        CsvTable t = read(root, BUILD);
        double seconds = t.number(0, "seconds");
        return new Goal("P6", "`" + t.text(0, "command") + "` (" + t.text(0, "conditions") + ")",
                "at most 5 min, including the second backend", Formats.sig(seconds / 60, 2) + " min", seconds <= P6_SECONDS);
    }

    private static CsvTable read(Path root, String file) {
        Path p = root.resolve(file);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("the performance goals need " + file);
        }
        try {
            return CsvTable.read(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
