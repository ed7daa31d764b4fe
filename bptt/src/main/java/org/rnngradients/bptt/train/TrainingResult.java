package org.rnngradients.bptt.train;

import java.util.List;

/**
 * The outcome of a training run.
 *
 * @param completedSteps steps whose update was decided (applied, or skipped by the policy)
 * @param stoppedEarly   whether the listener stopped the run before the configured number of steps
 * @param history        the progress report of every completed step, in order
 */
public record TrainingResult(long completedSteps, boolean stoppedEarly, List<TrainingProgress> history) {

    /** The last step's loss (NaN when no step completed). */
    public double finalLoss() {
        return history.isEmpty() ? Double.NaN : history.get(history.size() - 1).loss();
    }
}
