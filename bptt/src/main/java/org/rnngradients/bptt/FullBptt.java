package org.rnngradients.bptt;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.cells.StepCache;

/**
 * Exact backpropagation through time over a whole sequence. The forward pass keeps every state and
 * step cache (memory O(T)); the backward pass walks t = T..1 once, carrying the adjoint
 * δ_t = ∂L/∂s_t by δ_{t−1} = J_tᵀ δ_t + ∂L_{t−1}/∂s_{t−1}, never recursing over time.
 *
 * <p>The profile is ‖∂L/∂h_t‖ read off the plain-double adjoint; it is exact while the adjoint is
 * representable. For profiles over thousands of steps that vanish or explode use
 * {@link AdjointProfiler}, which renormalises the carried adjoint.
 */
public final class FullBptt implements GradientEngine {

    @Override
    public SequenceGradient compute(RnnModel model, Sequence sequence, DMatrixRMaj initialState) {
        DMatrixRMaj s0 = Checks.initialState(model, sequence, initialState);
        RecurrentCell cell = model.cell();
        int steps = sequence.length();
        DMatrixRMaj[] states = Checks.states(steps, cell.stateSize());
        states[0].setTo(s0);
        StepCache[] caches = new StepCache[steps + 1];
        for (int t = 1; t <= steps; t++) {
            caches[t] = cell.newCache();
        }
        OutputLayer out = new OutputLayer(model);
        forward(cell, sequence, states, caches);
        return backward(model, sequence, states, caches, out);
    }

    // tag::full-bptt-forward[]
    private static void forward(RecurrentCell cell, Sequence sequence, DMatrixRMaj[] states, StepCache[] caches) {
        for (int t = 1; t <= sequence.length(); t++) {
            cell.forward(states[t - 1], sequence.input(t), caches[t], states[t]);   // s_t = f(s_{t−1}, x_t)
        }
    }
    // end::full-bptt-forward[]

    private static SequenceGradient backward(RnnModel model, Sequence sequence, DMatrixRMaj[] states,
                                             StepCache[] caches, OutputLayer out) {
        RecurrentCell cell = model.cell();
        int steps = sequence.length();
        ModelGradients grads = model.newGradients();
        DMatrixRMaj[] dx = new DMatrixRMaj[steps];
        for (int t = 1; t <= steps; t++) {
            dx[t - 1] = new DMatrixRMaj(cell.inputSize(), 1);
        }
        double[] logNorms = new double[steps];
        double loss = 0;
        DMatrixRMaj delta = new DMatrixRMaj(cell.stateSize(), 1);      // δ_T starts at 0 (no later step)
        DMatrixRMaj previous = new DMatrixRMaj(cell.stateSize(), 1);
        // tag::full-bptt-backward[]
        for (int t = steps; t >= 1; t--) {
            DMatrixRMaj target = sequence.target(t);
            if (target != null) {
                loss += out.injectLossGradient(states[t], target, grads, delta);   // δ_t += ∂L_t/∂h_t
            }
            logNorms[t - 1] = GradientProfile.logNormOfPrefix(delta.data, cell.hiddenSize());   // ‖∂L/∂h_t‖
            cell.backward(caches[t], delta, previous, dx[t - 1], grads.cell());   // δ_{t−1} = J_tᵀ δ_t; dθ += …
            DMatrixRMaj swap = delta;
            delta = previous;
            previous = swap;
        }
        // end::full-bptt-backward[]
        return new SequenceGradient(loss, grads, dx, delta, profileOrNull(logNorms), states[steps].copy());
    }

    /** The profile, or null when a plain-double adjoint overflowed (NaN or ∞ norms). */
    static GradientProfile profileOrNull(double[] logNorms) {
        for (double v : logNorms) {
            if (Double.isNaN(v) || v == Double.POSITIVE_INFINITY) {
                return null;
            }
        }
        return new GradientProfile(logNorms);
    }
}
