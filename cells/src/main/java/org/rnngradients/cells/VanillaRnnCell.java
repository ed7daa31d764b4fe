package org.rnngradients.cells;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rnngradients.linalg.DiagonalProducts;
import org.rnngradients.linalg.internal.Require;

/**
 * The vanilla (Elman) RNN cell of PyTorch's {@code nn.RNN}:
 * h_t = φ(z_t) with z_t = W_ih x_t + b_ih + W_hh h_{t−1} + b_hh, for φ one of {@link Activation}.
 * Its step Jacobian is J_t = diag(φ′(z_t)) W_hh, so every backward step multiplies the adjoint by
 * W_hhᵀ after scaling it by φ′ — the product whose repetition makes gradients vanish or explode.
 */
public final class VanillaRnnCell extends BaseCell {
    private final Activation activation;

    /** A cell with zero parameters (initialise them with {@link Cells}). */
    public VanillaRnnCell(int inputSize, int hiddenSize, Activation activation) {
        super(1, inputSize, hiddenSize, hiddenSize);
        this.activation = Require.nonNull(activation, "activation");
    }

    /** The activation φ. */
    public Activation activation() {
        return activation;
    }

    @Override
    public double supActivationDerivative() {
        return activation.supDerivative();
    }

    @Override
    public StepCache newCache() {
        return new Cache(this);
    }

    @Override
    public CellPass newPass(int batchSize) {
        return new VanillaRnnPass(this, batchSize);
    }

    /** Copies the cached pre-activation z_t into {@code out} (H × 1), e.g. to study saturation. */
    public DMatrixRMaj preActivation(StepCache cache, DMatrixRMaj out) {
        return copyHidden(((Cache) filled(cache)).z, out);
    }

    /** Copies the cached φ′(z_t), the diagonal of the step Jacobian's left factor, into {@code out} (H × 1). */
    public DMatrixRMaj activationDerivative(StepCache cache, DMatrixRMaj out) {
        return copyHidden(((Cache) filled(cache)).derivative, out);
    }

    // tag::vanilla-forward[]
    @Override
    void step(BaseCache cache, DMatrixRMaj h) {
        Cache c = (Cache) cache;
        fusedPreActivation(c, c.z);                                     // z = W_ih x + b_ih + W_hh h_{t−1} + b_hh
        for (int i = 0; i < c.z.numRows; i++) {
            double phi = activation.apply(c.z.data[i]);
            h.data[i] = phi;                                            // h_t = φ(z)
            c.derivative.data[i] = activation.derivative(c.z.data[i], phi);
        }
    }
    // end::vanilla-forward[]

    // tag::vanilla-step-jacobian[]
    @Override
    void stepJacobian(BaseCache cache, DMatrixRMaj jacobian) {
        Cache c = (Cache) cache;
        DiagonalProducts.diagTimes(c.derivative, parameters().weightHh(), jacobian);  // J = diag(φ′(z)) W_hh
    }
    // end::vanilla-step-jacobian[]

    @Override
    void inputStepJacobian(BaseCache cache, DMatrixRMaj out) {
        Cache c = (Cache) cache;
        DiagonalProducts.diagTimes(c.derivative, parameters().weightIh(), out);      // diag(φ′(z)) W_ih
    }

    // tag::vanilla-backward[]
    @Override
    void adjointStep(BaseCache cache, DMatrixRMaj delta, DMatrixRMaj previousDelta, DMatrixRMaj inputDelta,
                     CellParameters gradients) {
        Cache c = (Cache) cache;
        CellParameters p = parameters();
        CommonOps_DDRM.elementMult(c.derivative, delta, c.dz);           // ∂L/∂z = φ′(z) ⊙ δ_t
        CommonOps_DDRM.multTransA(p.weightHh(), c.dz, previousDelta);    // δ_{t−1} = W_hhᵀ ∂L/∂z = J_tᵀ δ_t
        if (inputDelta != null) {
            CommonOps_DDRM.multTransA(p.weightIh(), c.dz, inputDelta);   // ∂L/∂x_t = W_ihᵀ ∂L/∂z
        }
        accumulate(c, c.dz, c.dz, gradients);                            // dW_ih += dz xᵀ, dW_hh += dz h_{t−1}ᵀ, db += dz
    }
    // end::vanilla-backward[]

    @Override
    public String toString() {
        return "VanillaRnnCell(" + inputSize() + ", " + hiddenSize() + ", " + activation + ")";
    }

    /** Pre-activation, φ′ and the scratch ∂L/∂z of one step. */
    private static final class Cache extends BaseCache {
        final DMatrixRMaj z;
        final DMatrixRMaj derivative;
        final DMatrixRMaj dz;

        Cache(VanillaRnnCell cell) {
            super(cell);
            int h = cell.hiddenSize();
            z = new DMatrixRMaj(h, 1);
            derivative = new DMatrixRMaj(h, 1);
            dz = new DMatrixRMaj(h, 1);
        }

        @Override
        public long bytes() {
            return sharedBytes() + arrayBytes(z) + arrayBytes(derivative) + arrayBytes(dz);
        }
    }
}
