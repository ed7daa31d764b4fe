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
import org.rnngradients.linalg.PositiveQr;
import org.rnngradients.linalg.RandomMatrices;
import org.rnngradients.linalg.RandomSource;
import org.rnngradients.linalg.SingularValues;

/**
 * Cost of one per-step decomposition with a reused workspace: the positive QR of Benettin's method
 * and the spectral norm of a step Jacobian, at hidden sizes 64 and 256, on both backends (each parameter
 * combination runs in a fresh JVM, so {@code backend} selects the backend before its first use). Run on
 * purpose (see RESULTS.md); never part of the tests.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class QrBenchmark {
    @Param({"64", "256"})
    int n;

    @Param({"native", "java"})
    String backend;

    private DMatrixRMaj a;
    private DMatrixRMaj q;
    private DMatrixRMaj r;
    private PositiveQr qr;
    private SingularValues singularValues;

    @Setup
    public void setUp() {
        System.setProperty(Backend.PROPERTY, backend);
        if (!Backend.current().name().equals(backend)) {
            throw new IllegalStateException("backend " + Backend.current() + " instead of " + backend);
        }
        a = RandomMatrices.gaussian(n, n, RandomSource.seeded(1));
        q = new DMatrixRMaj(n, n);
        r = new DMatrixRMaj(n, n);
        qr = new PositiveQr(n, n);
        singularValues = new SingularValues(n, n);
    }

    /** One thin QR with diag(R) ≥ 0 into preallocated factors. */
    @Benchmark
    public DMatrixRMaj positiveQr() {
        qr.decompose(a, q, r);
        return r;
    }

    /** One spectral norm ‖A‖₂ through the reusable SVD workspace. */
    @Benchmark
    public double spectralNorm() {
        return singularValues.largest(a);
    }
}
