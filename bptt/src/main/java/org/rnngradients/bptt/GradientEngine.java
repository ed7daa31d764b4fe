package org.rnngradients.bptt;

import org.ejml.data.DMatrixRMaj;

/** A way of computing the gradient of a sequence loss: full, truncated or checkpointed BPTT. */
public interface GradientEngine {

    /** The gradient of the sequence loss, starting from the initial state s_0. */
    SequenceGradient compute(RnnModel model, Sequence sequence, DMatrixRMaj initialState);

    /** The gradient from this engine's default initial state (zero, or the carried state of a stateful engine). */
    default SequenceGradient compute(RnnModel model, Sequence sequence) {
        return compute(model, sequence, null);
    }
}
