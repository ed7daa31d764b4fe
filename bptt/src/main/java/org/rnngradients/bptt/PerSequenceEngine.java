package org.rnngradients.bptt;

import org.ejml.data.DMatrixRMaj;

/**
 * The batch fallback of any {@link GradientEngine}: the engine runs on one sequence after another and
 * the mean gradient is summed as (1/B)·g_1 + … + (1/B)·g_B in batch order — exactly the trainer's
 * loop before batched engines existed, so results through this path are unchanged to the bit.
 */
final class PerSequenceEngine implements GradientEngine, BatchGradientEngine {
    private final GradientEngine engine;

    PerSequenceEngine(GradientEngine engine) {
        this.engine = engine;
    }

    @Override
    public SequenceGradient compute(RnnModel model, Sequence sequence, DMatrixRMaj initialState) {
        return engine.compute(model, sequence, initialState);
    }

    @Override
    public BatchGradientEngine batched() {
        return this;
    }

    @Override
    public BatchGradient compute(RnnModel model, Sequence[] batch) {
        Checks.batch(model, batch);
        int n = batch.length;
        ModelGradients mean = model.newGradients();
        BatchGradient.Builder result = new BatchGradient.Builder(n);
        double loss = 0;
        for (int b = 0; b < n; b++) {
            SequenceGradient g = engine.compute(model, batch[b]);
            mean.all().addScaled(1.0 / n, g.gradients().all());
            loss += g.loss() / n;
            result.sequence(b, g);
        }
        return result.build(loss, mean);
    }

    @Override
    public String toString() {
        return "per-sequence " + engine;
    }
}
