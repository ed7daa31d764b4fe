package org.rnngradients.cells;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rnngradients.linalg.internal.Require;

/**
 * The long short-term memory cell exactly as PyTorch's {@code nn.LSTM} (gate blocks i, f, g, o):
 * <pre>
 * [a_i; a_f; a_g; a_o] = W_ih x + b_ih + W_hh h + b_hh
 * i = σ(a_i), f = σ(a_f), g = tanh(a_g), o = σ(a_o)
 * c' = f ⊙ c + i ⊙ g,   h' = o ⊙ tanh(c')
 * </pre>
 * The state is s = [h; c] (length 2H). Its step Jacobian is 2H × 2H; the cell-state block
 * ∂c'/∂c = diag(f) holds no weight matrix, which is the additive path through which gradients can
 * travel unattenuated when f = 1.
 */
public final class LstmCell extends BaseCell {
    static final int I = 0;
    static final int F = 1;
    static final int G = 2;
    static final int O = 3;

    /** A cell with zero parameters (initialise them with {@link Cells}). */
    public LstmCell(int inputSize, int hiddenSize) {
        super(4, inputSize, hiddenSize, 2 * hiddenSize);
    }

    /** 1: the largest sup|φ′| among its activations (tanh for g and c; the sigmoid gates have 1/4). */
    @Override
    public double supActivationDerivative() {
        return Activation.TANH.supDerivative();
    }

    @Override
    public StepCache newCache() {
        return new Cache(this);
    }

    @Override
    public CellPass newPass(int batchSize) {
        return new LstmPass(this, batchSize);
    }

    /**
     * Sets the forget-gate bias to {@code bias} (PyTorch's default is 0; 1 is the common choice after
     * Gers et al. and Jozefowicz et al.): writes it into the f block of {@code bias_ih} and zeroes the
     * f block of {@code bias_hh}, so the effective bias b_if + b_hf equals {@code bias}.
     */
    public void setForgetGateBias(double bias) {
        Require.finite(bias, "bias");
        int hs = hiddenSize();
        // tag::lstm-forget-gate-bias[]
        for (int k = 0; k < hs; k++) {
            parameters().biasIh().data[F * hs + k] = bias;      // b_if = bias
            parameters().biasHh().data[F * hs + k] = 0;         // b_hf = 0
        }
        // end::lstm-forget-gate-bias[]
    }

    /** Copies the cached forget gate f_t into {@code out} (H × 1). */
    public DMatrixRMaj forgetGate(StepCache cache, DMatrixRMaj out) {
        return copyHidden(((Cache) filled(cache)).f, out);
    }

    /**
     * The h-only block ∂h_t/∂h_{t−1} (H × H) of the step Jacobian, c_{t−1} held fixed: the top-left
     * quarter of {@link #stateJacobian}.
     */
    public DMatrixRMaj hiddenJacobian(StepCache cache, DMatrixRMaj out) {
        Cache c = (Cache) filled(cache);
        DMatrixRMaj j = square(out, "out");
        gateRows(c, parameters().weightHh(), j, false);
        return j;
    }

    /** {@code out} checked H × H and zeroed, or a new zero H × H matrix when null. */
    private DMatrixRMaj square(DMatrixRMaj out, String name) {
        DMatrixRMaj m = out == null ? new DMatrixRMaj(hiddenSize(), hiddenSize()) : Require.shape(out, hiddenSize(), hiddenSize(), name);
        m.zero();
        return m;
    }

    // tag::lstm-cell-state-block[]
    /** The cell-state block ∂c_t/∂c_{t−1} = diag(f_t) (H × H) of the step Jacobian. */
    public DMatrixRMaj cellStateJacobian(StepCache cache, DMatrixRMaj out) {
        Cache c = (Cache) filled(cache);
        DMatrixRMaj j = square(out, "out");
        for (int k = 0; k < hiddenSize(); k++) {
            j.unsafe_set(k, k, c.f.data[k]);
        }
        return j;
    }
    // end::lstm-cell-state-block[]

    // tag::lstm-forward[]
    @Override
    void step(BaseCache cache, DMatrixRMaj state) {
        Cache c = (Cache) cache;
        int hs = hiddenSize();
        fusedPreActivation(c, c.gates);                                   // a = W_ih x + b_ih + W_hh h + b_hh
        for (int k = 0; k < hs; k++) {
            double i = Activation.sigmoid(c.gates.data[I * hs + k]);
            double f = Activation.sigmoid(c.gates.data[F * hs + k]);
            double g = Math.tanh(c.gates.data[G * hs + k]);
            double o = Activation.sigmoid(c.gates.data[O * hs + k]);
            double cell = f * c.cPrevious.data[k] + i * g;                // c' = f c + i g
            double tanhCell = Math.tanh(cell);
            c.i.data[k] = i;
            c.f.data[k] = f;
            c.g.data[k] = g;
            c.o.data[k] = o;
            c.tanhCell.data[k] = tanhCell;
            state.data[k] = o * tanhCell;                                 // h' = o tanh(c')
            state.data[hs + k] = cell;
        }
    }
    // end::lstm-forward[]

