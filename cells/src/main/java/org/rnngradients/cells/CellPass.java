package org.rnngradients.cells;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.linalg.MatrixProducts;
import org.rnngradients.linalg.internal.Require;
import org.rnngradients.linalg.ResidentMatrix;

/**
 * A cell's workspace for a pass over a batch of B sequences held as the columns of matrices: states
 * S × B, inputs I × B, adjoints S × B. A forward step is one GEMM with the recurrent weights,
 * Z = W_hh·H_{t−1} + W_ih·X_t + b, followed by element-wise gate arithmetic; the backward step (the
 * vector–Jacobian products for state, input and parameters) and the Jacobian–matrix product J_t·V are
 * GEMMs as well. With B = 1 a pass is the fast path for a single sequence.
 *
 * <p><b>Snapshot.</b> A pass sees the cell's parameters as they were when it was made
 * ({@link RecurrentCell#newPass}) or last {@link #refresh() refreshed}: W_hh and W_ih are uploaded
 * once into the backend's memory ({@link ResidentMatrix}) and the biases copied, so no step copies a
 * weight matrix. Make one pass per stretch of work with fixed parameters (a batch's forward and
 * backward, a Lyapunov run) and refresh it after each parameter update.
 *
 * <p><b>Masks.</b> A column may sit out a step (a sequence that has already ended, in a batch of
 * sequences of different lengths). Such a column's state is carried unchanged (s_t = s_{t−1}), its
 * step Jacobian is the identity, its adjoint passes through unchanged and it adds nothing to any
 * parameter or input gradient.
 *
 * <p>Output arguments follow EJML's style: a {@code null} output is allocated and returned; a given
 * one must have the result's shape. A pass holds its step scratch, so it is not thread-safe; once its
 * caches exist, no step allocates. Closing it frees the backend's copies of the weights.
 */
public abstract class CellPass implements AutoCloseable {
    final BaseCell cell;
    final int batchSize;
    final int inputSize;
    final int hiddenSize;
    final int stateSize;
    final int gateRows;
    final ResidentMatrix weightHh;
    final ResidentMatrix weightIh;
    /** W_ih as a heap snapshot, the right operand of the time-batched products (W_ih is small: G·H × I). */
    final DMatrixRMaj weightIhSnapshot;
    final DMatrixRMaj biasIh;
    final DMatrixRMaj biasHh;
    /** W_ih·X_t of the current per-step forward (G·H × B). */
    final DMatrixRMaj projection;
    /** W_hh·H_{t−1} of the current step (G·H × B). */
    final DMatrixRMaj recurrent;
    /** ∂L/∂(gate pre-activations) on the input side of the current backward step (G·H × B). */
    final DMatrixRMaj gateAdjointsIh;
    /** The same on the hidden side: differs from the input side only for a GRU (its n block is scaled by r). */
    final DMatrixRMaj gateAdjointsHh;
    /** W_hhᵀ·dA for a cell whose state is longer than h (LSTM), copied into the h rows (H × B). */
    private final DMatrixRMaj hiddenAdjoint;
    private final DMatrixRMaj frameHidden;
    private final DMatrixRMaj frameGates;

    /** {@code separateHiddenSide}: whether the hidden-side gate adjoints differ from the input side (GRU). */
    CellPass(BaseCell cell, int batchSize, boolean separateHiddenSide) {
        this.cell = cell;
        this.batchSize = Require.positive(batchSize, "batchSize");
        Require.elementCount(batchSize, Math.max(cell.parameters().weightHh().numRows, cell.inputSize()), "batchSize",
                "the widest batch matrix's rows");
        this.inputSize = cell.inputSize();
        this.hiddenSize = cell.hiddenSize();
        this.stateSize = cell.stateSize();
        CellParameters p = cell.parameters();
        this.gateRows = p.weightHh().numRows;
        cell.validateParameters();
        this.weightHh = ResidentMatrix.of(p.weightHh());
        this.weightIh = ResidentMatrix.of(p.weightIh());
        this.weightIhSnapshot = p.weightIh().copy();
        this.biasIh = p.biasIh().copy();
        this.biasHh = p.biasHh().copy();
        this.projection = new DMatrixRMaj(gateRows, batchSize);
        this.recurrent = new DMatrixRMaj(gateRows, batchSize);
        this.gateAdjointsIh = new DMatrixRMaj(gateRows, batchSize);
        this.gateAdjointsHh = separateHiddenSide ? new DMatrixRMaj(gateRows, batchSize) : gateAdjointsIh;
        this.hiddenAdjoint = stateSize > hiddenSize ? new DMatrixRMaj(hiddenSize, batchSize) : null;
        this.frameHidden = new DMatrixRMaj(hiddenSize, 1);
        this.frameGates = new DMatrixRMaj(gateRows, 1);
    }

