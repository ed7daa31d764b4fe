package org.rnngradients.cells;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.linalg.Require;

/**
 * A recurrent cell s_t = f(s_{t−1}, x_t; θ) with its exact derivatives. All vectors are column
 * vectors ({@code n × 1} {@link DMatrixRMaj}). The state s is the hidden state h (vanilla RNN, GRU)
 * or the stacked pair [h; c] of length 2H (LSTM); the cell's output is always h, the first H entries.
 *
 * <p>Output arguments follow EJML's style: the caller supplies them, so a loop over time steps
 * allocates nothing once its caches and buffers exist.
 */
public interface RecurrentCell {

    /** Input size I. */
    int inputSize();

    /** Hidden size H. */
    int hiddenSize();

    /** State size: H, or 2H for an LSTM. */
    int stateSize();

    /** The live parameters in PyTorch's layout; changing them changes the cell. */
    CellParameters parameters();

    /** A new per-step cache for this cell. */
    StepCache newCache();

    /**
     * A workspace for steps over batches of {@code batchSize} ≥ 1 sequences (states S × B), with a
     * snapshot of the parameters as they are now: see {@link CellPass}.
     */
    CellPass newPass(int batchSize);

    /**
     * One forward step: writes s_t = f(s_{t−1}, x_t) into {@code state} and keeps in {@code cache}
     * what the derivatives need. Whether {@code state} may be the same object as {@code previous} is
     * the implementation's to say (this module's cells allow it).
     */
    void forward(DMatrixRMaj previous, DMatrixRMaj input, StepCache cache, DMatrixRMaj state);

    /** The exact step Jacobian J_t = ∂s_t/∂s_{t−1} (stateSize × stateSize) at the cached step. */
    void stateJacobian(StepCache cache, DMatrixRMaj out);

    /** The exact input Jacobian ∂s_t/∂x_t (stateSize × inputSize) at the cached step. */
    void inputJacobian(StepCache cache, DMatrixRMaj out);

    /**
     * The backward step (a vector–Jacobian product) at the cached step, given the adjoint
     * δ_t = ∂L/∂s_t: writes J_tᵀ δ_t into {@code previousAdjoint}, (∂s_t/∂x_t)ᵀ δ_t into
     * {@code inputAdjoint} (skipped when null) and adds (∂s_t/∂θ)ᵀ δ_t to {@code gradients} (+=).
     * No Jacobian is formed.
     */
    void backward(StepCache cache, DMatrixRMaj adjoint, DMatrixRMaj previousAdjoint, DMatrixRMaj inputAdjoint,
                  CellParameters gradients);

    /** sup|φ′| of the activation that multiplies W_hh in the step Jacobian (tanh 1, sigmoid 1/4, ReLU 1). */
    double supActivationDerivative();

    /**
     * Throws an {@link IllegalArgumentException} naming the tensor and entry unless every parameter
     * is finite, without running a step (the cells of this module also catch non-finite parameters
     * in every forward step, through their pre-activations).
     */
    default void validateParameters() {
        parameters().requireFinite("parameters");
    }

    /** Copies {@code source} (same shapes, finite values; e.g. weights exported from PyTorch) into this cell. */
    default void setParameters(CellParameters source) {
        parameters().requireSameShapes(source, "source");
        source.requireFinite("source");
        parameters().setTo(source);
    }

    /**
     * Copies the output h (the first H entries of {@code state}, stateSize × 1) into {@code hidden}
     * (H × 1); throws naming the argument when a shape is wrong.
     */
    default void hidden(DMatrixRMaj state, DMatrixRMaj hidden) {
        Require.columnVector(state, stateSize(), "state");
        Require.columnVector(hidden, hiddenSize(), "hidden");
        System.arraycopy(state.data, 0, hidden.data, 0, hiddenSize());
    }
}
