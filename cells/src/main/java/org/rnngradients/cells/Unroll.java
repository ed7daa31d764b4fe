package org.rnngradients.cells;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rnngradients.linalg.MatrixProducts;
import org.rnngradients.linalg.internal.Require;

/**
 * A {@link CellPass} unrolled over the T steps of a batch of sequences, with time-batched products
 * (the cuDNN trick): the input projections W_ih·X_t of all steps are one GEMM before the recurrence,
 * the weight gradients Σ_t dA_t X_tᵀ and Σ_t dA_t H_{t−1}ᵀ, the bias sums and the input gradients
 * W_ihᵀ dA_t are one GEMM (or one sum) each after it, and only the recurrent products W_hh·H_{t−1} and
 * W_hhᵀ·dA_t stay inside the loop over t. Every step of every column is kept (memory O(T·B·H)).
 *
 * <p>Use: {@link #begin} with the length of each column's sequence, {@link #input} for every step of
 * every column, {@link #forward} for t = 1..T, {@link #backward} for t = T..1, then
 * {@link #accumulateGradients} and {@link #inputGradient}. The order is enforced. Column b takes part
 * in steps 1..lengths[b] only; after its last step its state is carried unchanged and it adds nothing
 * to any gradient (see the masks of {@link CellPass}). Buffers grow to the longest batch seen and are
 * reused: once they have, a whole pass allocates nothing.
 */
public final class Unroll {
    private final CellPass pass;
    private final List<BaseBatchCache> caches = new ArrayList<>();
    /** x_{t,b}ᵀ in row (t−1)·B + b: (T·B) × I. */
    private final DMatrixRMaj inputs;
    /** (W_ih x_{t,b})ᵀ in row (t−1)·B + b: (T·B) × G·H, so the rows of one step are contiguous. */
    private final DMatrixRMaj projections;
    /** h_{t−1,b}ᵀ in row (t−1)·B + b: (T·B) × H. */
    private final DMatrixRMaj hidden;
    /** dA_{t,b}ᵀ (input side) in row (t−1)·B + b: (T·B) × G·H. */
    private final DMatrixRMaj gateAdjointsIh;
    /** The same on the hidden side (a separate matrix for a GRU only). */
    private final DMatrixRMaj gateAdjointsHh;
    /** (∂L/∂x_{t,b})ᵀ in row (t−1)·B + b: (T·B) × I. */
    private final DMatrixRMaj inputGradients;
    private final DMatrixRMaj biasSums;
    private final int[] lengths;
    private int steps;
    private int forwardDone;
    private int backwardFrom;
    private boolean inputGradientsReady;

    /** An unroll of {@code pass} (its snapshot of the parameters is the one used). */
    public Unroll(CellPass pass) {
        this.pass = Require.nonNull(pass, "pass");
        int gates = pass.gateRows;
        int b = pass.batchSize;
        this.inputs = new DMatrixRMaj(b, pass.inputSize);
        this.projections = new DMatrixRMaj(b, gates);
        this.hidden = new DMatrixRMaj(b, pass.hiddenSize);
        this.gateAdjointsIh = new DMatrixRMaj(b, gates);
        this.gateAdjointsHh = pass.gateAdjointsHh != pass.gateAdjointsIh ? new DMatrixRMaj(b, gates) : gateAdjointsIh;
        this.inputGradients = new DMatrixRMaj(b, pass.inputSize);
        this.biasSums = new DMatrixRMaj(gates, 1);
        this.lengths = new int[b];
    }

    /** The pass this unroll runs. */
    public CellPass pass() {
        return pass;
    }

    /** T, the number of steps of the current batch (the longest column). */
    public int steps() {
        return steps;
    }

    /** Starts a batch whose column b has {@code lengths[b]} ≥ 1 steps; every input starts at zero. */
    public void begin(int[] lengths) {
        Require.nonNull(lengths, "lengths");
        if (lengths.length != pass.batchSize) {
            throw new IllegalArgumentException("lengths must have length " + pass.batchSize + ", was " + lengths.length);
        }
        int longest = 0;
        for (int b = 0; b < lengths.length; b++) {
            if (lengths[b] < 1) {
                throw new IllegalArgumentException("lengths[" + b + "] must be >= 1, was " + lengths[b]);
            }
            longest = Math.max(longest, lengths[b]);
        }
        long widest = Math.max(pass.gateRows, Math.max(pass.inputSize, pass.hiddenSize));
        if ((long) longest * pass.batchSize * widest > Require.MAX_ENTRIES) {
            throw new IllegalArgumentException("lengths must keep T·B·" + widest + " within the largest array, was T = "
                    + longest + " with B = " + pass.batchSize);
        }
        System.arraycopy(lengths, 0, this.lengths, 0, lengths.length);
        steps = longest;
        int rows = steps * pass.batchSize;
        inputs.reshape(rows, pass.inputSize);
        inputs.zero();
        projections.reshape(rows, pass.gateRows);
        hidden.reshape(rows, pass.hiddenSize);
        gateAdjointsIh.reshape(rows, pass.gateRows);
        gateAdjointsHh.reshape(rows, pass.gateRows);
        while (caches.size() < steps) {
            caches.add((BaseBatchCache) pass.newCache());
        }
        forwardDone = 0;
        backwardFrom = -1;
        inputGradientsReady = false;
    }

