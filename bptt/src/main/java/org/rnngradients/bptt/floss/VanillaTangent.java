package org.rnngradients.bptt.floss;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rnngradients.cells.Activation;
import org.rnngradients.cells.CellParameters;
import org.rnngradients.cells.VanillaRnnCell;

/**
 * The vanilla RNN h_t = φ(z_t), z_t = W_ih x_t + b_ih + W_hh h_{t−1} + b_hh, with its tangent
 * Ż = W_hh Q, Y = diag(φ′(z)) Ż = J_t Q. The adjoint of the tangent brings in φ″: the
 * pre-activation adjoint is z̄ = φ′ ⊙ σ + φ″ ⊙ Σ_j (Ȳ ⊙ Ż)_{·j}.
 */
final class VanillaTangent extends BaseTangent {
    private final Activation activation;
    private final DMatrixRMaj preActivationAdjoint;
    private final DMatrixRMaj tangentAdjoint;

    VanillaTangent(VanillaRnnCell cell) {
        super(cell, 1);
        this.activation = cell.activation();
        this.preActivationAdjoint = new DMatrixRMaj(hidden, 1);
        this.tangentAdjoint = new DMatrixRMaj(hidden, hidden);
    }

    @Override
    public TangentStep newStep(int directions) {
        return new Step(this, requireDirections(directions));
    }

    // tag::vanilla-tangent-forward[]
    @Override
    public void forward(TangentStep step, DMatrixRMaj previous, DMatrixRMaj input, DMatrixRMaj state) {
        Step s = (Step) own(step);
        keep(s, previous, input, state);
        fusedPreActivation(s, s.z);                                       // z = W_ih x + b_ih + W_hh h + b_hh
        for (int i = 0; i < hidden; i++) {
            double phi = activation.apply(s.z.data[i]);
            state.data[i] = phi;                                          // h_t = φ(z)
            s.derivative.data[i] = activation.derivative(s.z.data[i], phi);
            s.second.data[i] = secondDerivative(phi, s.derivative.data[i]);
        }
    }
    // end::vanilla-tangent-forward[]

    /** φ″ from φ and φ′: tanh −2φφ′, sigmoid φ′(1 − 2φ), ReLU and identity 0 (almost everywhere). */
    private double secondDerivative(double phi, double derivative) {
        return switch (activation) {
            case TANH -> -2 * phi * derivative;
            case SIGMOID -> derivative * (1 - 2 * phi);
            case RELU, IDENTITY -> 0;
        };
    }

    // tag::vanilla-tangent[]
    @Override
    public void tangent(TangentStep step, DMatrixRMaj frame, DMatrixRMaj image) {
        Step s = (Step) own(step);
        requireFrame(s, frame, image);
        DMatrixRMaj zDot = s.preActivationTangents;
        CommonOps_DDRM.mult(p.weightHh(), frame, zDot);                     // Ż = W_hh Q
        int k = s.directions;
        for (int i = 0; i < hidden; i++) {
            for (int j = 0; j < k; j++) {
                image.data[i * k + j] = s.derivative.data[i] * zDot.data[i * k + j];   // Y = diag(φ′) Ż
            }
        }
    }
    // end::vanilla-tangent[]

    // tag::vanilla-tangent-adjoint[]
    @Override
    public void adjoint(TangentStep step, DMatrixRMaj frame, DMatrixRMaj stateAdjoint, DMatrixRMaj imageAdjoint,
                        DMatrixRMaj previousStateAdjoint, DMatrixRMaj frameAdjoint, CellParameters gradients) {
        Step s = (Step) own(step);
        requireAdjoints(s, frame, stateAdjoint, imageAdjoint, previousStateAdjoint, frameAdjoint, gradients);
        int k = s.directions;
        DMatrixRMaj zDotBar = tangentAdjoint;
        zDotBar.reshape(hidden, k);
        DMatrixRMaj zBar = preActivationAdjoint;
        for (int i = 0; i < hidden; i++) {
            double curvature = 0;                                           // Σ_j Ȳ_ij Ż_ij
            for (int j = 0; j < k; j++) {
                double yBar = imageAdjoint.data[i * k + j];
                zDotBar.data[i * k + j] = s.derivative.data[i] * yBar;      // Ż̄ = diag(φ′) Ȳ
                curvature += yBar * s.preActivationTangents.data[i * k + j];
            }
            zBar.data[i] = s.derivative.data[i] * stateAdjoint.data[i] + s.second.data[i] * curvature;
        }
        CommonOps_DDRM.multTransA(p.weightHh(), zDotBar, frameAdjoint);       // Q̄ = W_hhᵀ Ż̄ = J_tᵀ Ȳ
        CommonOps_DDRM.multAddTransB(zDotBar, frame, gradients.weightHh());   // W̄_hh += Ż̄ Qᵀ
        addAffineGradients(s, zBar, zBar, gradients);                         // W̄ += z̄ (x, h)ᵀ, b̄ += z̄
        CommonOps_DDRM.multTransA(p.weightHh(), zBar, previousStateAdjoint);  // σ_{t−1} = W_hhᵀ z̄
    }
    // end::vanilla-tangent-adjoint[]

    /** z, φ′(z), φ″(z) and Ż of one step. */
    private static final class Step extends TangentStep {
        final DMatrixRMaj z;
        final DMatrixRMaj derivative;
        final DMatrixRMaj second;

        Step(VanillaTangent cell, int directions) {
            super(cell, cell.hidden, cell.gateRows, directions);
            z = new DMatrixRMaj(cell.hidden, 1);
            derivative = new DMatrixRMaj(cell.hidden, 1);
            second = new DMatrixRMaj(cell.hidden, 1);
        }
    }
}
