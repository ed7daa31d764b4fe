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
import org.rnngradients.bptt.CheckpointedBptt;
import org.rnngradients.bptt.Fixtures;
import org.rnngradients.bptt.FullBptt;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.Sequence;
import org.rnngradients.bptt.SequenceGradient;
import org.rnngradients.bptt.loss.MeanSquaredError;
import org.rnngradients.cells.CellKind;

/**
 * The cost of one full-BPTT gradient (forward and backward over T steps, loss at every step), and of
 * the checkpointed engine on the same sequence. Run on purpose, never as a test:
 * {@code java -cp bptt/target/test-classes:bptt/target/classes:$(cat bptt/target/cp.txt) org.openjdk.jmh.Main FullBpttBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FullBpttBenchmark {
    @Param({"RNN_TANH", "GRU", "LSTM"})
    public CellKind kind;

    @Param({"32", "128"})
    public int hidden;

    @Param({"100"})
    public int length;

    private RnnModel model;
    private Sequence sequence;

    @Setup
    public void setUp() {
        model = Fixtures.model(kind, 4, hidden, 1, new MeanSquaredError(), 1);
        sequence = Fixtures.sequence(length, 4, 1, true, false, 2);
    }

    @Benchmark
    public SequenceGradient fullBptt() {
        return new FullBptt().compute(model, sequence);
    }

    @Benchmark
    public SequenceGradient checkpointedBptt() {
        return new CheckpointedBptt().compute(model, sequence);
    }
}