    /** Sets x_t (I × 1) of column {@code column}, for t = 1..lengths[column]. */
    public void input(int t, int column, DMatrixRMaj x) {
        requireBegun();
        Require.inRange(column, 0, pass.batchSize - 1, "column");
        Require.inRange(t, 1, lengths[column], "t");
        Require.columnVector(x, pass.inputSize, "x");
        Require.finite(x, "x");
        if (forwardDone > 0) {
            throw new IllegalStateException("inputs must be set before the first forward step");
        }
        System.arraycopy(x.data, 0, inputs.data, row(t, column) * pass.inputSize, pass.inputSize);
    }

    /** The row of step t, column b in the all-steps matrices. */
    private int row(int t, int column) {
        return (t - 1) * pass.batchSize + column;
    }

    /**
     * Forward step t (1..T in order) from S_{t−1} ({@code previous}, S × B) into {@code state}
     * (allocated when null; may be {@code previous}). Step 1 first projects the inputs of all steps.
     */
    public DMatrixRMaj forward(int t, DMatrixRMaj previous, DMatrixRMaj state) {
        requireBegun();
        if (t != forwardDone + 1 || t > steps) {
            throw new IllegalStateException("forward steps must run 1.." + steps + " in order; expected " + (forwardDone + 1)
                    + ", was " + t);
        }
        Require.shape(previous, pass.stateSize, pass.batchSize, "previous");
        DMatrixRMaj out = CellPass.output(state, pass.stateSize, pass.batchSize, "state");
        if (t == 1) {
            Require.finite(previous, "previous");
            // tag::time-batched-input-projection[]
            MatrixProducts.multTransB(inputs, pass.weightIhSnapshot, projections);   // [X_1 … X_T]ᵀ·W_ihᵀ, one GEMM
            // end::time-batched-input-projection[]
        }
        BaseBatchCache c = caches.get(t - 1);
        c.keepPrevious(previous);
        keepStep(c, t);
        pass.step(c, projections.data, row(t, 0) * pass.gateRows, 1, pass.gateRows, out);
        forwardDone = t;
        return out;
    }

    /** Sets the mask of step t and copies X_t into its cache and H_{t−1} into the all-steps matrix. */
    private void keepStep(BaseBatchCache c, int t) {
        int nb = pass.batchSize;
        int in = pass.inputSize;
        int hs = pass.hiddenSize;
        int first = row(t, 0);
        for (int b = 0; b < nb; b++) {
            c.active[b] = t <= lengths[b];
            for (int i = 0; i < in; i++) {
                c.input.data[i * nb + b] = inputs.data[(first + b) * in + i];
            }
            for (int r = 0; r < hs; r++) {
                hidden.data[(first + b) * hs + r] = c.hPrevious.data[r * nb + b];
            }
        }
    }

    /** The cache of forward step t (for Jacobian products along the batch's trajectory). */
    public BatchCache cache(int t) {
        requireBegun();
        Require.inRange(t, 1, forwardDone, "t");
        return caches.get(t - 1);
    }

    /**
     * Backward step t (T..1 in order, after all forward steps): Δ_{t−1} = J_tᵀ Δ_t column by column
     * into {@code previousAdjoint} (allocated when null; not {@code adjoint}); the step's gate adjoints
     * are kept for the time-batched gradients.
     */
    public DMatrixRMaj backward(int t, DMatrixRMaj adjoint, DMatrixRMaj previousAdjoint) {
        requireBegun();
        int expected = backwardFrom < 0 ? steps : backwardFrom - 1;
        if (forwardDone != steps || t != expected || t < 1) {
            throw new IllegalStateException("backward steps must run " + steps + "..1 in order after all forward steps;"
                    + " expected " + expected + ", was " + t);
        }
        DMatrixRMaj out = pass.backwardState(caches.get(t - 1), adjoint, previousAdjoint);
        keepGateAdjoints(pass.gateAdjointsIh, gateAdjointsIh, t);
        if (gateAdjointsHh != gateAdjointsIh) {
            keepGateAdjoints(pass.gateAdjointsHh, gateAdjointsHh, t);
        }
        backwardFrom = t;
        return out;
    }

