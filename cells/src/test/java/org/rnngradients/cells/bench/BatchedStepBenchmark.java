package org.rnngradients.cells.bench;

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
import org.openjdk.jmh.infra.Blackhole;
import org.rnngradients.cells.BatchCache;
import org.rnngradients.cells.CellKind;
import org.rnngradients.cells.CellParameters;
import org.rnngradients.cells.CellPass;
import org.rnngradients.cells.Cells;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.linalg.RandomMatrices;
import org.rnngradients.linalg.RandomSource;

/**
 * One batched step of B columns (input size 32): the forward step (one GEMM W_hh·H plus the input
 * GEMM and the gates), the state-only backward step (gate adjoints plus one GEMM W_hhᵀ·dA) and the
 * full backward step (plus the input and weight-gradient GEMMs), and the Jacobian–matrix product
 * J·V for a 10-column frame. See RESULTS.md for the command and figures.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BatchedStepBenchmark {
    @Param({"rnn-tanh", "gru", "lstm"})
    public String cell;

    @Param({"128"})
    public int hidden;

    @Param({"1", "32"})
    public int batch;

    private CellPass pass;
    private BatchCache cache;
    private DMatrixRMaj previous;
    private DMatrixRMaj inputs;
    private DMatrixRMaj state;
    private DMatrixRMaj adjoint;
    private DMatrixRMaj previousAdjoint;
    private DMatrixRMaj inputAdjoint;
    private DMatrixRMaj frame;
    private DMatrixRMaj image;
    private CellParameters gradients;

    /** Builds the cell, its pass, one cache and every buffer once. */
    @Setup
    public void setUp() {
        int inputSize = 32;
        RandomSource random = RandomSource.seeded(42);
        RecurrentCell recurrentCell = CellKind.fromCliName(cell).create(inputSize, hidden);
        Cells.initialisePyTorchDefault(recurrentCell, random.fork("weights"));
        int n = recurrentCell.stateSize();
        pass = recurrentCell.newPass(batch);
        cache = pass.newCache();
        previous = RandomMatrices.uniform(new DMatrixRMaj(n, batch), 0.5, random.fork("previous"));
        inputs = RandomMatrices.uniform(new DMatrixRMaj(inputSize, batch), 1.0, random.fork("input"));
        adjoint = RandomMatrices.uniform(new DMatrixRMaj(n, batch), 1.0, random.fork("adjoint"));
        frame = RandomMatrices.uniform(new DMatrixRMaj(n, 10), 1.0, random.fork("frame"));
        state = new DMatrixRMaj(n, batch);
        previousAdjoint = new DMatrixRMaj(n, batch);
        inputAdjoint = new DMatrixRMaj(inputSize, batch);
        image = new DMatrixRMaj(n, 10);
        gradients = recurrentCell.parameters().zerosLike();
        pass.forward(previous, inputs, cache, state);
    }

    /** S_t = f(S_{t−1}, X_t) for B columns. */
    @Benchmark
    public DMatrixRMaj forward() {
        return pass.forward(previous, inputs, cache, state);
    }

    /** J_tᵀ Δ_t for B columns, no parameter gradients. */
    @Benchmark
    public DMatrixRMaj backwardState() {
        return pass.backwardState(cache, adjoint, previousAdjoint);
    }

    /** The full VJP: state, input and the parameter gradients as GEMMs. */
    @Benchmark
    public void backward(Blackhole blackhole) {
        blackhole.consume(pass.backward(cache, adjoint, previousAdjoint, inputAdjoint, gradients));
    }

    /** J_t·V for one column and a 10-column frame. */
    @Benchmark
    public DMatrixRMaj jacobianTimesFrame() {
        return pass.stateJacobianTimes(cache, 0, frame, image);
    }
}
