package org.rnngradients.analysis.sweep;

import java.io.Serializable;
import java.util.Map;

/**
 * The unit of work of a sweep: a pure function from a point to its result. An implementation keeps
 * no mutable state shared between calls, draws every random number from the point's seed, and so
 * gives the same result for the same point on any thread, in any order, on any machine.
 */
public interface PointTask extends Serializable {

    /** The result at {@code point}. */
    SweepResult evaluate(SweepPoint point);

    /**
     * The settings that, with the point, fix the result (for example the number of steps), by name in
     * a fixed order; they are stored with every result so a rerun with other settings is detected.
     */
    Map<String, Long> settings();

    /** Whether results carry ρ(W_hh). */
    boolean computesSpectralRadius();
}
