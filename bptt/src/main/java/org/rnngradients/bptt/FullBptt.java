package org.rnngradients.bptt;

import org.ejml.data.DMatrixRMaj;

/**
 * Exact backpropagation through time over a whole sequence. The forward pass keeps every state and
 * step cache (memory O(T)); the backward pass walks t = T..1 once, carrying the adjoint
 * δ_t = ∂L/∂s_t by δ_{t−1} = J_tᵀ δ_t + ∂L_{t−1}/∂s_{t−1}, never recursing over time.
 *
 * <p>The profile is ‖∂L/∂h_t‖ read off the plain-double adjoint; it is exact while the adjoint is
 * representable. For profiles over thousands of steps that vanish or explode use
 * {@link AdjointProfiler}, which renormalises the carried adjoint.
 *
 * <p>This is the reference path, one sequence and one matrix–vector product at a time, as the book
 * shows it; {@link BatchedBptt} computes the same gradients with batched and time-batched products.
 */
public final class FullBptt implements GradientEngine {

    /** A stateless engine; one instance may serve any number of models and sequences. */
    public FullBptt() {
    }

    @Override
    public SequenceGradient compute(RnnModel model, Sequence sequence, DMatrixRMaj initialState) {
        DMatrixRMaj s0 = Checks.initialState(model, sequence, initialState);
        StoredTrajectory forward = StoredTrajectory.run(model.cell(), sequence, s0);
        AdjointRecursion adjoint = new AdjointRecursion(model, sequence);
        // tag::full-bptt-backward[]
        for (int t = sequence.length(); t >= 1; t--) {
            adjoint.step(t, forward.states[t], forward.caches[t]);   // δ_t += ∂L_t/∂h_t; δ_{t−1} = J_tᵀ δ_t
        }
        // end::full-bptt-backward[]
        return adjoint.result(forward.finalState().copy());
    }

    /**
     * {@link BatchedBptt}: the same exact gradient for a whole batch at once, with batched and
     * time-batched matrix products (equal to this engine's per-sequence results to rounding).
     */
    @Override
    public BatchGradientEngine batched() {
        return new BatchedBptt();
    }
}
