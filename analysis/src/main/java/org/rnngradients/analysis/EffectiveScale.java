package org.rnngradients.analysis;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.linalg.internal.Require;
import org.rnngradients.linalg.Spectra;

/**
 * The effective per-step scale γ = ‖W_hh‖₂·sup|φ′| of a vanilla RNN: since J_t = diag(φ′(z_t)) W_hh,
 * every step satisfies ‖J_t‖₂ ≤ γ, so γ &lt; 1 forces vanishing and only γ > 1 permits explosion.
 */
public final class EffectiveScale {
    private EffectiveScale() {
    }

    // tag::effective-scale[]
    /** γ = ‖W_hh‖₂ · sup|φ′|. */
    public static double gamma(DMatrixRMaj weightHh, double supDerivative) {
        Require.nonEmpty(Require.square(weightHh, "weightHh"), "weightHh");
        Require.finite(weightHh, "weightHh");
        Require.nonNegative(supDerivative, "supDerivative");
        return Spectra.spectralNorm(weightHh) * supDerivative;
    }
    // end::effective-scale[]

    /** γ of a vanilla cell (one gate block, state = h); gated cells have no single W_hh and are refused. */
    public static double gamma(RecurrentCell cell) {
        Require.nonNull(cell, "cell");
        DMatrixRMaj w = cell.parameters().weightHh();
        if (cell.stateSize() != cell.hiddenSize() || w.numRows != w.numCols) {
            throw new IllegalArgumentException("cell must be a vanilla RNN with square weight_hh, was "
                    + Require.shapeOf(w) + " with state size " + cell.stateSize());
        }
        return gamma(w, cell.supActivationDerivative());
    }
}
