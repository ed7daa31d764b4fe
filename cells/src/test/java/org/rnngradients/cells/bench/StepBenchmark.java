package org.rnngradients.cells.bench;

import java.util.concurrent.TimeUnit;

import org.ejml.data.DMatrixRMaj;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.rnngradients.cells.CellKind;
import org.rnngradients.cells.CellParameters;
import org.rnngradients.cells.Cells;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.cells.StepCache;
import org.rnngradients.linalg.RandomMatrices;
import org.rnngradients.linalg.RandomSource;

/**
 * One forward plus one backward step (batch 1, input size 32) per cell and hidden size. Run with
 * {@code -prof gc} to see the allocation per step (gc.alloc.rate.norm, bytes/op), which should be
 * near zero once warm. See RESULTS.md next to this file for the command and measured figures.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StepBenchmark {
    @Param({"rnn-tanh", "gru", "lstm"})
    public String cell;

    @Param({"64", "256"})
    public int hidden;

    private RecurrentCell recurrentCell;
    private StepCache cache;
    private DMatrixRMaj previous;
    private DMatrixRMaj input;
    private DMatrixRMaj state;
    private DMatrixRMaj adjoint;
    private DMatrixRMaj previousAdjoint;
    private DMatrixRMaj inputAdjoint;
    private CellParameters gradients;

    /** Builds the cell, its cache and every buffer once. */
    @Setup
    public void setUp() {
        int inputSize = 32;
        RandomSource random = RandomSource.seeded(42);
        recurrentCell = CellKind.fromCliName(cell).create(inputSize, hidden);
        Cells.initialisePyTorchDefault(recurrentCell, random.fork("weights"));
        int n = recurrentCell.stateSize();
        previous = RandomMatrices.uniform(new DMatrixRMaj(n, 1), 0.5, random.fork("previous"));
        input = RandomMatrices.uniform(new DMatrixRMaj(inputSize, 1), 1.0, random.fork("input"));
        adjoint = RandomMatrices.uniform(new DMatrixRMaj(n, 1), 1.0, random.fork("adjoint"));
        state = new DMatrixRMaj(n, 1);
        previousAdjoint = new DMatrixRMaj(n, 1);
        inputAdjoint = new DMatrixRMaj(inputSize, 1);
        gradients = recurrentCell.parameters().zerosLike();
        cache = recurrentCell.newCache();
    }

    /** s_t = f(s_{t−1}, x_t), then the full vector–Jacobian product with parameter gradients. */
    @Benchmark
    public void forwardBackward(Blackhole blackhole) {
        recurrentCell.forward(previous, input, cache, state);
        recurrentCell.backward(cache, adjoint, previousAdjoint, inputAdjoint, gradients);
        blackhole.consume(previousAdjoint);
    }
}
