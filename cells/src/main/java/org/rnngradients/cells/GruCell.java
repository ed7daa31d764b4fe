package org.rnngradients.cells;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The gated recurrent unit exactly as PyTorch's {@code nn.GRU} (gate blocks r, z, n):
 * <pre>
 * r = σ(W_ir x + b_ir + W_hr h + b_hr)
 * z = σ(W_iz x + b_iz + W_hz h + b_hz)
 * n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))
 * h' = (1 − z) ⊙ n + z ⊙ h
 * </pre>
 * The term z ⊙ h is an additive path: its contribution diag(z) to the step Jacobian carries no
 * weight matrix, so a gate saturated at z = 1 passes the state (and its gradient) through unchanged.
 */
public final class GruCell extends BaseCell {
    static final int R = 0;
    static final int Z = 1;
    static final int N = 2;

    /** A cell with zero parameters (initialise them with {@link Cells}). */
    public GruCell(int inputSize, int hiddenSize) {
        super(3, inputSize, hiddenSize, hiddenSize);
    }

    /** 1: the largest sup|φ′| among its activations (tanh for n; the sigmoid gates have 1/4). */
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
        return new GruPass(this, batchSize);
    }

    /** Copies the cached update gate z_t into {@code out} (H × 1). */
    public DMatrixRMaj updateGate(StepCache cache, DMatrixRMaj out) {
        return copyHidden(((Cache) filled(cache)).z, out);
    }

    // tag::gru-forward[]
    @Override
    void step(BaseCache cache, DMatrixRMaj state) {
        Cache c = (Cache) cache;
        CellParameters p = parameters();
        int hs = hiddenSize();
        VectorOps.affine(p.weightIh(), c.input, p.biasIh(), c.gi);        // gi = W_ih x + b_ih   (r, z, n blocks)
        VectorOps.affine(p.weightHh(), c.hPrevious, p.biasHh(), c.gh);    // gh = W_hh h + b_hh
        requireFinitePreActivations(c.gi);
        requireFinitePreActivations(c.gh);
        for (int k = 0; k < hs; k++) {
            double r = Activation.sigmoid(c.gi.data[R * hs + k] + c.gh.data[R * hs + k]);
            double z = Activation.sigmoid(c.gi.data[Z * hs + k] + c.gh.data[Z * hs + k]);
            double n = Math.tanh(c.gi.data[N * hs + k] + r * c.gh.data[N * hs + k]);
            c.r.data[k] = r;
            c.z.data[k] = z;
            c.n.data[k] = n;
            state.data[k] = (1 - z) * n + z * c.hPrevious.data[k];      // h' = (1 − z) n + z h
        }
    }
    // end::gru-forward[]

    // tag::gru-step-jacobian[]
    /** J = diag(z) + diag(a_r) W_hr + diag(a_z) W_hz + diag(a_n) W_hn. */
    @Override
    void stepJacobian(BaseCache cache, DMatrixRMaj jacobian) {
        Cache c = (Cache) cache;
        jacobian.zero();
        gateRows(c, parameters().weightHh(), jacobian, true);
        for (int k = 0; k < hiddenSize(); k++) {
            jacobian.data[k * hiddenSize() + k] += c.z.data[k];            // the additive path z ⊙ h
        }
    }

    /**
     * Adds Σ_gate diag(a_gate) W_gate row by row, for W = W_hh or W_ih. The coefficient of the n
     * block carries the reset gate r only on the hidden side, where n sees r ⊙ (W_hn h + b_hn).
     */
    private void gateRows(Cache c, DMatrixRMaj w, DMatrixRMaj out, boolean hiddenSide) {
        int hs = hiddenSize();
        for (int k = 0; k < hs; k++) {
            double r = c.r.data[k];
            double z = c.z.data[k];
            double n = c.n.data[k];
            double dn = (1 - z) * (1 - n * n);                              // ∂h'/∂(pre-activation of n)
            VectorOps.addScaledRow(dn * c.gh.data[N * hs + k] * r * (1 - r), w, R * hs + k, out, k);
            VectorOps.addScaledRow((c.hPrevious.data[k] - n) * z * (1 - z), w, Z * hs + k, out, k);
            VectorOps.addScaledRow(hiddenSide ? dn * r : dn, w, N * hs + k, out, k);
        }
    }
    // end::gru-step-jacobian[]

    @Override
    void inputStepJacobian(BaseCache cache, DMatrixRMaj out) {
        out.zero();
        gateRows((Cache) cache, parameters().weightIh(), out, false);
    }

    // tag::gru-backward[]
    @Override
    void adjointStep(BaseCache cache, DMatrixRMaj delta, DMatrixRMaj previousDelta, DMatrixRMaj inputDelta,
                     CellParameters gradients) {
        Cache c = (Cache) cache;
        CellParameters p = parameters();
        int hs = hiddenSize();
        for (int k = 0; k < hs; k++) {
            double d = delta.data[k];
            double r = c.r.data[k];
            double z = c.z.data[k];
            double n = c.n.data[k];
            double dn = d * (1 - z) * (1 - n * n);                         // ∂L/∂(W_in x + b_in + r ⊙ gh_n)
            double dr = dn * c.gh.data[N * hs + k] * r * (1 - r);          // ∂L/∂(pre-activation of r)
            double dz = d * (c.hPrevious.data[k] - n) * z * (1 - z);       // ∂L/∂(pre-activation of z)
            c.dgi.data[R * hs + k] = dr;
            c.dgi.data[Z * hs + k] = dz;
            c.dgi.data[N * hs + k] = dn;
            c.dgh.data[R * hs + k] = dr;
            c.dgh.data[Z * hs + k] = dz;
            c.dgh.data[N * hs + k] = dn * r;
            c.carry.data[k] = d * z;                                        // through the additive path
        }
        CommonOps_DDRM.multTransA(p.weightHh(), c.dgh, previousDelta);     // δ_{t−1} = W_hhᵀ dgh + z ⊙ δ_t
        CommonOps_DDRM.addEquals(previousDelta, c.carry);
        if (inputDelta != null) {
            CommonOps_DDRM.multTransA(p.weightIh(), c.dgi, inputDelta);     // ∂L/∂x = W_ihᵀ dgi
        }
        accumulate(c, c.dgi, c.dgh, gradients);
    }
    // end::gru-backward[]

    /** Gate values, the two fused affine maps and the backward scratch of one step. */
    private static final class Cache extends BaseCache {
        final DMatrixRMaj gi;
        final DMatrixRMaj gh;
        final DMatrixRMaj r;
        final DMatrixRMaj z;
        final DMatrixRMaj n;
        final DMatrixRMaj dgi;
        final DMatrixRMaj dgh;
        final DMatrixRMaj carry;

        Cache(GruCell cell) {
            super(cell);
            int h = cell.hiddenSize();
            gi = new DMatrixRMaj(3 * h, 1);
            gh = new DMatrixRMaj(3 * h, 1);
            r = new DMatrixRMaj(h, 1);
            z = new DMatrixRMaj(h, 1);
            n = new DMatrixRMaj(h, 1);
            dgi = new DMatrixRMaj(3 * h, 1);
            dgh = new DMatrixRMaj(3 * h, 1);
            carry = new DMatrixRMaj(h, 1);
        }

        @Override
        public long bytes() {
            return sharedBytes() + arrayBytes(gi) + arrayBytes(gh) + arrayBytes(r) + arrayBytes(z) + arrayBytes(n)
                    + arrayBytes(dgi) + arrayBytes(dgh) + arrayBytes(carry);
        }
    }
}
