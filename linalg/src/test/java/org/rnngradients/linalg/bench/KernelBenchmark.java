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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.rnngradients.linalg.Backend;
import org.rnngradients.linalg.MatrixProducts;
import org.rnngradients.linalg.PositiveQr;
import org.rnngradients.linalg.RandomMatrices;
import org.rnngradients.linalg.RandomSource;
import org.rnngradients.linalg.ResidentMatrix;

/**
 * The hot kernels on both backends: a 256³ GEMM, a 1024 × 256 GEMV and the top-10 frame product
 * 1000 × 1000 · 1000 × 10 (each with copied operands and with a resident left operand), and the thin QR of
 * the 1000 × 10 frame. JMH runs every parameter combination in a fresh JVM, so {@code backend} selects the
 * backend before its first use. Run on purpose, never part of the tests (see RESULTS.md for the command).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class KernelBenchmark {
    @Param({"native", "java"})
    String backend;

    private DMatrixRMaj a256;
    private DMatrixRMaj b256;
    private DMatrixRMaj c256;
    private DMatrixRMaj a1024;
    private DMatrixRMaj x256;
    private DMatrixRMaj y1024;
    private DMatrixRMaj w1000;
    private DMatrixRMaj q1000;
    private DMatrixRMaj image1000;
    private DMatrixRMaj r10;
    private ResidentMatrix residentA1024;
    private ResidentMatrix residentW1000;
    private PositiveQr thinQr;

    @Setup
    public void setUp() {
        System.setProperty(Backend.PROPERTY, backend);
        if (!Backend.current().name().equals(backend)) {
            throw new IllegalStateException("backend " + Backend.current() + " instead of " + backend);
        }
        RandomSource random = RandomSource.seeded(1);
        a256 = RandomMatrices.gaussian(256, 256, random);
        b256 = RandomMatrices.gaussian(256, 256, random);
        c256 = new DMatrixRMaj(256, 256);
        a1024 = RandomMatrices.gaussian(1024, 256, random);
        x256 = RandomMatrices.gaussian(256, 1, random);
        y1024 = new DMatrixRMaj(1024, 1);
        w1000 = RandomMatrices.gaussian(1000, 1000, random);
        q1000 = RandomMatrices.orthogonal(new DMatrixRMaj(1000, 10), random);
        image1000 = new DMatrixRMaj(1000, 10);
        r10 = new DMatrixRMaj(10, 10);
        residentA1024 = ResidentMatrix.of(a1024);
        residentW1000 = ResidentMatrix.of(w1000);
        thinQr = new PositiveQr(1000, 10);
    }

    @TearDown
    public void tearDown() {
        residentA1024.close();
        residentW1000.close();
    }

    /** C = A·B, 256 × 256 × 256. */
    @Benchmark
    public DMatrixRMaj gemm256() {
        return MatrixProducts.mult(a256, b256, c256);
    }

    /** y = A·x, A 1024 × 256, copied on every call. */
    @Benchmark
    public DMatrixRMaj gemv1024x256() {
        return MatrixProducts.mult(a1024, x256, y1024);
    }

    /** y = A·x with A resident. */
    @Benchmark
    public DMatrixRMaj gemv1024x256Resident() {
        return residentA1024.mult(x256, y1024);
    }

    /** W·Q for the top-10 frame, W 1000 × 1000 copied on every call. */
    @Benchmark
    public DMatrixRMaj frameProduct1000x10() {
        return MatrixProducts.mult(w1000, q1000, image1000);
    }

    /** W·Q with W resident. */
    @Benchmark
    public DMatrixRMaj frameProduct1000x10Resident() {
        return residentW1000.mult(q1000, image1000);
    }

    /** The thin positive QR of a 1000 × 10 frame. */
    @Benchmark
    public DMatrixRMaj thinQr1000x10() {
        thinQr.decompose(image1000, image1000, r10);
        return r10;
    }
}
