package org.rnngradients.linalg;

import java.util.concurrent.TimeUnit;

import org.ejml.data.DMatrixRMaj;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Where {@link NativeThresholds} come from: each kernel timed on the Java path and forced onto the native path,
 * for shapes around the crossover. A shape "m x k x n" is a product (a trailing "T" transposes A); "qr m x n",
 * "svd m x n" and "eig n x n" are decompositions. In the linalg package because the forced paths are
 * package-private; run on purpose (see bench/RESULTS.md), never part of the tests.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class NativeCrossoverBenchmark {
    @Param({"4x4x4", "6x6x6", "8x8x8", "16x16x1", "32x32x1", "256x256x1", "512x256x1", "512x512x1",
        "2048x2048x1", "256x256x1T", "2048x2048x1T", "2048x2048x4", "3x3x30",
        "qr 16x16", "qr 24x24", "qr 32x32", "qr 100x4", "qr 1000x10",
        "svd 4x4", "svd 6x6", "svd 8x8", "eig 4x4", "eig 6x6", "eig 8x8"})
    String shape;

    @Param({"java", "native"})
    String path;

    private Runnable call;

    @Setup
    public void setUp() {
        OpenBlas.load();
        OpenBlas.setThreads(1);
        String[] words = shape.split(" ");
        String[] dims = words[words.length - 1].replace("T", "").split("x");
        int m = Integer.parseInt(dims[0]);
        int k = Integer.parseInt(dims[1]);
        boolean java = path.equals("java");
        DMatrixRMaj a = TestMatrices.uniform(m, k, 1, 1);
        if (words.length == 1) {
            int n = Integer.parseInt(dims[2]);
            boolean transposed = shape.endsWith("T");
            DMatrixRMaj op = transposed ? TestMatrices.uniform(k, m, 1, 1) : a;
            DMatrixRMaj b = TestMatrices.uniform(k, n, 1, 2);
            DMatrixRMaj c = new DMatrixRMaj(m, n);
            JavaKernels kernels = new JavaKernels();
            call = java ? () -> kernels.gemm(1, op, transposed, b, false, 0, c, m, n, k)
                    : () -> NativeKernels.dgemm(1, op, transposed, b, false, 0, c, m, n, k);
        } else if (words[0].equals("qr")) {
            DMatrixRMaj q = new DMatrixRMaj(m, k);
            DMatrixRMaj r = new DMatrixRMaj(k, k);
            Backend.Qr qr = java ? new JavaKernels.Qr(m, k) : new Lapack.Qr(m, k);
            call = () -> qr.decompose(a, q, r);
        } else if (words[0].equals("svd")) {
            double[] out = new double[Math.min(m, k)];
            Backend.Svd svd = java ? new JavaKernels.Svd(m, k) : new Lapack.Svd(m, k);
            call = () -> svd.compute(a, out);
        } else {
            double[] re = new double[m];
            double[] im = new double[m];
            Backend.Eig eig = java ? new JavaKernels.Eig(m) : new Lapack.Eig(m);
            call = () -> eig.compute(a, re, im);
        }
    }

    @Benchmark
    public void run() {
        call.run();
    }
}