    /** The cell whose parameters this pass took. */
    public final RecurrentCell cell() {
        return cell;
    }

    /** B, the number of columns (sequences) of every batch matrix. */
    public final int batchSize() {
        return batchSize;
    }

    /** Takes a new snapshot of the cell's parameters (after an optimiser step, say); returns this pass. */
    public final CellPass refresh() {
        cell.validateParameters();
        CellParameters p = cell.parameters();
        weightHh.refresh();
        weightIh.refresh();
        weightIhSnapshot.setTo(p.weightIh());
        biasIh.setTo(p.biasIh());
        biasHh.setTo(p.biasHh());
        return this;
    }

    /** A new cache for one step of this pass. */
    public abstract BatchCache newCache();

    /**
     * One forward step of every column: writes S_t = f(S_{t−1}, X_t) (S × B) into {@code state}
     * (allocated when null; may be the same object as {@code previous}) and keeps in {@code cache}
     * what the derivatives need.
     *
     * @throws IllegalArgumentException naming the argument when a shape is wrong, {@code previous} or
     *         {@code inputs} holds NaN/Inf, or the cache belongs to another pass
     * @throws NonFiniteActivationException when a pre-activation overflows
     */
    public final DMatrixRMaj forward(DMatrixRMaj previous, DMatrixRMaj inputs, BatchCache cache, DMatrixRMaj state) {
        return forward(previous, inputs, null, cache, state);
    }

    /**
     * {@link #forward(DMatrixRMaj, DMatrixRMaj, BatchCache, DMatrixRMaj)} in which only the columns b
     * with {@code active[b]} take the step (all when {@code active} is null); the others keep their state.
     */
    public final DMatrixRMaj forward(DMatrixRMaj previous, DMatrixRMaj inputs, boolean[] active, BatchCache cache,
                                     DMatrixRMaj state) {
        Require.shape(previous, stateSize, batchSize, "previous");
        Require.finite(previous, "previous");
        Require.shape(inputs, inputSize, batchSize, "inputs");
        Require.finite(inputs, "inputs");
        if (active != null && active.length != batchSize) {
            throw new IllegalArgumentException("active must have length " + batchSize + ", was " + active.length);
        }
        DMatrixRMaj out = output(state, stateSize, batchSize, "state");
        BaseBatchCache c = own(cache);
        c.keep(previous, inputs, active);
        // tag::batched-input-projection[]
        weightIh.mult(c.input, projection);                              // W_ih·X_t, one GEMM for all B columns
        // end::batched-input-projection[]
        step(c, projection.data, 0, batchSize, 1, out);
        return out;
    }

    /**
     * The recurrent part of a step, once {@code c} holds S_{t−1}: the GEMM W_hh·H_{t−1}, then the
     * cell's element-wise gate arithmetic. The input projection W_ih·X_t (no bias) of row r and
     * column b is read from {@code p[offset + r·rowStride + b·columnStride]}.
     */
    final void step(BaseBatchCache c, double[] p, int offset, int rowStride, int columnStride, DMatrixRMaj state) {
        c.filled = false;
        // tag::batched-recurrent-gemm[]
        weightHh.mult(c.hPrevious, recurrent);                           // W_hh·H_{t−1}, one GEMM for all B columns
        // end::batched-recurrent-gemm[]
        gates(c, p, offset, rowStride, columnStride, state);
        c.filled = true;
    }

    /** The element-wise part of a forward step: pre-activations, gates and the new state of every column. */
    abstract void gates(BaseBatchCache c, double[] p, int offset, int rowStride, int columnStride, DMatrixRMaj state);

