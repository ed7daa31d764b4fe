package org.rnngradients.analysis.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rnngradients.analysis.CellTrajectory;
import org.rnngradients.analysis.InputSequence;
import org.rnngradients.analysis.LyapunovResult;
import org.rnngradients.analysis.LyapunovSpectrum;
import org.rnngradients.cells.CellKind;
import org.rnngradients.cells.Cells;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.linalg.Initialiser;
import org.rnngradients.linalg.RandomSource;
import org.ejml.data.DMatrixRMaj;

/**
 * Cost of Lyapunov spectra of a tanh RNN (W_hh ~ N(0, g²/N), g = 1.5, unit Gaussian inputs):
 * the full spectrum for N = 256 over T = 1000 steps with QR every step and every 10 steps, and the
 * largest 10 exponents for N = 1000. Single-shot: one whole computation per measurement.
 * Run: {@code java -cp <test classpath> org.openjdk.jmh.Main LyapunovBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
public class LyapunovBenchmark {
    private static final int STEPS = 1000;

    private RecurrentCell cell256;
    private RecurrentCell cell1000;

    @Setup
    public void setUp() {
        cell256 = tanhRnn(256);
        cell1000 = tanhRnn(1000);
    }

    private static RecurrentCell tanhRnn(int n) {
        RecurrentCell cell = CellKind.RNN_TANH.create(4, n);
        Cells.initialise(cell, Initialiser.scaledGaussian(1.5), Initialiser.xavierUniform(1.0), RandomSource.seeded(n));
        return cell;
    }

    private static CellTrajectory trajectory(RecurrentCell cell) {
        return new CellTrajectory(cell, InputSequence.gaussian(cell.inputSize(), 1.0, RandomSource.seeded(7)),
                new DMatrixRMaj(cell.stateSize(), 1));
    }

    @Benchmark
    public LyapunovResult fullSpectrumN256QrEveryStep() {
        return new LyapunovSpectrum(256, 0, STEPS, 1).compute(trajectory(cell256));
    }

    @Benchmark
    public LyapunovResult fullSpectrumN256QrEveryTenSteps() {
        return new LyapunovSpectrum(256, 0, STEPS, 10).compute(trajectory(cell256));
    }

    @Benchmark
    public LyapunovResult largestTenN1000QrEveryStep() {
        return new LyapunovSpectrum(10, 0, STEPS, 1).compute(trajectory(cell1000));
    }
}
