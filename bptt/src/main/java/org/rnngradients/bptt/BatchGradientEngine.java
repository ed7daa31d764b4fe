package org.rnngradients.bptt;

/**
 * A way of computing the gradient of a batch's mean loss (1/B)·Σ_b L_b: exact BPTT over all B
 * sequences at once ({@link BatchedBptt}, what {@link FullBptt#batched()} returns), or any
 * {@link GradientEngine} applied to one sequence after another ({@link GradientEngine#perSequence}).
 */
@FunctionalInterface
public interface BatchGradientEngine {

    /** The mean gradient of the batch's loss, each sequence from the engine's default initial state. */
    BatchGradient compute(RnnModel model, Sequence[] batch);

    /**
     * The batch's losses and the mean parameter gradient only, which is all a training step needs. An engine
     * may skip the per-sequence parts (input gradients, initial-state gradients, final states, profiles);
     * their accessors then throw {@link IllegalStateException}. By default the same as {@link #compute}.
     */
    default BatchGradient parameterGradient(RnnModel model, Sequence[] batch) {
        return compute(model, batch);
    }
}
