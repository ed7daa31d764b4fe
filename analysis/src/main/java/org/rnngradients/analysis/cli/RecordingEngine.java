package org.rnngradients.analysis.cli;

import java.util.function.DoubleConsumer;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.bptt.BatchGradient;
import org.rnngradients.bptt.BatchGradientEngine;
import org.rnngradients.bptt.FullBptt;
import org.rnngradients.bptt.GradientEngine;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.Sequence;
import org.rnngradients.bptt.SequenceGradient;
import org.rnngradients.linalg.internal.Require;

/**
 * Full BPTT (batched) that hands every sequence's own loss L_b, in batch order, to a listener as the batch's
 * gradient is computed, that is before the update the batch contributes to: the per-sequence training errors
 * that on-line stopping rules such as Hochreiter and Schmidhuber's read. The gradients are the engine's, unchanged.
 */
final class RecordingEngine implements GradientEngine {
    private final GradientEngine inner = new FullBptt();
    private final DoubleConsumer sequenceLoss;

    /** An engine reporting each L_b to {@code sequenceLoss}. */
    RecordingEngine(DoubleConsumer sequenceLoss) {
        this.sequenceLoss = Require.nonNull(sequenceLoss, "sequenceLoss");
    }

    @Override
    public SequenceGradient compute(RnnModel model, Sequence sequence, DMatrixRMaj initialState) {
        SequenceGradient g = inner.compute(model, sequence, initialState);
        sequenceLoss.accept(g.loss());
        return g;
    }

    @Override
    public BatchGradientEngine batched() {
        BatchGradientEngine batched = inner.batched();
        return (model, batch) -> {
            BatchGradient g = batched.compute(model, batch);
            for (int b = 0; b < g.size(); b++) {
                sequenceLoss.accept(g.loss(b));
            }
            return g;
        };
    }

    @Override
    public String toString() {
        return "recording " + inner;
    }
}
