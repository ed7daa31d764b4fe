package org.rnngradients.bptt.bench;

import java.util.concurrent.TimeUnit;

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
import org.rnngradients.bptt.BatchGradient;
import org.rnngradients.bptt.BatchGradientEngine;
import org.rnngradients.bptt.BatchedBptt;
import org.rnngradients.bptt.Fixtures;
import org.rnngradients.bptt.FullBptt;
import org.rnngradients.bptt.GradientEngine;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.Sequence;
import org.rnngradients.bptt.loss.MeanSquaredError;
import org.rnngradients.cells.CellKind;

/**
 * Goal P2 of issue 15: forward and backward of a batch, LSTM H = 128, B = 32, T = 100, input size
 * 32, a loss on h at every step (no readout, so every output receives a gradient as in
 * {@code out.sum().backward()}). The batched engine against the per-sequence loop over
 * {@link FullBptt} that the trainer ran before. See RESULTS.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BatchBenchmark {
    @Param({"128"})
    public int hidden;

    @Param({"32"})
    public int batch;

    @Param({"100"})
    public int length;

    private RnnModel model;
    private Sequence[] sequences;
    private BatchGradientEngine batched;
    private BatchGradientEngine perSequence;

    /** The model, the batch and both engines. */
    @Setup
    public void setUp() {
        RnnModel m = Fixtures.model(CellKind.LSTM, 32, hidden, 1, new MeanSquaredError(), 1);
        model = new RnnModel(m.cell(), new MeanSquaredError());
        sequences = new Sequence[batch];
        for (int b = 0; b < batch; b++) {
            sequences[b] = Fixtures.sequence(length, 32, hidden, true, false, 10 + b);
        }
        batched = new BatchedBptt();
        perSequence = GradientEngine.perSequence(new FullBptt()).batched();
    }

    /** All B sequences at once: batched and time-batched GEMMs. */
    @Benchmark
    public BatchGradient batched() {
        return batched.compute(model, sequences);
    }

    /** One {@link FullBptt} after another (the reference path). */
    @Benchmark
    public BatchGradient perSequence() {
        return perSequence.compute(model, sequences);
    }
}
