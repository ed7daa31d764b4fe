package org.rnngradients.bptt.floss;

import org.rnngradients.linalg.internal.Require;

/**
 * What gradient flossing pushes towards zero: the k largest Lyapunov exponents, estimated over a
 * horizon of T steps of the input-driven dynamics of which the first w are a warm-up (run and
 * differentiated through, but not counted in the average).
 *
 * @param exponents k ≥ 1 (at most the state size, checked when a cell is known)
 * @param horizon   T ≥ 1 steps
 * @param warmUp    0 ≤ w &lt; T uncounted steps
 */
public record FlossingTarget(int exponents, int horizon, int warmUp) {

    /** Validates every field by name. */
    public FlossingTarget {
        Require.positive(exponents, "exponents");
        Require.positive(horizon, "horizon");
        Require.inRange(warmUp, 0, horizon - 1, "warmUp");
    }
}
