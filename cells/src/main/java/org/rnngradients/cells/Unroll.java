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
    // The all-steps matrices are, in the mathematics, R × (T·B) with step t, column b in column (t−1)·B + b.
    // With B > 1 they are stored so, and a step's R × B block is copied row by row, B numbers at a time.
    // With B = 1 they are stored transposed, (T·B) × R, so that a step's block is one contiguous row.
    /** Whether the all-steps matrices are stored transposed, one step per row (B = 1). */
    private final boolean stepRows;
    /** [X_1 … X_T]: I × (T·B). */
    private final DMatrixRMaj inputs;
    /** W_ih·[X_1 … X_T]: G·H × (T·B). */
    private final DMatrixRMaj projections;
    /** [H_0 … H_{T−1}]: H × (T·B). */
    private final DMatrixRMaj hidden;
    /** [dA_1 … dA_T] (input side): G·H × (T·B). */
    private final DMatrixRMaj gateAdjointsIh;
    /** The same on the hidden side (a separate matrix for a GRU only). */
    private final DMatrixRMaj gateAdjointsHh;
    /** [∂L/∂X_1 … ∂L/∂X_T]: I × (T·B). */
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
        this.stepRows = b == 1;
        this.inputs = oneStep(pass.inputSize);
        this.projections = oneStep(gates);
        this.hidden = oneStep(pass.hiddenSize);
        this.gateAdjointsIh = oneStep(gates);
        this.gateAdjointsHh = pass.gateAdjointsHh != pass.gateAdjointsIh ? oneStep(gates) : gateAdjointsIh;
        this.inputGradients = oneStep(pass.inputSize);
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
        int columns = steps * pass.batchSize;
        allSteps(inputs, pass.inputSize, columns);
        inputs.zero();
        allSteps(projections, pass.gateRows, columns);
        allSteps(hidden, pass.hiddenSize, columns);
        allSteps(gateAdjointsIh, pass.gateRows, columns);
        allSteps(gateAdjointsHh, pass.gateRows, columns);
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
        int j = index(t, column);
        for (int i = 0; i < pass.inputSize; i++) {
            inputs.data[at(inputs, i, j)] = x.data[i];
        }
    }

    /** The column of step t, column b in the all-steps matrices: (t−1)·B + b. */
    private int index(int t, int column) {
        return (t - 1) * pass.batchSize + column;
    }

    /** An all-steps matrix of R rows for one step (R × B), grown by {@link #begin}. */
    private DMatrixRMaj oneStep(int rows) {
        DMatrixRMaj all = new DMatrixRMaj(1, 1);
        allSteps(all, rows, pass.batchSize);
        return all;
    }

    /** Shapes {@code all} to hold an R × (T·B) all-steps matrix (transposed when {@link #stepRows}). */
    private void allSteps(DMatrixRMaj all, int rows, int columns) {
        if (stepRows) {
            all.reshape(columns, rows);
        } else {
            all.reshape(rows, columns);
        }
    }

    /** The position in {@code all}'s array of entry (row, column) of the all-steps matrix it holds. */
    private int at(DMatrixRMaj all, int row, int column) {
        return stepRows ? column * all.numCols + row : row * all.numCols + column;
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
            if (stepRows) {
                MatrixProducts.multTransB(inputs, pass.weightIhSnapshot, projections);   // ([X_1 … X_T]ᵀ·W_ihᵀ)
            } else {
                MatrixProducts.mult(pass.weightIhSnapshot, inputs, projections);         // W_ih·[X_1 … X_T], one GEMM
            }
            // end::time-batched-input-projection[]
        }
        BaseBatchCache c = caches.get(t - 1);
        c.keepPrevious(previous);
        keepStep(c, t);
        int first = at(projections, 0, index(t, 0));
        if (stepRows) {
            pass.step(c, projections.data, first, 1, pass.gateRows, out);
        } else {
            pass.step(c, projections.data, first, projections.numCols, 1, out);
        }
        forwardDone = t;
        return out;
    }

    /** Sets the mask of step t and copies X_t into its cache and H_{t−1} into the all-steps matrix. */
    private void keepStep(BaseBatchCache c, int t) {
        int nb = pass.batchSize;
        for (int b = 0; b < nb; b++) {
            c.active[b] = t <= lengths[b];
        }
        copyBlock(inputs, index(t, 0), c.input, false);
        copyBlock(hidden, index(t, 0), c.hPrevious, true);
    }

    /**
     * Copies between {@code step} (R × B) and the B columns of {@code all} from column {@code first} on,
     * one row at a time (one whole row of {@code all} when {@link #stepRows}): into {@code all} when
     * {@code intoAll}, out of it otherwise.
     */
    private void copyBlock(DMatrixRMaj all, int first, DMatrixRMaj step, boolean intoAll) {
        int nb = step.numCols;
        int rows = stepRows ? 1 : step.numRows;
        int length = stepRows ? step.numRows : nb;
        for (int r = 0; r < rows; r++) {
            int from = r * length;
            int to = at(all, r, first);
            if (intoAll) {
                System.arraycopy(step.data, from, all.data, to, length);
            } else {
                System.arraycopy(all.data, to, step.data, from, length);
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
        copyBlock(gateAdjointsIh, index(t, 0), pass.gateAdjointsIh, true);
        if (gateAdjointsHh != gateAdjointsIh) {
            copyBlock(gateAdjointsHh, index(t, 0), pass.gateAdjointsHh, true);
        }
        backwardFrom = t;
        return out;
    }

    // tag::time-batched-gradients[]
    /** Adds the parameter gradients of all steps and columns to {@code gradients}: one GEMM per weight. */
    public void accumulateGradients(CellParameters gradients) {
        requireBackwardDone();
        pass.cell.requireLayout(gradients, "gradients");
        multAddOuter(gateAdjointsIh, inputs, gradients.weightIh());       // dW_ih += Σ_t dA_t X_tᵀ = [dA_t]·[X_t]ᵀ
        multAddOuter(gateAdjointsHh, hidden, gradients.weightHh());       // dW_hh += Σ_t dA_t H_{t−1}ᵀ
        sums(gateAdjointsIh, biasSums);
        CommonOps_DDRM.addEquals(gradients.biasIh(), biasSums);            // db_ih += Σ_t dA_t·1
        if (gateAdjointsHh != gateAdjointsIh) {
            sums(gateAdjointsHh, biasSums);
        }
        CommonOps_DDRM.addEquals(gradients.biasHh(), biasSums);                        // db_hh += Σ_t dA_t·1
    }
    // end::time-batched-gradients[]

    /** c += A·Bᵀ for the all-steps matrices A and B (one GEMM over all steps and columns). */
    private void multAddOuter(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        if (stepRows) {
            MatrixProducts.multAddTransA(a, b, c);
        } else {
            MatrixProducts.multAddTransB(a, b, c);
        }
    }

    /** sums = the row sums of the all-steps matrix {@code all}: each bias's gate adjoints over all steps and columns. */
    private void sums(DMatrixRMaj all, DMatrixRMaj sums) {
        sums.zero();
        if (!stepRows) {
            CellPass.addRowSums(all, sums);
            return;
        }
        int cols = all.numCols;
        for (int r = 0; r < all.numRows; r++) {
            int row = r * cols;
            for (int j = 0; j < cols; j++) {
                sums.data[j] += all.data[row + j];
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
        int j = index(t, column);
        for (int i = 0; i < pass.inputSize; i++) {
            dx.data[i] = inputGradients.data[at(inputGradients, i, j)];
        }
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
        for (int i = 0; i < pass.inputSize; i++) {
            for (int t = 1; t <= length; t++) {
                dx.data[i * length + t - 1] = inputGradients.data[at(inputGradients, i, index(t, column))];
            }
        }
        return dx;
    }

    /** [dA_1 … dA_T]ᵀ·W_ih once per batch: the input gradients of all steps and columns. */
    private void projectInputGradients() {
        if (!inputGradientsReady) {
            allSteps(inputGradients, pass.inputSize, steps * pass.batchSize);
            // tag::time-batched-input-gradients[]
            if (stepRows) {
                MatrixProducts.mult(gateAdjointsIh, pass.weightIhSnapshot, inputGradients);       // ([dA_t]ᵀ·W_ih)
            } else {
                MatrixProducts.multTransA(pass.weightIhSnapshot, gateAdjointsIh, inputGradients); // W_ihᵀ·[dA_1 … dA_T], one GEMM
            }
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
