package org.rnngradients.bptt.train;

/** A callback after every completed training step; returning false stops the run there. */
@FunctionalInterface
public interface ProgressListener {

    /** Called with the step's report; return true to continue, false to stop. */
    boolean onStep(TrainingProgress progress);

    /** A listener that never stops the run. */
    static ProgressListener none() {
        return p -> true;
    }
}
