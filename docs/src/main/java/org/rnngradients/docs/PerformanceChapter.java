package org.rnngradients.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.rnngradients.analysis.DecayFit;
import org.rnngradients.analysis.plot.Chart;
import org.rnngradients.analysis.plot.Style;
import org.rnngradients.docs.BenchmarkResults.Row;

/**
 * The performance chapter's numbers, tables and figure, all read from the recorded comparison
 * ({@link BenchmarkResults}): the ratio table, GFLOP/s against the measured dgemm peak, the log–log scaling figure
 * with fitted slopes, and the goals table ({@link PerformanceGoals}). Tables are written as AsciiDoc fragments
 * beside the attributes file; every number in the prose is an attribute named {@code perf-…}.
 */
public final class PerformanceChapter {
    /** The compared workloads, in table order, with the label the reader sees. */
    static final String[][] WORKLOADS = {
        {"p1-forward-H64", "P1 forward, H = 64"}, {"p1-bptt-H64", "P1 full BPTT, H = 64"},
        {"p1-profile-H64", "P1 profile ‖∂L/∂hₜ‖, H = 64"}, {"p1-forward-H256", "P1 forward, H = 256"},
        {"p1-bptt-H256", "P1 full BPTT, H = 256"}, {"p1-profile-H256", "P1 profile ‖∂L/∂hₜ‖, H = 256"},
        {"p2-batched-lstm", "P2 batched LSTM, B = 32"}, {"p3-lyapunov-full-N256", "P3 full spectrum, N = 256"},
        {"p4-lyapunov-top10-N1000", "P4 top 10 exponents, N = 1000"}, {"p7-training-step", "P7 training step"},
    };
    /** Kernels and whole workloads whose GFLOP/s the chapter reports. */
    static final String[][] RATES = {
        {"kernel-gemm-2048", "GEMM 2048³"}, {"kernel-gemm-256", "GEMM 256³"},
        {"kernel-frame-1000x10", "W·Q, 1000 × 1000 · 1000 × 10"}, {"kernel-lstm-step-512x128x32", "W_hh·H, 512 × 128 · 128 × 32"},
        {"kernel-qr-256", "QR 256 × 256, Q formed"}, {"p2-batched-lstm", "P2 batched LSTM"},
        {"p3-lyapunov-full-N256", "P3 full spectrum"}, {"p4-lyapunov-top10-N1000", "P4 top 10 exponents"},
        {"p1-bptt-H256", "P1 full BPTT, H = 256"}, {"kernel-gemv-1024x256", "W_hh·h, 1024 × 256 · 256 (P1, H = 256)"},
        {"kernel-gemv-256x64", "W_hh·h, 256 × 64 · 64 (P1, H = 64)"},
    };
    static final int[] SCAN_H = {16, 32, 64, 128, 256, 512};
    static final int[] SCAN_T = {125, 250, 500, 1000, 2000, 4000};
    static final String[] IMPLEMENTATIONS = {"this project", "PyTorch", "NumPy"};

    /** Adds the attributes, writes the four table fragments beside {@code generated} and draws the figure. */
    public void contribute(Path root, Path generated, Attributes a, Figures f) {
        BenchmarkResults results = BenchmarkResults.read(root);
        machineAttributes(results, a);
        int cores = results.threadCounts()[results.threadCounts().length - 1];
        a.put("perf-cores", Integer.toString(cores));
        Row large = results.row("kernel-gemm-2048", 1);
        Row small = results.row("kernel-gemm-256", 1);
        a.put("perf-gemm-2048-1", Formats.sig(large.gflops(large.ours()), 3));
        a.put("perf-gemm-256-1", Formats.sig(small.gflops(small.ours()), 3));
        a.put("perf-peak-1", Formats.sig(peak(results, 1), 3));
        a.put("perf-peak-all", Formats.sig(peak(results, cores), 3));
        p1AgainstNumpy(results, a);
        p1ForwardFloor(results, a);
        workloadAttributes(results, "perf-", a);
        for (String[] k : RATES) {
            if (k[0].startsWith("kernel-")) {
                for (int threads : results.threadCounts()) {
                    Row r = results.row(k[0], threads);
                    String id = "perf-" + k[0] + "-" + threads;
                    a.put(id + "-ours-ms", Formats.sig(1e3 * r.ours(), 3));
                    a.put(id + "-vs-numpy", Formats.sig(r.oursOverNumpy(), 2));
                }
            }
        }
        write(generated.resolve("performance-ratios.adoc"), ratioTable(results));
        write(generated.resolve("performance-rates.adoc"), rateTable(results));
        write(generated.resolve("performance-goals.adoc"), PerformanceGoals.table(root, results, a));
        write(generated.resolve("performance-machines.adoc"), PerformanceGoals.acrossMachines(root, results, a));
        scalingFigure(results, a, f);
    }

