package org.rnngradients.bptt.train;

import org.rnngradients.bptt.clip.ClipAction;

/**
 * What the training loop reports after each step.
 *
 * @param step          the step just completed (1-based)
 * @param loss          the batch's mean sequence loss
 * @param gradientNorm  the global gradient norm before clipping
 * @param action        what clipping did this step
 * @param clipEvents    how many steps so far were clipped, skipped, zeroed or rescued
 */
public record TrainingProgress(long step, double loss, double gradientNorm, ClipAction action, long clipEvents) {
}