    /** Copies dA_t (G·H × B) transposed into the rows of step t of {@code all}. */
    private void keepGateAdjoints(DMatrixRMaj step, DMatrixRMaj all, int t) {
        int nb = pass.batchSize;
        int gates = pass.gateRows;
        int first = row(t, 0) * gates;
        for (int b = 0; b < nb; b++) {
            int to = first + b * gates;
            for (int r = 0; r < gates; r++) {
                all.data[to + r] = step.data[r * nb + b];
            }
        }
    }

    // tag::time-batched-gradients[]
    /** Adds the parameter gradients of all steps and columns to {@code gradients}: one GEMM per weight. */
    public void accumulateGradients(CellParameters gradients) {
        requireBackwardDone();
        pass.cell.requireLayout(gradients, "gradients");
        MatrixProducts.multAddTransA(gateAdjointsIh, inputs, gradients.weightIh());   // dW_ih += Σ_t dA_t X_tᵀ
        MatrixProducts.multAddTransA(gateAdjointsHh, hidden, gradients.weightHh());   // dW_hh += Σ_t dA_t H_{t−1}ᵀ
        columnSums(gateAdjointsIh, biasSums);
        CommonOps_DDRM.addEquals(gradients.biasIh(), biasSums);                        // db_ih += Σ_t dA_t·1
        if (gateAdjointsHh != gateAdjointsIh) {
            columnSums(gateAdjointsHh, biasSums);
        }
        CommonOps_DDRM.addEquals(gradients.biasHh(), biasSums);                        // db_hh += Σ_t dA_t·1
    }
    // end::time-batched-gradients[]

    /** sums = the column sums of {@code m}, adding one row of gate adjoints after another. */
    private static void columnSums(DMatrixRMaj m, DMatrixRMaj sums) {
        int cols = m.numCols;
        sums.zero();
        for (int r = 0; r < m.numRows; r++) {
            int row = r * cols;
            for (int j = 0; j < cols; j++) {
                sums.data[j] += m.data[row + j];
            }
        }
    }

    /** ∂L/∂x_t of column {@code column} into {@code out} (I × 1, allocated when null); all steps take one GEMM. */
    public DMatrixRMaj inputGradient(int t, int column, DMatrixRMaj out) {
        requireBackwardDone();
        Require.inRange(column, 0, pass.batchSize - 1, "column");
        Require.inRange(t, 1, steps, "t");
        DMatrixRMaj dx = out == null ? new DMatrixRMaj(pass.inputSize, 1) : Require.columnVector(out, pass.inputSize, "out");
        projectInputGradients();
        System.arraycopy(inputGradients.data, row(t, column) * pass.inputSize, dx.data, 0, pass.inputSize);
        return dx;
    }

    /**
     * ∂L/∂x_t of column {@code column} for t = 1..lengths[column] as the columns of {@code out}
     * (I × lengths[column], allocated when null).
     */
    public DMatrixRMaj inputGradients(int column, DMatrixRMaj out) {
        requireBackwardDone();
        Require.inRange(column, 0, pass.batchSize - 1, "column");
        int length = lengths[column];
        DMatrixRMaj dx = CellPass.output(out, pass.inputSize, length, "out");
        projectInputGradients();
        int in = pass.inputSize;
        for (int t = 1; t <= length; t++) {
            int from = row(t, column) * in;
            for (int i = 0; i < in; i++) {
                dx.data[i * length + t - 1] = inputGradients.data[from + i];
            }
        }
        return dx;
    }

    /** [dA_1 … dA_T]ᵀ·W_ih once per batch: the input gradients of all steps and columns. */
    private void projectInputGradients() {
        if (!inputGradientsReady) {
            inputGradients.reshape(gateAdjointsIh.numRows, pass.inputSize);
            // tag::time-batched-input-gradients[]
            MatrixProducts.mult(gateAdjointsIh, pass.weightIhSnapshot, inputGradients);   // (W_ihᵀ·[dA_1 … dA_T])ᵀ, one GEMM
            // end::time-batched-input-gradients[]
            inputGradientsReady = true;
        }
    }

    /** Bytes of the arrays held: the step caches and the all-steps matrices. */
    public long bytes() {
        long n = 0;
        for (BaseBatchCache c : caches) {
            n += c.bytes();
        }
        n += BaseCache.arrayBytes(inputs) + BaseCache.arrayBytes(projections) + BaseCache.arrayBytes(hidden)
                + BaseCache.arrayBytes(gateAdjointsIh) + BaseCache.arrayBytes(inputGradients);
        return gateAdjointsHh == gateAdjointsIh ? n : n + BaseCache.arrayBytes(gateAdjointsHh);
    }

    private void requireBegun() {
        if (steps == 0) {
            throw new IllegalStateException("begin must be called first");
        }
    }

    private void requireBackwardDone() {
        requireBegun();
        if (backwardFrom != 1) {
            throw new IllegalStateException("all backward steps " + steps + "..1 must run first");
        }
    }
}
