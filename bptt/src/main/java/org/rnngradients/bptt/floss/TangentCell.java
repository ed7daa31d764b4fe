package org.rnngradients.bptt.floss;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.cells.CellParameters;
import org.rnngradients.cells.GruCell;
import org.rnngradients.cells.LstmCell;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.cells.VanillaRnnCell;
import org.rnngradients.linalg.internal.Require;

/**
 * A recurrent cell's step s_t = f(s_{t−1}, x_t; θ) together with its tangent map Y = J_t Q (J_t =
 * ∂s_t/∂s_{t−1} applied to k directions, the columns of Q) and the adjoint of both. This is what
 * differentiating the QR method needs: the exponents depend on θ through J_t, directly and through
 * s_{t−1}, so the adjoint carries second derivatives of the cell. Written from the cell's equations
 * and its public {@link CellParameters} (read live, so optimiser updates are seen); tests check the
 * states and J_t against the cell's own {@code forward} and {@code stateJacobian}.
 *
 * <p>Calls go in the order forward, tangent (at each step), then adjoint (in reverse). An instance
 * keeps scratch vectors, so it serves one computation at a time. Nothing allocates after set-up.
 */
public interface TangentCell {

    /** State size n (H, or 2H for an LSTM). */
    int stateSize();

    /** Input size I. */
    int inputSize();

    /** The live parameters the step reads (the cell's own). */
    CellParameters parameters();

    /** A new step record for {@code directions} (≥ 1, ≤ n) tangent directions. */
    TangentStep newStep(int directions);

    /** s_t = f(s_{t−1}, x_t) into {@code state} (may not be {@code previous}); keeps what the adjoint needs in {@code step}. */
    void forward(TangentStep step, DMatrixRMaj previous, DMatrixRMaj input, DMatrixRMaj state);

    /** Y = J_t Q for the frame Q (n × k) at the step last passed to {@link #forward}, into {@code image} (n × k). */
    void tangent(TangentStep step, DMatrixRMaj frame, DMatrixRMaj image);

    /**
     * The reverse of one step with adjoints σ_t = ∂F/∂s_t and Ȳ_t = ∂F/∂Y_t: writes ∂F/∂s_{t−1} into
     * {@code previousStateAdjoint}, ∂F/∂Q_{t−1} = J_tᵀ Ȳ_t into {@code frameAdjoint}, and adds the
     * parameter part of both to {@code gradients} (+=). {@code frame} is the Q_{t−1} given to {@link #tangent}.
     */
    void adjoint(TangentStep step, DMatrixRMaj frame, DMatrixRMaj stateAdjoint, DMatrixRMaj imageAdjoint,
                 DMatrixRMaj previousStateAdjoint, DMatrixRMaj frameAdjoint, CellParameters gradients);

    /** The tangent model of {@code cell}: a vanilla RNN (any activation), a GRU or an LSTM of the cells module. */
    static TangentCell of(RecurrentCell cell) {
        Require.nonNull(cell, "cell");
        if (cell instanceof VanillaRnnCell v) {
            return new VanillaTangent(v);
        }
        if (cell instanceof GruCell g) {
            return new GruTangent(g);
        }
        if (cell instanceof LstmCell l) {
            return new LstmTangent(l);
        }
        throw new IllegalArgumentException("cell must be a VanillaRnnCell, GruCell or LstmCell, was " + cell);
    }
}
