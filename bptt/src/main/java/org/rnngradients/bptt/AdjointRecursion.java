package org.rnngradients.bptt;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.linalg.LogSpace;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.cells.StepCache;

/**
 * The exact backward recursion of BPTT, one step at a time from t = T down to 1: the carried adjoint
 * δ_t = ∂L/∂s_t, the accumulated parameter and input gradients, the loss and the profile. Shared by
 * {@link FullBptt} (all steps stored) and {@link CheckpointedBptt} (steps recomputed per segment), so
 * both perform the same floating-point operations in the same order. Allocates only in its constructor.
 */
final class AdjointRecursion {
    private final RecurrentCell cell;
    private final Sequence sequence;
    private final OutputLayer out;
    private final ModelGradients grads;
    private final DMatrixRMaj[] dx;
    private final double[] logNorms;
    private DMatrixRMaj delta;
    private DMatrixRMaj previous;
    private double loss;

    /** δ_T starts at zero: there is no later step. */
    AdjointRecursion(RnnModel model, Sequence sequence) {
        this.cell = model.cell();
        this.sequence = sequence;
        this.out = new OutputLayer(model);
        this.grads = model.newGradients();
        this.dx = new DMatrixRMaj[sequence.length()];
        for (int t = 0; t < dx.length; t++) {
            dx[t] = new DMatrixRMaj(cell.inputSize(), 1);
        }
        this.logNorms = new double[sequence.length()];
        this.delta = new DMatrixRMaj(cell.stateSize(), 1);
        this.previous = new DMatrixRMaj(cell.stateSize(), 1);
    }

    // tag::adjoint-step[]
    /** Step t, given s_t and the cache of step t: δ_t += ∂L_t/∂s_t, then δ_{t−1} = J_tᵀ δ_t (adding dθ, dx_t). */
    void step(int t, DMatrixRMaj state, StepCache cache) {
        DMatrixRMaj target = sequence.target(t);
        if (target != null) {
            loss += out.injectLossGradient(state, target, grads, delta);                   // δ_t += ∂L_t/∂h_t
        }
        logNorms[t - 1] = LogSpace.logNorm(delta.data, cell.hiddenSize());  // ‖∂L/∂h_t‖
        cell.backward(cache, delta, previous, dx[t - 1], grads.cell());                  // δ_{t−1} = J_tᵀ δ_t
        DMatrixRMaj swap = delta;
        delta = previous;
        previous = swap;
    }
    // end::adjoint-step[]

    /** The result once step 1 is done: δ_0 is ∂L/∂s_0; {@code finalState} is s_T (kept as given). */
    SequenceGradient result(DMatrixRMaj finalState) {
        return new SequenceGradient(loss, grads, dx, delta, profileOrNull(logNorms), finalState);
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
