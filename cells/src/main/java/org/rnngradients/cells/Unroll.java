package org.rnngradients.cells;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.linalg.MatrixProducts;
import org.rnngradients.linalg.Require;

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
    private final DMatrixRMaj inputs;
    private final DMatrixRMaj projections;
    private final DMatrixRMaj hidden;
    private final DMatrixRMaj gateAdjointsIh;
    private final DMatrixRMaj gateAdjointsHh;
    private final DMatrixRMaj inputGradients;
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
        this.inputs = new DMatrixRMaj(pass.inputSize, b);
        this.projections = new DMatrixRMaj(gates, b);
        this.hidden = new DMatrixRMaj(pass.hiddenSize, b);
        this.gateAdjointsIh = new DMatrixRMaj(gates, b);
        this.gateAdjointsHh = pass.gateAdjointsHh != pass.gateAdjointsIh ? new DMatrixRMaj(gates, b) : gateAdjointsIh;
        this.inputGradients = new DMatrixRMaj(pass.inputSize, b);
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
        System.arraycopy(lengths, 0, this.lengths, 0, lengths.length);
        steps = longest;
        int columns = steps * pass.batchSize;
        inputs.reshape(pass.inputSize, columns);
        inputs.zero();
        projections.reshape(pass.gateRows, columns);
        hidden.reshape(pass.hiddenSize, columns);
        gateAdjointsIh.reshape(pass.gateRows, columns);
        gateAdjointsHh.reshape(pass.gateRows, columns);
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
        int stride = inputs.numCols;
        int at = (t - 1) * pass.batchSize + column;
        for (int i = 0; i < pass.inputSize; i++) {
            inputs.data[i * stride + at] = x.data[i];
        }
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
            pass.weightIh.mult(inputs, projections);                           // W_ih·[X_1 … X_T], one GEMM
            // end::time-batched-input-projection[]
        }
        BaseBatchCache c = caches.get(t - 1);
        c.keepPrevious(previous);
        keepStep(c, t);
        pass.step(c, projections.data, (t - 1) * pass.batchSize, projections.numCols, out);
        forwardDone = t;
        return out;
    }

    /** Copies X_t and H_{t−1} of step t into its cache and H_{t−1} into the all-steps matrix; sets the mask. */
    private void keepStep(BaseBatchCache c, int t) {
        int nb = pass.batchSize;
        int offset = (t - 1) * nb;
        for (int b = 0; b < nb; b++) {
            c.active[b] = t <= lengths[b];
        }
        for (int i = 0; i < pass.inputSize; i++) {
            System.arraycopy(inputs.data, i * inputs.numCols + offset, c.input.data, i * nb, nb);
        }
        for (int r = 0; r < pass.hiddenSize; r++) {
            System.arraycopy(c.hPrevious.data, r * nb, hidden.data, r * hidden.numCols + offset, nb);
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
        keepGateAdjoints(t);
        backwardFrom = t;
        return out;
    }

    /** Copies dA_t (input and hidden side) into the all-steps matrices. */
    private void keepGateAdjoints(int t) {
        int nb = pass.batchSize;
        int offset = (t - 1) * nb;
        int stride = gateAdjointsIh.numCols;
        for (int r = 0; r < pass.gateRows; r++) {
            System.arraycopy(pass.gateAdjointsIh.data, r * nb, gateAdjointsIh.data, r * stride + offset, nb);
            if (gateAdjointsHh != gateAdjointsIh) {
                System.arraycopy(pass.gateAdjointsHh.data, r * nb, gateAdjointsHh.data, r * stride + offset, nb);
            }
        }
    }

    // tag::time-batched-gradients[]
    /** Adds the parameter gradients of all steps and columns to {@code gradients}: one GEMM per weight. */
    public void accumulateGradients(CellParameters gradients) {
        requireBackwardDone();
        pass.cell.requireLayout(gradients, "gradients");
        MatrixProducts.multAddTransB(gateAdjointsIh, inputs, gradients.weightIh());   // dW_ih += Σ_t dA_t X_tᵀ
        MatrixProducts.multAddTransB(gateAdjointsHh, hidden, gradients.weightHh());   // dW_hh += Σ_t dA_t H_{t−1}ᵀ
        CellPass.addRowSums(gateAdjointsIh, gradients.biasIh());                       // db_ih += Σ_t dA_t·1
        CellPass.addRowSums(gateAdjointsHh, gradients.biasHh());                       // db_hh += Σ_t dA_t·1
    }
    // end::time-batched-gradients[]

    /** ∂L/∂x_t of column {@code column} into {@code out} (I × 1, allocated when null); all steps take one GEMM. */
    public DMatrixRMaj inputGradient(int t, int column, DMatrixRMaj out) {
        requireBackwardDone();
        Require.inRange(column, 0, pass.batchSize - 1, "column");
        Require.inRange(t, 1, steps, "t");
        DMatrixRMaj dx = out == null ? new DMatrixRMaj(pass.inputSize, 1) : Require.columnVector(out, pass.inputSize, "out");
        projectInputGradients();
        int at = (t - 1) * pass.batchSize + column;
        for (int i = 0; i < pass.inputSize; i++) {
            dx.data[i] = inputGradients.data[i * inputGradients.numCols + at];
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
        int nb = pass.batchSize;
        for (int i = 0; i < pass.inputSize; i++) {
            int row = i * inputGradients.numCols + column;
            for (int t = 0; t < length; t++) {
                dx.data[i * length + t] = inputGradients.data[row + t * nb];
            }
        }
        return dx;
    }

    /** W_ihᵀ·[dA_1 … dA_T] once per batch: the input gradients of all steps and columns. */
    private void projectInputGradients() {
        if (!inputGradientsReady) {
            inputGradients.reshape(pass.inputSize, gateAdjointsIh.numCols);
            // tag::time-batched-input-gradients[]
            pass.weightIh.multTransA(gateAdjointsIh, inputGradients);           // W_ihᵀ·[dA_1 … dA_T], one GEMM
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
