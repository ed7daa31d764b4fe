package org.rnngradients.cells;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.linalg.internal.Require;

/**
 * A recurrent cell s_t = f(s_{t−1}, x_t; θ) with its exact derivatives. All vectors are column
 * vectors ({@code n × 1} {@link DMatrixRMaj}). The state s is the hidden state h (vanilla RNN, GRU)
 * or the stacked pair [h; c] of length 2H (LSTM); the cell's output is always h, the first H entries.
 *
 * <p>Output arguments follow EJML's style: the caller supplies them, so a loop over time steps
 * allocates nothing once its caches and buffers exist; a {@code null} output is allocated and
 * returned. This is the batch-1 reference path, one matrix–vector product at a time; {@link #newPass}
 * gives the batched form of the same steps.
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
    DMatrixRMaj forward(DMatrixRMaj previous, DMatrixRMaj input, StepCache cache, DMatrixRMaj state);

    /** The exact step Jacobian J_t = ∂s_t/∂s_{t−1} (stateSize × stateSize) at the cached step. */
    DMatrixRMaj stateJacobian(StepCache cache, DMatrixRMaj out);

    /** The exact input Jacobian ∂s_t/∂x_t (stateSize × inputSize) at the cached step. */
    DMatrixRMaj inputJacobian(StepCache cache, DMatrixRMaj out);

    /**
     * The backward step (a vector–Jacobian product) at the cached step, given the adjoint
     * δ_t = ∂L/∂s_t: writes J_tᵀ δ_t into {@code previousAdjoint}, (∂s_t/∂x_t)ᵀ δ_t into
     * {@code inputAdjoint} (skipped when null) and adds (∂s_t/∂θ)ᵀ δ_t to {@code gradients} (+=).
     * No Jacobian is formed. Returns {@code previousAdjoint}, allocated when null.
     */
    DMatrixRMaj backward(StepCache cache, DMatrixRMaj adjoint, DMatrixRMaj previousAdjoint, DMatrixRMaj inputAdjoint,
                         CellParameters gradients);

    /**
     * The state-only backward step: J_tᵀ δ_t into {@code previousAdjoint} (allocated when null), with
     * no input or parameter gradient — the same operations as {@link #backward} for δ_{t−1}, so the
     * same bits, without the work an adjoint profile does not need.
     */
    DMatrixRMaj backwardState(StepCache cache, DMatrixRMaj adjoint, DMatrixRMaj previousAdjoint);

    /** sup|φ′| of the activation that multiplies W_hh in the step Jacobian (tanh 1, sigmoid 1/4, ReLU 1). */
    double supActivationDerivative();

    /**
     * Throws an {@link IllegalArgumentException} naming the tensor and entry unless every parameter
     * has its shape and is finite, without running a step (the cells of this module also catch
     * non-finite parameters in every forward step, through their pre-activations).
     */
    void validateParameters();

    /** Copies {@code source} (same shapes, finite values; e.g. weights exported from PyTorch) into this cell. */
    void setParameters(CellParameters source);

    /**
     * Copies the output h (the first H entries of {@code state}, stateSize × 1) into {@code hidden}
     * (H × 1, allocated when null) and returns it; throws naming the argument when a shape is wrong.
     */
    default DMatrixRMaj hidden(DMatrixRMaj state, DMatrixRMaj hidden) {
        Require.columnVector(state, stateSize(), "state");
        DMatrixRMaj out = hidden == null ? new DMatrixRMaj(hiddenSize(), 1) : Require.columnVector(hidden, hiddenSize(), "hidden");
        System.arraycopy(state.data, 0, out.data, 0, hiddenSize());
        return out;
    }
}
