package org.rnngradients.bptt.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rnngradients.bptt.FullBptt;
import org.rnngradients.bptt.GradientEngine;
import org.rnngradients.bptt.Readout;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.clip.GradientClipper;
import org.rnngradients.bptt.optim.Adam;
import org.rnngradients.bptt.tasks.AddingProblem;
import org.rnngradients.bptt.train.ProgressListener;
import org.rnngradients.bptt.train.Trainer;
import org.rnngradients.bptt.train.TrainingConfig;
import org.rnngradients.bptt.train.TrainingResult;
import org.rnngradients.cells.CellKind;
import org.rnngradients.cells.Cells;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.linalg.Initialiser;
import org.rnngradients.linalg.RandomSource;

/**
 * Goal P7 of issue 15: one training step of an LSTM (H = 32, 1-output readout) on the sum-form adding
 * problem, batch 16, T = 100: drawing the batch, the mean gradient, global-norm clipping at 1 and an
 * Adam update, through {@link Trainer} with the batched engine and with the per-sequence fallback.
 * Each run takes ten steps, so the engine's workspace (made once per run) is amortised as in training.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TrainingStepBenchmark {
    static final int STEPS = 10;

    @Param({"batched", "per-sequence"})
    public String path;

    private RnnModel model;
    private AddingProblem task;
    private TrainingConfig config;

    /** The model, the task and a one-step configuration. */
    @Setup
    public void setUp() {
        task = AddingProblem.sumForm(100);
        RecurrentCell cell = CellKind.LSTM.create(2, 32);
        Cells.initialisePyTorchDefault(cell, RandomSource.seeded(1));
        model = new RnnModel(cell, Readout.initialised(32, 1, Initialiser.xavierUniform(1.0), RandomSource.seeded(2)),
                task.loss());
        GradientEngine engine = path.equals("batched") ? new FullBptt() : GradientEngine.perSequence(new FullBptt());
        config = new TrainingConfig(STEPS, 16, 3, engine, new Adam(1e-3), GradientClipper.globalNorm(1));
    }

    /** Ten steps per run (the engine's workspace is made once per run), reported per step. */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public TrainingResult trainingStep() {
        return Trainer.train(model, task, config, ProgressListener.none());
    }
}
