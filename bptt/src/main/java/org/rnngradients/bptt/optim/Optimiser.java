package org.rnngradients.bptt.optim;

import org.rnngradients.bptt.ParameterSet;

/**
 * A first-order optimiser: updates parameters in place from a complete gradient. Its state
 * (velocities, moments) is created at the first step for the parameters' shapes and checked after.
 * All checks run before any parameter changes, so a failed step leaves the parameters as they were.
 */
public interface Optimiser {

    /** One update θ ← θ − Δ(g). */
    void step(ParameterSet parameters, ParameterSet gradient);

    /** The number of updates applied so far. */
    long steps();
}