    /**
     * The backward step (vector–Jacobian products) of every column at the cached step, given the
     * adjoints Δ_t = ∂L/∂S_t (S × B): writes J_tᵀ Δ_t column by column into {@code previousAdjoint}
     * (allocated when null; not {@code adjoint}), (∂S_t/∂X_t)ᵀ Δ_t into {@code inputAdjoint} (I × B;
     * skipped when null) and adds the parameter gradients of all B columns to {@code gradients}, each
     * weight's as one GEMM. No Jacobian is formed. Adjoints are not checked for finiteness, so that an
     * overflowing gradient reaches the caller.
     */
    public final DMatrixRMaj backward(BatchCache cache, DMatrixRMaj adjoint, DMatrixRMaj previousAdjoint,
                                      DMatrixRMaj inputAdjoint, CellParameters gradients) {
        BaseBatchCache c = filled(cache);
        DMatrixRMaj out = adjointOutput(adjoint, previousAdjoint);
        if (inputAdjoint != null) {
            Require.shape(inputAdjoint, inputSize, batchSize, "inputAdjoint");
            if (inputAdjoint == out || inputAdjoint == adjoint) {
                throw new IllegalArgumentException("inputAdjoint must not be the same object as an adjoint");
            }
        }
        cell.requireLayout(gradients, "gradients");
        adjointStep(c, adjoint, out);
        if (inputAdjoint != null) {
            weightIh.multTransA(gateAdjointsIh, inputAdjoint);              // ∂L/∂X_t = W_ihᵀ dA
        }
        // tag::batched-parameter-gradients[]
        MatrixProducts.multAddTransB(gateAdjointsIh, c.input, gradients.weightIh());     // dW_ih += dA·X_tᵀ
        MatrixProducts.multAddTransB(gateAdjointsHh, c.hPrevious, gradients.weightHh()); // dW_hh += dA·H_{t−1}ᵀ
        addRowSums(gateAdjointsIh, gradients.biasIh());                                   // db_ih += dA·1
        addRowSums(gateAdjointsHh, gradients.biasHh());                                   // db_hh += dA·1 (the same sums but for a GRU)
        // end::batched-parameter-gradients[]
        return out;
    }

    /**
     * The state-only backward step: J_tᵀ Δ_t for every column into {@code previousAdjoint} (allocated
     * when null; not {@code adjoint}), with no input or parameter gradient — what an adjoint profile needs.
     */
    public final DMatrixRMaj backwardState(BatchCache cache, DMatrixRMaj adjoint, DMatrixRMaj previousAdjoint) {
        BaseBatchCache c = filled(cache);
        DMatrixRMaj out = adjointOutput(adjoint, previousAdjoint);
        adjointStep(c, adjoint, out);
        return out;
    }

    /** Checks Δ_t (S × B) and returns the checked or new output for Δ_{t−1}. */
    private DMatrixRMaj adjointOutput(DMatrixRMaj adjoint, DMatrixRMaj previousAdjoint) {
        Require.shape(adjoint, stateSize, batchSize, "adjoint");
        DMatrixRMaj out = output(previousAdjoint, stateSize, batchSize, "previousAdjoint");
        if (out == adjoint) {
            throw new IllegalArgumentException("previousAdjoint must not be the same object as adjoint");
        }
        return out;
    }

    /**
     * Δ_{t−1} = J_tᵀ Δ_t for every column (arguments checked): the cell's gate adjoints dA and the
     * element-wise rows, then the GEMM W_hhᵀ·dA for the h rows, then the columns that sat the step out.
     */
    final void adjointStep(BaseBatchCache c, DMatrixRMaj adjoint, DMatrixRMaj previous) {
        gateAdjoints(c, adjoint, previous);
        // tag::batched-adjoint-gemm[]
        if (hiddenAdjoint != null) {
            weightHh.multTransA(gateAdjointsHh, hiddenAdjoint);              // W_hhᵀ·dA (the h rows of Δ_{t−1})
            System.arraycopy(hiddenAdjoint.data, 0, previous.data, 0, hiddenAdjoint.getNumElements());
        } else {
            weightHh.gemm(1, true, gateAdjointsHh, carriesHiddenAdjoint() ? 1 : 0, previous);  // (+)= W_hhᵀ·dA
        }
        // end::batched-adjoint-gemm[]
        passInactiveThrough(c, adjoint, previous);
    }

    /**
     * Writes dA into {@link #gateAdjointsIh} and {@link #gateAdjointsHh} (zero for a column that sat the
     * step out) and the rows of Δ_{t−1} that need no weight product (an LSTM's c rows, a GRU's z ⊙ δ).
     */
    abstract void gateAdjoints(BaseBatchCache c, DMatrixRMaj adjoint, DMatrixRMaj previous);

    /** Whether {@link #gateAdjoints} already wrote a term into the h rows of Δ_{t−1} (the GRU's z ⊙ δ). */
    boolean carriesHiddenAdjoint() {
        return false;
    }

