package org.rnngradients.analysis.bench;

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
import org.rnngradients.analysis.CellTrajectory;
import org.rnngradients.analysis.InputSequence;
import org.rnngradients.analysis.JacobianSource;
import org.rnngradients.analysis.LyapunovResult;
import org.rnngradients.analysis.LyapunovSpectrum;
import org.rnngradients.cells.CellKind;
import org.rnngradients.cells.Cells;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.linalg.Backend;
import org.rnngradients.linalg.Initialiser;
import org.rnngradients.linalg.RandomSource;

/**
 * Cost of Lyapunov spectra of a tanh RNN (W_hh ~ N(0, g²/N), g = 1.5, unit Gaussian inputs of size 4):
 * the full spectrum for N = 256 over T = 1000 steps with QR every step and at most every 10 steps, and the
 * largest 10 exponents for N = 1000 with QR every step. Two sources follow the same trajectory:
 * {@code formed} is {@link CellTrajectory}, whose frame step forms J_t (the interface's default), and
 * {@code frame} is {@link TanhFrameSource}, which applies J_t·Q = diag(φ′)·(W·Q) with W resident. JMH runs
 * every parameter combination in a fresh JVM, so {@code backend} selects the backend before its first use.
 * Single-shot: one whole computation per measurement. Run on purpose (see RESULTS.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class LyapunovBenchmark {
    private static final int STEPS = 1000;

    @Param({"native", "java"})
    String backend;

    @Param({"formed", "frame"})
    String source;

    private RecurrentCell cell256;
    private RecurrentCell cell1000;

    @Setup
    public void setUp() {
        System.setProperty(Backend.PROPERTY, backend);
        if (!Backend.current().name().equals(backend)) {
            throw new IllegalStateException("backend " + Backend.current() + " instead of " + backend);
        }
        cell256 = tanhRnn(256);
        cell1000 = tanhRnn(1000);
    }

    private static RecurrentCell tanhRnn(int n) {
        RecurrentCell cell = CellKind.RNN_TANH.create(4, n);
        Cells.initialise(cell, Initialiser.scaledGaussian(1.5), Initialiser.xavierUniform(1.0), RandomSource.seeded(n));
        return cell;
    }

    private JacobianSource trajectory(RecurrentCell cell) {
        InputSequence inputs = InputSequence.gaussian(cell.inputSize(), 1.0, RandomSource.seeded(7));
        return source.equals("frame") ? new TanhFrameSource(cell.parameters(), inputs)
                : new CellTrajectory(cell, inputs, new DMatrixRMaj(cell.stateSize(), 1));
    }

    @Benchmark
    public LyapunovResult fullSpectrumN256QrEveryStep() {
        return new LyapunovSpectrum(256, 0, STEPS, 1).compute(trajectory(cell256));
    }

    @Benchmark
    public LyapunovResult fullSpectrumN256QrAtMostEveryTenSteps() {
        return new LyapunovSpectrum(256, 0, STEPS, 10).compute(trajectory(cell256));
    }

    @Benchmark
    public LyapunovResult largestTenN1000QrEveryStep() {
        return new LyapunovSpectrum(10, 0, STEPS, 1).compute(trajectory(cell1000));
    }
}
