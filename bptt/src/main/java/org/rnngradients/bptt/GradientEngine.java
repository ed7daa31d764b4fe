package org.rnngradients.bptt;

import org.ejml.data.DMatrixRMaj;

/**
 * A way of computing the gradient of a sequence loss: full, truncated or checkpointed BPTT. Its
 * {@link #batched()} form computes the mean gradient of a batch (what the trainer calls).
 */
@FunctionalInterface
public interface GradientEngine {

    /** The gradient of the sequence loss, starting from the initial state s_0. */
    SequenceGradient compute(RnnModel model, Sequence sequence, DMatrixRMaj initialState);

    /** The gradient from this engine's default initial state (zero, or the carried state of a stateful engine). */
    default SequenceGradient compute(RnnModel model, Sequence sequence) {
        return compute(model, sequence, null);
    }

    /**
     * This engine for batches. By default it runs on one sequence after another (the per-sequence
     * fallback, used by truncated and checkpointed BPTT); {@link FullBptt} returns {@link BatchedBptt},
     * which runs all sequences at once with batched matrix products.
     */
    default BatchGradientEngine batched() {
        return new PerSequenceEngine(this);
    }

    /** {@code engine} with the per-sequence fallback as its batched form (to compare against a batched engine). */
    static GradientEngine perSequence(GradientEngine engine) {
        return new PerSequenceEngine(org.rnngradients.linalg.internal.Require.nonNull(engine, "engine"));
    }
}
