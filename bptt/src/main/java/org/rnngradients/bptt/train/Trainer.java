package org.rnngradients.bptt.train;

import java.util.ArrayList;
import java.util.List;

import org.rnngradients.bptt.BatchGradient;
import org.rnngradients.bptt.BatchGradientEngine;
import org.rnngradients.bptt.ModelGradients;
import org.rnngradients.bptt.ParameterSet;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.Sequence;
import org.rnngradients.bptt.clip.ClipOutcome;
import org.rnngradients.bptt.tasks.Task;
import org.rnngradients.linalg.RandomSource;
import org.rnngradients.linalg.internal.Require;

/**
 * The training loop: draw a batch from the task (seeded), compute the batch's mean gradient with the
 * engine's batched form ({@link org.rnngradients.bptt.GradientEngine#batched()}: all sequences at
 * once for full BPTT, one after another for the truncated and checkpointed engines), add the extra
 * objective terms, clip, update, report. Parameters change only after a complete gradient has passed
 * the clipper, so a run that fails or is stopped leaves the model exactly at the end of its last
 * completed step.
 */
public final class Trainer {
    private Trainer() {
    }

    /** Trains {@code model} on {@code task}; the same config and initial model give the same run. */
    public static TrainingResult train(RnnModel model, Task task, TrainingConfig config, ProgressListener listener) {
        Require.nonNull(model, "model");
        Require.nonNull(task, "task");
        Require.nonNull(config, "config");
        Require.nonNull(listener, "listener");
        RandomSource data = RandomSource.seeded(config.seed()).fork("training-batches");
        List<TrainingProgress> history = new ArrayList<>();
        BatchGradientEngine engine = config.engine().batched();
        long clipEvents = 0;
        for (long step = 1; step <= config.steps(); step++) {
            TrainingProgress progress;
            try {
                progress = step(model, task.batch(config.batchSize(), data), engine, config, step, clipEvents);
            } catch (RuntimeException e) {
                throw new TrainingFailedException(step - 1, e);
            }
            clipEvents = progress.clipEvents();
            history.add(progress);
            if (!listener.onStep(progress)) {
                return new TrainingResult(step, step < config.steps(), List.copyOf(history));
            }
        }
        return new TrainingResult(config.steps(), false, List.copyOf(history));
    }

    // tag::training-step[]
    private static TrainingProgress step(RnnModel model, Sequence[] batch, BatchGradientEngine engine,
                                         TrainingConfig config, long step, long clipEvents) {
        BatchGradient g = engine.parameterGradient(model, batch);                         // the batch's mean loss and gradient
        ModelGradients mean = g.gradients();
        double termLoss = 0;
        for (LossTerm term : config.terms()) {
            termLoss += term.accumulate(model, batch, step, mean);                // ∂(L + R)/∂θ
        }
        ParameterSet parameters = model.parameters();
        ClipOutcome clip = config.clipper().apply(mean.all(), parameters);   // may throw: nothing changed yet
        if (clip.action().applyUpdate()) {
            config.optimiser().step(parameters, mean.all());
        }
        long events = clipEvents + (clip.action().isEvent() ? 1 : 0);
        return new TrainingProgress(step, g.loss(), clip.normBefore(), clip.action(), events, termLoss);
    }
    // end::training-step[]
}