    /** A column that sat the step out had S_t = S_{t−1}: its adjoint passes through unchanged. */
    private void passInactiveThrough(BaseBatchCache c, DMatrixRMaj adjoint, DMatrixRMaj previous) {
        for (int b = 0; b < batchSize; b++) {
            if (!c.active[b]) {
                for (int r = 0; r < stateSize; r++) {
                    previous.data[r * batchSize + b] = adjoint.data[r * batchSize + b];
                }
            }
        }
    }

    /**
     * sum += the row sums of {@code m} (a bias gradient from the gate adjoints of all columns), each
     * row summed in four interleaved partial sums so that the additions do not wait on one another.
     */
    static void addRowSums(DMatrixRMaj m, DMatrixRMaj sum) {
        int cols = m.numCols;
        int four = cols - cols % 4;
        for (int r = 0; r < m.numRows; r++) {
            int row = r * cols;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int j = 0; j < four; j += 4) {
                s0 += m.data[row + j];
                s1 += m.data[row + j + 1];
                s2 += m.data[row + j + 2];
                s3 += m.data[row + j + 3];
            }
            for (int j = four; j < cols; j++) {
                s0 += m.data[row + j];
            }
            sum.data[r] += (s0 + s1) + (s2 + s3);
        }
    }

    /**
     * The Jacobian–matrix product J_t·V for column {@code column} of the cached step, without forming
     * J_t: one GEMM W_hh·V (on the hidden rows of V) and then the cell's row combinations. {@code frame}
     * is S × k (any k ≥ 1); {@code image} (S × k, allocated when null) must not be {@code frame}.
     * A column that sat the step out has J_t = I.
     */
    public final DMatrixRMaj stateJacobianTimes(BatchCache cache, int column, DMatrixRMaj frame, DMatrixRMaj image) {
        BaseBatchCache c = filled(cache);
        Require.inRange(column, 0, batchSize - 1, "column");
        Require.nonEmpty(frame, "frame");
        if (frame.numRows != stateSize) {
            throw new IllegalArgumentException("frame must have " + stateSize + " rows, was " + Require.shapeOf(frame));
        }
        int k = frame.numCols;
        DMatrixRMaj out = output(image, stateSize, k, "image");
        if (out == frame) {
            throw new IllegalArgumentException("image must not be the same object as frame");
        }
        if (!c.active[column]) {
            out.setTo(frame);
            return out;
        }
        frameGates.reshape(gateRows, k);
        if (stateSize == hiddenSize) {
            weightHh.mult(frame, frameGates);                            // U = W_hh·V
        } else {
            frameHidden.reshape(hiddenSize, k);
            System.arraycopy(frame.data, 0, frameHidden.data, 0, hiddenSize * k);
            weightHh.mult(frameHidden, frameGates);                      // U = W_hh·V_h (c enters no gate)
        }
        combineRows(c, column, frame, frameGates, out);
        return out;
    }

    /** J_t·V row by row from V and U = W_hh·V_h, for one column of the cached step. */
    abstract void combineRows(BaseBatchCache c, int column, DMatrixRMaj frame, DMatrixRMaj u, DMatrixRMaj image);

    /** Frees the backend's copies of the weights; the pass cannot be used afterwards. */
    @Override
    public void close() {
        weightHh.close();
        weightIh.close();
    }

    /** Throws unless the pre-activation {@code a} of gate row {@code row}, column {@code column} is finite. */
    static void requireFinite(double a, int row, int column) {
        if (!Double.isFinite(a)) {
            throw new NonFiniteActivationException(row, column, a);
        }
    }

    /** The output {@code m} (checked rows × cols), or a new one when null. */
    static DMatrixRMaj output(DMatrixRMaj m, int rows, int cols, String name) {
        return m == null ? new DMatrixRMaj(rows, cols) : Require.shape(m, rows, cols, name);
    }

    /** Returns the cache as this pass's own, or throws naming {@code cache}. */
    final BaseBatchCache own(BatchCache cache) {
        Require.nonNull(cache, "cache");
        if (!(cache instanceof BaseBatchCache) || ((BaseBatchCache) cache).owner != this) {
            throw new IllegalArgumentException("cache must come from this pass's newCache(), was " + cache);
        }
        return (BaseBatchCache) cache;
    }

    /** Returns the cache as this pass's own, filled by a forward step, or throws naming {@code cache}. */
    final BaseBatchCache filled(BatchCache cache) {
        BaseBatchCache c = own(cache);
        if (!c.filled) {
            throw new IllegalArgumentException("cache must be filled by forward before use, was empty");
        }
        return c;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + cell + ", B = " + batchSize + ")";
    }
}
