package org.rnngradients.bptt.train;

import org.rnngradients.bptt.ModelGradients;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.Sequence;

/**
 * An extra term R(θ) of the training objective L + R, beside the task loss that the gradient engine
 * differentiates: a regulariser, or a remedy such as gradient flossing that acts on the dynamics
 * rather than on the task. The trainer calls it once per step, after the batch gradient of L and
 * before clipping, so clipping and the optimiser see ∂(L + R)/∂θ.
 */
public interface LossTerm {

    /** A short name for reports, e.g. {@code flossing}. */
    String name();

    /**
     * Adds ∂R/∂θ at the current parameters to {@code gradients} (+=, under the model's names) and
     * returns R. A term that acts only on some steps returns 0 and adds nothing on the others.
     *
     * @param model     the model being trained (its parameters must not be changed here)
     * @param batch     this step's training sequences
     * @param step      the 1-based training step
     * @param gradients the batch's mean gradient of L so far
     */
    double accumulate(RnnModel model, Sequence[] batch, long step, ModelGradients gradients);
}
