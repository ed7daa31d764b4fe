package org.rnngradients.bptt.bench;

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
import org.rnngradients.bptt.AdjointProfiler;
import org.rnngradients.bptt.BatchedBptt;
import org.rnngradients.bptt.Fixtures;
import org.rnngradients.bptt.ForwardPass;
import org.rnngradients.bptt.FullBptt;
import org.rnngradients.bptt.GradientProfile;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.Sequence;
import org.rnngradients.bptt.SequenceGradient;
import org.rnngradients.bptt.loss.MeanSquaredError;
import org.rnngradients.cells.CellKind;
import org.rnngradients.cells.Unroll;

/**
 * Goal P1 of issue 15: one sequence (batch 1), LSTM, input size 32, T = 1000, loss at the last step
 * through a 1-output readout. Forward only, exact gradient (full BPTT) and the per-step profile
 * ‖∂L/∂h_t‖, each on the batch-1 reference path (one matrix–vector product at a time, EJML) and on
 * the time-batched path (input projections and weight gradients as one GEMM each, W_hh resident).
 * See RESULTS.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SequenceBenchmark {
    @Param({"64", "256"})
    public int hidden;

    @Param({"1000"})
    public int length;

    private RnnModel model;
    private Sequence sequence;
    private BatchedBptt batched;
    private Unroll unroll;
    private DMatrixRMaj[] states;

    /** The model, the sequence and the fast path's workspace. */
    @Setup
    public void setUp() {
        model = Fixtures.model(CellKind.LSTM, 32, hidden, 1, new MeanSquaredError(), 1);
        sequence = Fixtures.sequence(length, 32, 1, false, false, 2);
        batched = new BatchedBptt();
        unroll = new Unroll(model.cell().newPass(1));
        states = new DMatrixRMaj[] {model.zeroState(), model.zeroState()};
    }

    /** Forward pass and loss, reference path. */
    @Benchmark
    public double forwardReference() {
        return ForwardPass.run(model, sequence).loss();
    }

    /** Forward pass, time-batched path (input projections of all steps as one GEMM). */
    @Benchmark
    public DMatrixRMaj forwardTimeBatched() {
        unroll.begin(new int[] {length});
        for (int t = 1; t <= length; t++) {
            unroll.input(t, 0, sequence.input(t));
        }
        states[0].zero();
        for (int t = 1; t <= length; t++) {
            unroll.forward(t, states[(t - 1) & 1], states[t & 1]);
        }
        return states[length & 1];
    }

    /** Exact gradient, reference path ({@link FullBptt}). */
    @Benchmark
    public SequenceGradient fullBpttReference() {
        return new FullBptt().compute(model, sequence);
    }

    /** Exact gradient, time-batched path ({@link BatchedBptt} with B = 1). */
    @Benchmark
    public SequenceGradient fullBpttTimeBatched() {
        return batched.compute(model, sequence);
    }

    /** The log-space profile ‖∂L/∂h_t‖ ({@link AdjointProfiler}, state-only backward steps), reference path. */
    @Benchmark
    public GradientProfile profileReference() {
        return new AdjointProfiler().profile(model, sequence, null);
    }

    /** The same profile on the time-batched path. */
    @Benchmark
    public GradientProfile profileTimeBatched() {
        return AdjointProfiler.timeBatched().profile(model, sequence, null);
    }
}
