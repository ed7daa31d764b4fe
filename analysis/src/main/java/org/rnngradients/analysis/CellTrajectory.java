package org.rnngradients.analysis;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.cells.BatchCache;
import org.rnngradients.cells.CellPass;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.cells.StepCache;
import org.rnngradients.linalg.internal.Require;

/**
 * A recurrent cell run forward on an input sequence from an initial state, as a {@link JacobianSource}:
 * each step computes s_t = f(s_{t−1}, x_t) and the cell's exact state Jacobian ∂s_t/∂s_{t−1}. The state
 * is the cell's full state — h for vanilla RNNs and GRUs, [h; c] (2H) for an LSTM — so Lyapunov
 * spectra of an LSTM include the memory cell. One cache and two state buffers are reused: no
 * allocation per step.
 *
 * <p>The trajectory runs a fixed cell: {@link #advance(DMatrixRMaj, DMatrixRMaj)}, the frame step of
 * Lyapunov spectra, goes through a batch-1 {@link CellPass} made at construction, which holds W_hh in
 * the backend's memory for the whole run and forms J_t·Q without forming J_t. The state s_t never depends
 * on the frame: W_hh·h_{t−1} is its own product, so that the trajectory, which is chaotic at large gains, is the
 * same whatever the number of directions followed. It sees the parameters
 * as they were when the trajectory was made; {@link #advance(DMatrixRMaj)} reads the live parameters.
 * The two kinds of step may be mixed; they agree to rounding (their summation orders differ).
 */
public final class CellTrajectory implements JacobianSource {
    private final RecurrentCell cell;
    private final InputSequence inputs;
    private final StepCache cache;
    private final CellPass pass;
    private final BatchCache batchCache;
    private final DMatrixRMaj input;
    private DMatrixRMaj previous;
    private DMatrixRMaj state;
    private int step;

    /** The trajectory of {@code cell} from {@code initialState} (stateSize × 1, copied) driven by {@code inputs}. */
    public CellTrajectory(RecurrentCell cell, InputSequence inputs, DMatrixRMaj initialState) {
        this.cell = Require.nonNull(cell, "cell");
        this.inputs = Require.nonNull(inputs, "inputs");
        cell.parameters().requireFinite("cell.parameters");
        if (inputs.inputSize() != cell.inputSize()) {
            throw new IllegalArgumentException("inputs must have size " + cell.inputSize() + ", was " + inputs.inputSize());
        }
        Require.columnVector(initialState, cell.stateSize(), "initialState");
        Require.finite(initialState, "initialState");
        this.cache = cell.newCache();
        this.pass = cell.newPass(1);
        this.batchCache = pass.newCache();
        this.input = new DMatrixRMaj(cell.inputSize(), 1);
        this.previous = initialState.copy();
        this.state = new DMatrixRMaj(cell.stateSize(), 1);
    }

    /** The trajectory from the zero state with zero input at every step (the autonomous network). */
    public static CellTrajectory autonomous(RecurrentCell cell) {
        Require.nonNull(cell, "cell");
        return new CellTrajectory(cell, InputSequence.constant(new DMatrixRMaj(cell.inputSize(), 1)),
                new DMatrixRMaj(cell.stateSize(), 1));
    }

    @Override
    public int dimension() {
        return cell.stateSize();
    }

    // tag::cell-trajectory-step[]
    @Override
    public void advance(DMatrixRMaj jacobian) {
        Require.shape(jacobian, cell.stateSize(), cell.stateSize(), "jacobian");
        inputs.next(input);
        cell.forward(previous, input, cache, state);
        cell.stateJacobian(cache, jacobian);
        DMatrixRMaj swap = previous;
        previous = state;
        state = swap;
        step++;
    }
    // end::cell-trajectory-step[]

    // tag::cell-trajectory-frame-step[]
    /** One step s_{t−1} → s_t, writing J_t·frame into {@code image} (n × k) without forming J_t. */
    @Override
    public void advance(DMatrixRMaj frame, DMatrixRMaj image) {
        Require.nonNull(frame, "frame");
        Require.shape(image, cell.stateSize(), frame.numCols, "image");
        inputs.next(input);
        pass.forward(previous, input, batchCache, state);
        pass.stateJacobianTimes(batchCache, 0, frame, image);
        DMatrixRMaj swap = previous;
        previous = state;
        state = swap;
        step++;
    }
    // end::cell-trajectory-frame-step[]

    /** A copy of the current state s_t. */
    public DMatrixRMaj state() {
        return previous.copy();
    }

    /** The number of steps taken so far. */
    public int step() {
        return step;
    }
}