    /**
     * Each compared workload's median times and ratios at every recorded thread count, as
     * {@code PREFIXworkload-THREADS-ours-ms}, {@code -pytorch-ms}, {@code -numpy-ms}, {@code -vs-pytorch} and
     * {@code -vs-numpy}, and at all cores as {@code PREFIXworkload-all-vs-pytorch} and {@code -vs-numpy}.
     */
    static void workloadAttributes(BenchmarkResults results, String prefix, Attributes a) {
        int cores = results.threadCounts()[results.threadCounts().length - 1];
        for (String[] w : WORKLOADS) {
            String id = prefix + w[0].toLowerCase(java.util.Locale.ROOT) + "-";
            for (int threads : results.threadCounts()) {
                Row r = results.row(w[0], threads);
                a.put(id + threads + "-ours-ms", Formats.sig(1e3 * r.ours(), 3));
                a.put(id + threads + "-pytorch-ms", Formats.sig(1e3 * r.pytorch(), 3));
                a.put(id + threads + "-numpy-ms", Formats.sig(1e3 * r.numpy(), 3));
                a.put(id + threads + "-vs-pytorch", Formats.sig(r.oursOverPytorch(), 2));
                a.put(id + threads + "-vs-numpy", Formats.sig(r.oursOverNumpy(), 2));
            }
            Row all = results.row(w[0], cores);
            a.put(id + "all-vs-pytorch", Formats.sig(all.oursOverPytorch(), 2));
            a.put(id + "all-vs-numpy", Formats.sig(all.oursOverNumpy(), 2));
        }
    }

    /**
     * The attainable peak of this run at {@code threads}: the faster of this project's 2048³ and 256³ GEMM rates.
     * On a loaded machine the long product is interrupted more often than the short one, so neither alone is a
     * reliable ceiling; the larger of the two is the best rate the machine was seen to sustain.
     */
    static double peak(BenchmarkResults results, int threads) {
        Row large = results.row("kernel-gemm-2048", threads);
        Row small = results.row("kernel-gemm-256", threads);
        return Math.max(large.gflops(large.ours()), small.gflops(small.ours()));
    }

