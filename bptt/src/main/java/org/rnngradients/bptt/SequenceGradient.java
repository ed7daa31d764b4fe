package org.rnngradients.bptt;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.linalg.internal.Require;

/**
 * What a BPTT engine returns for one sequence: the loss L = Σ_t L_t, the parameter gradients, the
 * input gradients ∂L/∂x_t (t = 1..T), the initial-state gradient ∂L/∂s_0 and, for the exact engines,
 * the adjoint profile (null for truncated BPTT, whose adjoints are partial by construction).
 */
public final class SequenceGradient {
    private final double loss;
    private final ModelGradients gradients;
    private final DMatrixRMaj[] inputGradients;
    private final DMatrixRMaj initialStateGradient;
    private final GradientProfile profile;
    private final DMatrixRMaj finalState;

    SequenceGradient(double loss, ModelGradients gradients, DMatrixRMaj[] inputGradients,
                     DMatrixRMaj initialStateGradient, GradientProfile profile, DMatrixRMaj finalState) {
        this.loss = loss;
        this.gradients = gradients;
        this.inputGradients = inputGradients;
        this.initialStateGradient = initialStateGradient;
        this.profile = profile;
        this.finalState = finalState;
    }

    /** L = Σ_t L_t over the steps that carry a target. */
    public double loss() {
        return loss;
    }

    /** ∂L/∂θ for every model parameter. */
    public ModelGradients gradients() {
        return gradients;
    }

    /** ∂L/∂x_t for t = 1..T. */
    public DMatrixRMaj inputGradient(int t) {
        return inputGradients[Require.inRange(t, 1, inputGradients.length, "t") - 1];
    }

    /** The array of ∂L/∂x_t, index t − 1 (this object's own, for the engines). */
    DMatrixRMaj[] inputGradients() {
        return inputGradients;
    }

    /** ∂L/∂s_0. */
    public DMatrixRMaj initialStateGradient() {
        return initialStateGradient;
    }

    /** The profile ‖∂L/∂h_t‖, t = 1..T, or null when the engine does not compute it. */
    public GradientProfile profile() {
        return profile;
    }

    /** s_T, the state after the last step. */
    public DMatrixRMaj finalState() {
        return finalState;
    }
}
