package org.rnngradients.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The performance chapter on synthetic recorded data whose answers are known: times chosen so that every ratio,
 * rate, slope and goal verdict is exact.
 */
class PerformanceChapterTest {
    private static final String[] KEYS = {"started", "load_average_at_start", "load_average_at_end", "rounds", "cpu",
        "java", "ours", "numpy", "numpy_blas", "numpy_blas_core", "torch", "torch_blas", "python", "command", "commit"};

    /** Writes summary.csv where ours takes {@code ours(workload, threads)} s, PyTorch twice that, NumPy four times. */
    private static void record(Path root, BiFunction<String, Integer, Double> ours, BiFunction<String, Integer, Double> pytorch)
            throws IOException {
        StringBuilder sb = new StringBuilder("workload,threads,rounds,ours_s,pytorch_s,numpy_s,ours_over_pytorch,"
                + "ours_over_numpy,gflop,ours_gflops,pytorch_gflops,numpy_gflops\n");
        List<String> names = new java.util.ArrayList<>();
        for (String[] w : PerformanceChapter.WORKLOADS) {
            names.add(w[0]);
        }
        for (String[] w : PerformanceChapter.RATES) {
            names.add(w[0]);
        }
        for (int h : PerformanceChapter.SCAN_H) {
            names.add("scan-H" + h + "-T200");
        }
        for (int t : PerformanceChapter.SCAN_T) {
            names.add("scan-H64-T" + t);
        }
        for (int threads : new int[] {1, 2}) {
            for (String n : names.stream().distinct().toList()) {
                double o = ours.apply(n, threads);
                double p = pytorch.apply(n, threads);
                sb.append(String.format(Locale.ROOT, "%s,%d,3,%.9e,%.9e,%.9e,,,%.6f,,,%n", n, threads, o, p, 4 * o, 10.0));
            }
        }
        Path dir = root.resolve(BenchmarkResults.DIR);
        Files.createDirectories(dir);
        Files.writeString(root.resolve(BenchmarkResults.SUMMARY), sb.toString());
        StringBuilder m = new StringBuilder("key,value\n");
        for (String k : KEYS) {
            m.append(k).append(",value of ").append(k).append('\n');
        }
        m.append("torch_config,- Intel(R) oneAPI Math Kernel Library Version 1\n");
        Files.writeString(root.resolve(BenchmarkResults.MACHINE), m.toString());
        Path memory = root.resolve(PerformanceGoals.MEMORY);
        Files.createDirectories(memory.getParent());
        Files.writeString(memory, "hidden,T,stored_MiB,full_storage_MiB\n256,1000,1.5,35\n256,100000,12.5,3534\n");
        Files.writeString(root.resolve(PerformanceGoals.BUILD), "command,seconds,conditions\nmvn -B verify,290,warm\n");
    }

