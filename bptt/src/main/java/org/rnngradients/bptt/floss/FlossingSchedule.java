package org.rnngradients.bptt.floss;

import org.rnngradients.linalg.internal.Require;

/**
 * When and how strongly the flossing term acts during training: R = weight · Σλ_i² on every
 * {@code interval}-th step (steps interval, 2·interval, …), for at most {@code episodes} such steps.
 *
 * @param weight   the factor of Σλ_i², finite and &gt; 0
 * @param interval ≥ 1 (1: every step)
 * @param episodes ≥ 1 active steps at most ({@link #UNLIMITED} for no limit)
 */
public record FlossingSchedule(double weight, int interval, int episodes) {
    /** No limit on the number of active steps. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    /** Validates every field by name. */
    public FlossingSchedule {
        Require.positive(weight, "weight");
        Require.positive(interval, "interval");
        Require.positive(episodes, "episodes");
    }

    // tag::flossing-schedule[]
    /** Whether the term acts at the 1-based training step {@code step}. */
    public boolean activeAt(long step) {
        if (step < 1) {
            throw new IllegalArgumentException("step must be >= 1, was " + step);
        }
        return step % interval == 0 && step / interval <= episodes;
    }
    // end::flossing-schedule[]
}