    // tag::lstm-step-jacobian[]
    /**
     * The full Jacobian of (h', c') with respect to (h, c):
     * <pre>
     * ∂c'/∂h = diag(g i(1−i)) W_hi + diag(c f(1−f)) W_hf + diag(i(1−g²)) W_hg     ∂c'/∂c = diag(f)
     * ∂h'/∂h = diag(o(1−tanh²c')) ∂c'/∂h + diag(tanh(c') o(1−o)) W_ho            ∂h'/∂c = diag(o(1−tanh²c') f)
     * </pre>
     */
    @Override
    void stepJacobian(BaseCache cache, DMatrixRMaj jacobian) {
        Cache c = (Cache) cache;
        int hs = hiddenSize();
        jacobian.zero();
        gateRows(c, parameters().weightHh(), jacobian, true);
        for (int k = 0; k < hs; k++) {
            double dhdc = c.o.data[k] * (1 - c.tanhCell.data[k] * c.tanhCell.data[k]);
            jacobian.unsafe_set(k, hs + k, dhdc * c.f.data[k]);
            jacobian.unsafe_set(hs + k, hs + k, c.f.data[k]);
        }
    }

    /**
     * Adds the terms that pass through the gates' pre-activations, Σ_gate diag(coefficient) W_gate,
     * for W = W_hh or W_ih: rows 0..H−1 (h') always, rows H..2H−1 (c') when {@code cellRows}.
     */
    private void gateRows(Cache c, DMatrixRMaj w, DMatrixRMaj out, boolean cellRows) {
        int hs = hiddenSize();
        for (int k = 0; k < hs; k++) {
            double i = c.i.data[k];
            double f = c.f.data[k];
            double g = c.g.data[k];
            double o = c.o.data[k];
            double t = c.tanhCell.data[k];
            double dhdc = o * (1 - t * t);                                // ∂h'/∂c'
            double ci = g * i * (1 - i);                                  // ∂c'/∂a_i
            double cf = c.cPrevious.data[k] * f * (1 - f);                // ∂c'/∂a_f
            double cg = i * (1 - g * g);                                  // ∂c'/∂a_g
            VectorOps.addScaledRow(dhdc * ci, w, I * hs + k, out, k);
            VectorOps.addScaledRow(dhdc * cf, w, F * hs + k, out, k);
            VectorOps.addScaledRow(dhdc * cg, w, G * hs + k, out, k);
            VectorOps.addScaledRow(t * o * (1 - o), w, O * hs + k, out, k);
            if (cellRows) {
                VectorOps.addScaledRow(ci, w, I * hs + k, out, hs + k);
                VectorOps.addScaledRow(cf, w, F * hs + k, out, hs + k);
                VectorOps.addScaledRow(cg, w, G * hs + k, out, hs + k);
            }
        }
    }
    // end::lstm-step-jacobian[]

    @Override
    void inputStepJacobian(BaseCache cache, DMatrixRMaj out) {
        out.zero();
        gateRows((Cache) cache, parameters().weightIh(), out, true);
    }

    // tag::lstm-backward[]
    @Override
    void adjointStep(BaseCache cache, DMatrixRMaj delta, DMatrixRMaj previousDelta, DMatrixRMaj inputDelta,
                     CellParameters gradients) {
        Cache c = (Cache) cache;
        CellParameters p = parameters();
        int hs = hiddenSize();
        for (int k = 0; k < hs; k++) {
            double i = c.i.data[k];
            double f = c.f.data[k];
            double g = c.g.data[k];
            double o = c.o.data[k];
            double t = c.tanhCell.data[k];
            double dh = delta.data[k];
            double dc = delta.data[hs + k] + dh * o * (1 - t * t);        // ∂L/∂c' through both paths
            c.dGates.data[I * hs + k] = dc * g * i * (1 - i);
            c.dGates.data[F * hs + k] = dc * c.cPrevious.data[k] * f * (1 - f);
            c.dGates.data[G * hs + k] = dc * i * (1 - g * g);
            c.dGates.data[O * hs + k] = dh * t * o * (1 - o);
            previousDelta.data[hs + k] = dc * f;                            // the additive path: ∂L/∂c = f ⊙ ∂L/∂c'
        }
        CommonOps_DDRM.multTransA(p.weightHh(), c.dGates, c.dhPrevious);   // ∂L/∂h = W_hhᵀ ∂L/∂a
        System.arraycopy(c.dhPrevious.data, 0, previousDelta.data, 0, hs);
        if (inputDelta != null) {
            CommonOps_DDRM.multTransA(p.weightIh(), c.dGates, inputDelta);  // ∂L/∂x = W_ihᵀ ∂L/∂a
        }
        accumulate(c, c.dGates, c.dGates, gradients);
    }
    // end::lstm-backward[]

    /** Gate pre-activations and values, tanh(c') and the backward scratch of one step. */
    private static final class Cache extends BaseCache {
        final DMatrixRMaj gates;
        final DMatrixRMaj i;
        final DMatrixRMaj f;
        final DMatrixRMaj g;
        final DMatrixRMaj o;
        final DMatrixRMaj tanhCell;
        final DMatrixRMaj dGates;
        final DMatrixRMaj dhPrevious;

        Cache(LstmCell cell) {
            super(cell);
            int h = cell.hiddenSize();
            gates = new DMatrixRMaj(4 * h, 1);
            i = new DMatrixRMaj(h, 1);
            f = new DMatrixRMaj(h, 1);
            g = new DMatrixRMaj(h, 1);
            o = new DMatrixRMaj(h, 1);
            tanhCell = new DMatrixRMaj(h, 1);
            dGates = new DMatrixRMaj(4 * h, 1);
            dhPrevious = new DMatrixRMaj(h, 1);
        }

        @Override
        public long bytes() {
            return sharedBytes() + arrayBytes(gates) + arrayBytes(i) + arrayBytes(f) + arrayBytes(g) + arrayBytes(o)
                    + arrayBytes(tanhCell) + arrayBytes(dGates) + arrayBytes(dhPrevious);
        }
    }
}
