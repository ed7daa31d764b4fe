package org.rnngradients.linalg.bench;

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
import org.rnngradients.linalg.Backend;
import org.rnngradients.linalg.MatrixProducts;
import org.rnngradients.linalg.RandomMatrices;
import org.rnngradients.linalg.RandomSource;

/**
 * The products of a batched LSTM (H = 128, input 32, B = 1 or 32, T·B = 1600 time-batched rows) on the
 * pure-Java backend, one per transpose case: the backward W_hhᵀ·dA (as a vector and as a batch), the forward
 * W_hh·h, the time-batched weight gradient dAᵀ·X and the time-batched input projection X·W_ihᵀ. Each shape
 * is named m×k×n after op(A)·op(B). Run on purpose (see RESULTS.md), never as a test.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Drnngradients.backend=java")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class JavaGemmBenchmark {
    /** Which product: transpose flags and m×k×n. */
    @Param({"TN:128x512x1", "TN:128x512x32", "NN:512x128x1", "NN:512x128x32", "TN:128x1600x32",
        "NT:1600x32x128", "NT:512x1x128"})
    public String shape;

    private DMatrixRMaj a;
    private DMatrixRMaj b;
    private DMatrixRMaj c;
    private boolean transposeA;
    private boolean transposeB;

    /** Operands of the named shape on the Java backend. */
    @Setup
    public void setUp() {
        if (!Backend.current().name().equals("java")) {
            throw new IllegalStateException("backend " + Backend.current() + " instead of java");
        }
        String[] parts = shape.split(":");
        transposeA = parts[0].charAt(0) == 'T';
        transposeB = parts[0].charAt(1) == 'T';
        String[] mkn = parts[1].split("x");
        int m = Integer.parseInt(mkn[0]);
        int k = Integer.parseInt(mkn[1]);
        int n = Integer.parseInt(mkn[2]);
        RandomSource random = RandomSource.seeded(3);
        a = transposeA ? RandomMatrices.gaussian(k, m, random) : RandomMatrices.gaussian(m, k, random);
        b = transposeB ? RandomMatrices.gaussian(n, k, random) : RandomMatrices.gaussian(k, n, random);
        c = RandomMatrices.gaussian(m, n, random);
    }

    /** c += op(a)·op(b). */
    @Benchmark
    public DMatrixRMaj gemm() {
        return MatrixProducts.gemm(1, a, transposeA, b, transposeB, 1, c);
    }
}