    /** The range of ours / NumPy over the P1 workloads at one thread. */
    private static void p1AgainstNumpy(BenchmarkResults results, Attributes a) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (String[] w : WORKLOADS) {
            if (w[0].startsWith("p1-")) {
                double x = results.row(w[0], 1).oursOverNumpy();
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        a.put("perf-p1-vs-numpy-min", Formats.sig(lo, 2));
        a.put("perf-p1-vs-numpy-max", Formats.sig(hi, 2));
    }

    /**
     * The floor under P1's forward pass: T = 1000 products W_hh·h with this project's measured matrix–vector time,
     * next to the P1 goal's time (PyTorch's forward pass over 5), for H = 256 and H = 64.
     */
    private static void p1ForwardFloor(BenchmarkResults results, Attributes a) {
        String[][] sizes = {{"256", "kernel-gemv-1024x256"}, {"64", "kernel-gemv-256x64"}};
        for (String[] size : sizes) {
            Row gemv = results.row(size[1], 1);
            Row forward = results.row("p1-forward-H" + size[0], 1);
            a.put("perf-gemv-h" + size[0] + "-us", Formats.sig(1e6 * gemv.ours(), 3));
            a.put("perf-gemv-h" + size[0] + "-gbs", Formats.sig(8.0 * 4 * Integer.parseInt(size[0])
                    * Integer.parseInt(size[0]) / gemv.ours() / 1e9, 3));
            a.put("perf-p1-forward-h" + size[0] + "-floor-ms", Formats.sig(1e6 * gemv.ours(), 3));
            a.put("perf-p1-forward-h" + size[0] + "-goal-ms",
                    Formats.sig(1e3 * forward.pytorch() / PerformanceGoals.P1_SPEED_UP, 3));
        }
    }

    private static void machineAttributes(BenchmarkResults r, Attributes a) {
        for (String key : new String[] {"started", "load_average_at_start", "load_average_at_end", "rounds", "cpu",
            "java", "ours", "numpy", "numpy_blas", "numpy_blas_core", "torch", "torch_blas", "python", "commit"}) {
            a.put("perf-machine-" + key.replace('_', '-'), r.machine(key));
        }
        a.put("perf-machine-command", r.machine("command"));
        String mkl = r.machineAll("torch_config").stream().filter(s -> s.contains("Math Kernel Library")).findFirst()
                .map(s -> s.replaceFirst("^-\\s*", "")).orElse("no MKL line recorded");
        a.put("perf-machine-torch-mkl", mkl);
    }

    /** Workload rows, one per thread count: the three median times and this project's time over each of the others. */
    static String ratioTable(BenchmarkResults results) {
        StringBuilder sb = new StringBuilder("[cols=\"3,1,2,2,2,2,2\",options=\"header\"]\n|===\n"
                + "| workload | threads | this project (ms) | PyTorch (ms) | NumPy (ms) | ours / PyTorch | ours / NumPy\n");
        for (int threads : results.threadCounts()) {
            for (String[] w : WORKLOADS) {
                Row r = results.row(w[0], threads);
                sb.append("| ").append(w[1]).append(" | ").append(threads)
                  .append(" | ").append(Formats.sig(1e3 * r.ours(), 3)).append(" | ").append(Formats.sig(1e3 * r.pytorch(), 3))
                  .append(" | ").append(Formats.sig(1e3 * r.numpy(), 3))
                  .append(" | ").append(ratio(r.oursOverPytorch())).append(" | ").append(ratio(r.oursOverNumpy())).append('\n');
            }
        }
        return sb.append("|===\n").toString();
    }

    /** A ratio to two significant digits, bold where this project is faster. */
    static String ratio(double x) {
        String s = Formats.sig(x, 2);
        return x < 1 ? "*" + s + "*" : s;
    }

    /** GFLOP/s of each kernel and workload at one thread, and this project's share of its own measured peak. */
    static String rateTable(BenchmarkResults results) {
        double peakRate = peak(results, 1);
        StringBuilder sb = new StringBuilder("[cols=\"4,2,2,2,2\",options=\"header\"]\n|===\n"
                + "| kernel or workload (1 thread) | this project (GFLOP/s) | share of peak | PyTorch (GFLOP/s) | NumPy (GFLOP/s)\n");
        for (String[] w : RATES) {
            Row r = results.row(w[0], 1);
            sb.append("| ").append(w[1]).append(" | ").append(Formats.sig(r.gflops(r.ours()), 3))
              .append(" | ").append(Formats.fixed(100 * r.gflops(r.ours()) / peakRate, 0)).append(" %")
              .append(" | ").append(Formats.sig(r.gflops(r.pytorch()), 3))
              .append(" | ").append(Formats.sig(r.gflops(r.numpy()), 3)).append('\n');
        }
        return sb.append("|===\n").toString();
    }

    /** Two log–log panels, full BPTT time against H (T = 200) and against T (H = 64), with a fitted slope per line. */
    private static void scalingFigure(BenchmarkResults results, Attributes a, Figures f) {
        Chart byH = new Chart("log₁₀ H (T = 200)", "log₁₀ seconds").markers();
        Chart byT = new Chart("log₁₀ T (H = 64)", "log₁₀ seconds").markers();
        List<ToDoubleFunction<Row>> times = List.of(Row::ours, Row::pytorch, Row::numpy);
        String[] keys = {"ours", "pytorch", "numpy"};
        for (int i = 0; i < times.size(); i++) {
            double[][] h = scan(results, SCAN_H, n -> "scan-H" + n + "-T200", times.get(i));
            double[][] t = scan(results, SCAN_T, n -> "scan-H64-T" + n, times.get(i));
            DecayFit fitH = DecayFit.of(h[0], h[1]);
            DecayFit fitT = DecayFit.of(t[0], t[1]);
            a.put("perf-slope-h-" + keys[i], Formats.fixed(fitH.slope(), 2));
            a.put("perf-slope-t-" + keys[i], Formats.fixed(fitT.slope(), 2));
            byH.line(IMPLEMENTATIONS[i] + ", slope " + Formats.fixed(fitH.slope(), 2), h[0], h[1], Style.solid(i).withMarkers());
            byT.line(IMPLEMENTATIONS[i] + ", slope " + Formats.fixed(fitT.slope(), 2), t[0], t[1], Style.solid(i).withMarkers());
        }
        double[][] tail = scan(results, new int[] {128, 256, 512}, n -> "scan-H" + n + "-T200", Row::ours);
        a.put("perf-slope-h-ours-large", Formats.fixed(DecayFit.of(tail[0], tail[1]).slope(), 2));
        f.grid(PerformanceChapter.class, "performance-scaling", "Log-log time of full BPTT against H and against T", 2,
                        520, 380, List.of(byH, byT))
         .data("raw.csv and summary.csv", f.sources().link(BenchmarkResults.SUMMARY, null))
         .reproduce("docs/src/bench/compare.sh 3");
    }

    /** log₁₀ sizes and log₁₀ median seconds of one implementation over a scan. */
    static double[][] scan(BenchmarkResults results, int[] sizes, java.util.function.IntFunction<String> name,
                           ToDoubleFunction<Row> time) {
        double[][] out = new double[2][sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            out[0][i] = Math.log10(sizes[i]);
            out[1][i] = Math.log10(time.applyAsDouble(results.row(name.apply(sizes[i]), 1)));
        }
        return out;
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
