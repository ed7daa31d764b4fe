package org.rnngradients.bptt.train;

import org.rnngradients.bptt.clip.ClipAction;
import org.rnngradients.linalg.internal.Require;

/**
 * What the training loop reports after each step.
 *
 * @param step          the step just completed (1-based)
 * @param loss          the batch's mean sequence loss
 * @param gradientNorm  the global gradient norm before clipping
 * @param action        what clipping did this step
 * @param clipEvents    how many steps so far were clipped, skipped, zeroed or rescued
 * @param termLoss      the sum of the extra objective terms R(θ) this step (0 without terms)
 */
public record TrainingProgress(long step, double loss, double gradientNorm, ClipAction action, long clipEvents,
                               double termLoss) {

    /** The action is required; the loss and the norm are reported as they were (NaN and ∞ included). */
    public TrainingProgress {
        Require.nonNull(action, "action");
    }

    /** A report of a step without extra objective terms. */
    public TrainingProgress(long step, double loss, double gradientNorm, ClipAction action, long clipEvents) {
        this(step, loss, gradientNorm, action, clipEvents, 0);
    }
}
