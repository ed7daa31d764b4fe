package org.rnngradients.bptt.train;

import java.util.List;

import org.rnngradients.linalg.internal.Require;

/**
 * The outcome of a training run.
 *
 * @param completedSteps steps whose update was decided (applied, or skipped by the policy)
 * @param stoppedEarly   whether the listener stopped the run before the configured number of steps
 * @param history        the progress report of every completed step, in order
 */
public record TrainingResult(long completedSteps, boolean stoppedEarly, List<TrainingProgress> history) {

    /** The history is required, without null reports (and copied). */
    public TrainingResult {
        Require.nonNull(history, "history");
        for (int k = 0; k < history.size(); k++) {
            Require.nonNull(history.get(k), "history[" + k + "]");
        }
        history = List.copyOf(history);
    }

    /** The last step's loss (NaN when no step completed). */
    public double finalLoss() {
        return history.isEmpty() ? Double.NaN : history.get(history.size() - 1).loss();
    }
}
