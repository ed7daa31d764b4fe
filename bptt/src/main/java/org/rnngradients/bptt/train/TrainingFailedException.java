package org.rnngradients.bptt.train;

/**
 * A training step failed (for example a non-finite gradient under the THROW policy, or a failure in
 * the gradient engine). The model's parameters are exactly those after {@link #completedSteps()}
 * steps: a step changes them only once its gradient is complete and accepted.
 */
public final class TrainingFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long completedSteps;

    TrainingFailedException(long completedSteps, RuntimeException cause) {
        super("training step " + (completedSteps + 1) + " failed after " + completedSteps
                + " completed steps: " + cause.getMessage(), cause);
        this.completedSteps = completedSteps;
    }

    /** Steps completed before the failing one; the parameters are those after this many steps. */
    public long completedSteps() {
        return completedSteps;
    }
}
