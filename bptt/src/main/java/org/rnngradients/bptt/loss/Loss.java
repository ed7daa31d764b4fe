package org.rnngradients.bptt.loss;

import org.ejml.data.DMatrixRMaj;

/**
 * A per-step loss L_t(ŷ_t, y_t) on the model's output ŷ_t (an n × 1 column) against a target of the
 * same shape, with its gradient ∂L_t/∂ŷ_t written into an output argument.
 */
public interface Loss {

    /** L(ŷ, y). */
    double value(DMatrixRMaj output, DMatrixRMaj target);

    /**
     * Writes ∂L/∂ŷ into {@code gradient} (n × 1) and returns L(ŷ, y). The one output argument of this
     * package that must be given: the return value is the loss, so an allocated gradient would be lost.
     */
    double gradient(DMatrixRMaj output, DMatrixRMaj target, DMatrixRMaj gradient);
}