    /** A power law for the scans, time = 10⁻⁹·H²·T (slope 2 in H, 1 in T), 1 s elsewhere. */
    private static double powerLaws(String workload, int threads) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("scan-H(\\d+)-T(\\d+)").matcher(workload);
        if (m.matches()) {
            double h = Integer.parseInt(m.group(1));
            return 1e-9 * h * h * Integer.parseInt(m.group(2));
        }
        return 1.0;
    }

    private static Attributes contribute(Path root) throws IOException {
        String source = "docs/src/main/java/org/rnngradients/docs/PerformanceChapter.java";  // the figure links its class
        Files.createDirectories(root.resolve(source).getParent());
        Files.copy(Path.of("..").resolve(source), root.resolve(source), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Attributes a = new Attributes();
        Figures f = new Figures(root.resolve("book/images"), root.resolve("gen/figures"),
                new SourcePages(root, root.resolve("book")));
        new PerformanceChapter().contribute(root, root.resolve("gen"), a, f);
        f.finish();
        return a;
    }

    @Test
    void ratiosRatesAndSlopesComeFromTheRecordedMedians(@TempDir Path root) throws IOException {
        record(root, PerformanceChapterTest::powerLaws, (w, t) -> 2 * powerLaws(w, t));
        Attributes a = contribute(root);
        assertEquals(Formats.sig(0.5, 2), a.get("perf-p2-batched-lstm-1-vs-pytorch"));
        assertEquals(Formats.sig(0.25, 2), a.get("perf-p3-lyapunov-full-n256-2-vs-numpy"));
        assertEquals(Formats.sig(1000, 3), a.get("perf-p7-training-step-1-ours-ms"));
        assertEquals(Formats.sig(2000, 3), a.get("perf-p3-lyapunov-full-n256-2-pytorch-ms"));
        assertEquals(Formats.sig(4000, 3), a.get("perf-p3-lyapunov-full-n256-2-numpy-ms"));
        assertEquals(Formats.sig(1000, 3), a.get("perf-kernel-qr-256-2-ours-ms"));
        assertEquals(Formats.sig(0.25, 2), a.get("perf-kernel-frame-1000x10-1-vs-numpy"));
        assertEquals("2.00", a.get("perf-slope-h-ours"));
        assertEquals("2.00", a.get("perf-slope-h-pytorch"));
        assertEquals("1.00", a.get("perf-slope-t-numpy"));
        assertEquals(Formats.sig(10, 3), a.get("perf-peak-1"));            // 10 GFLOP in 1 s
        assertEquals("2", a.get("perf-cores"));
        String ratios = Files.readString(root.resolve("gen/performance-ratios.adoc"));
        assertTrue(ratios.contains("| P2 batched LSTM, B = 32 | 1 | " + Formats.sig(1000, 3) + " | " + Formats.sig(2000, 3)
                + " | " + Formats.sig(4000, 3) + " | *" + Formats.sig(0.5, 2) + "* | *" + Formats.sig(0.25, 2) + "*"), ratios);
        String rates = Files.readString(root.resolve("gen/performance-rates.adoc"));
        assertTrue(rates.contains("| GEMM 2048³ | " + Formats.sig(10, 3) + " | 100 % | " + Formats.sig(5, 3) + " | "
                + Formats.sig(2.5, 3)), rates);
        assertTrue(Files.readString(root.resolve("gen/figures/performance-scaling.adoc")).contains("compare.sh"));
        assertTrue(Files.isRegularFile(root.resolve("book/images/performance-scaling.svg")));
    }

    @Test
    void aGoalIsMetOnlyWhenEveryThreadCountMeetsIt(@TempDir Path root) throws IOException {
        // P2: faster at 1 thread, slower at 2; P1: 2x faster everywhere (< 5x); P3, P4: ours 1/4 of NumPy
        record(root, (w, t) -> w.startsWith("p2") && t == 2 ? 2.2 : 1.0, (w, t) -> 2.0);
        Attributes a = contribute(root);
        assertEquals("not met", a.get("perf-goal-p2-verdict"));
        assertEquals("not met", a.get("perf-goal-p1-verdict"));
        assertEquals("met", a.get("perf-goal-p3-verdict"));
        assertEquals("met", a.get("perf-goal-p5-verdict"));          // 12.5 MiB <= 64
        assertEquals("met", a.get("perf-goal-p6-verdict"));          // 290 s <= 300
        assertEquals("met", a.get("perf-goal-p7-verdict"));
        assertEquals("5", a.get("perf-goals-met"));
        String goals = Files.readString(root.resolve("gen/performance-goals.adoc"));
        assertTrue(goals.contains("ours / PyTorch: " + Formats.sig(0.5, 2) + " (1 thread); 1.1 (2 threads) | *not met*"), goals);
        String two = Formats.sig(2, 2);
        assertTrue(goals.contains("PyTorch time / ours: " + two + "–" + two + " (1 thread); " + two + "–" + two + " (2 threads)"),
                goals);
    }

    @Test
    void eachEarlierMachineGetsAColumnOfSpeedVerdictsFromItsOwnRecord(@TempDir Path root) throws IOException {
        // the earlier machine: P2 slower than PyTorch at 2 threads (ours 2.5 s against 2 s), everything else as now
        record(root, (w, t) -> w.startsWith("p2") && t == 2 ? 2.5 : 1.0, (w, t) -> 2.0);
        Path zen = root.resolve(BenchmarkResults.EARLIER + "/epyc-zen3");
        Files.createDirectories(zen);
        Files.copy(root.resolve(BenchmarkResults.SUMMARY), zen.resolve("summary.csv"));
        Files.writeString(zen.resolve("machine.csv"), "key,value\nstarted,2026-12-04T13:31:35Z\ncpu,AMD EPYC\nnumpy_blas_core,Haswell\n"
                + "ours,\"native: OpenBLAS 0.3.31, core Zen (org.bytedeco:openblas 0.3.31-1.5.13), 1 thread\"\n");
        record(root, (w, t) -> 1.0, (w, t) -> 2.0);
        Attributes a = contribute(root);
        assertEquals("2", a.get("perf-machines-count"));
        assertEquals("AMD EPYC, OpenBLAS core Zen, 2026-12-04", a.get("perf-earlier-epyc-zen3-machine"));
        assertEquals("not met", a.get("perf-earlier-epyc-zen3-p2-verdict"));
        assertEquals("Haswell", a.get("perf-earlier-epyc-zen3-numpy-blas-core"));
        assertEquals("met", a.get("perf-earlier-epyc-zen3-p3-verdict"));
        assertEquals(Formats.sig(1.25, 2), a.get("perf-earlier-epyc-zen3-p2-batched-lstm-2-vs-pytorch"));
        assertEquals("met", a.get("perf-goal-p2-verdict"));                       // this run's own P2
        String table = Files.readString(root.resolve("gen/performance-machines.adoc"));
        assertTrue(table.contains("| value of cpu, value of s (this book's run) | AMD EPYC, OpenBLAS core Zen, 2026-12-04\n"),
                table);
        assertTrue(table.contains("| P2 | ours / PyTorch: " + Formats.sig(0.5, 2) + " (1 thread); " + Formats.sig(0.5, 2)
                + " (2 threads): met | ours / PyTorch: " + Formats.sig(0.5, 2) + " (1 thread); " + Formats.sig(1.25, 2)
                + " (2 threads): *not met*\n"), table);
        assertFalse(table.contains("| P5"), "P5 and P6 are not decided by a comparison run");
    }

    @Test
    void withoutEarlierRunsTheMachinesTableHasOnlyThisRun(@TempDir Path root) throws IOException {
        record(root, (w, t) -> 1.0, (w, t) -> 2.0);
        assertEquals(List.of(), BenchmarkResults.earlierRuns(root));
        assertEquals("1", contribute(root).get("perf-machines-count"));
    }

    @Test
    void fiveFoldOnEveryBatchOneWorkloadMeetsP1(@TempDir Path root) throws IOException {
        record(root, (w, t) -> 1.0, (w, t) -> w.startsWith("p1-") ? 5.0 : 1.0);
        assertEquals("met", contribute(root).get("perf-goal-p1-verdict"));
    }

    @Test
    void missingRecordedDataIsAnErrorNamingTheFile(@TempDir Path root) throws IOException {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> BenchmarkResults.read(root));
        assertTrue(e.getMessage().contains(BenchmarkResults.SUMMARY), e.getMessage());
        record(root, (w, t) -> 1.0, (w, t) -> 1.0);
        Files.delete(root.resolve(PerformanceGoals.BUILD));
        assertEquals("not met", contribute(root).get("perf-goal-p6-verdict"));   // unmeasured is not met
        assertTrue(Files.readString(root.resolve("gen/performance-goals.adoc")).contains("not measured"));
        BenchmarkResults r = BenchmarkResults.read(root);
        assertThrows(IllegalArgumentException.class, () -> r.row("p9-unknown", 1));
        assertFalse(r.has("p2-batched-lstm", 3));
    }
}
