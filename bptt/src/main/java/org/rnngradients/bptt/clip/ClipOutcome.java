package org.rnngradients.bptt.clip;

import org.rnngradients.linalg.internal.Require;

/**
 * The result of clipping one gradient.
 *
 * @param normBefore the global L2 norm before clipping (may be NaN or ∞)
 * @param normAfter  the global L2 norm after clipping
 * @param action     what was done
 */
public record ClipOutcome(double normBefore, double normAfter, ClipAction action) {

    /** The action is required; the norms are reported as they were (NaN and ∞ included). */
    public ClipOutcome {
        Require.nonNull(action, "action");
    }
}
