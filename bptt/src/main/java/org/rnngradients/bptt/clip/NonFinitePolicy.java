package org.rnngradients.bptt.clip;

/** What to do when a gradient's norm is not finite (NaN or ∞), before any clipping. */
public enum NonFinitePolicy {
    /** Throw {@link NonFiniteGradientException}; the caller's parameters stay as they are (the default). */
    THROW,
    /** Report the step as skipped: the caller applies no update. */
    SKIP,
    /** Set the whole gradient to zero (an update with a zero gradient; momentum still acts). */
    ZERO,
    /**
     * Pascanu, Mikolov and Bengio's rescue: when the norm is NaN, ∞ or above 1e10, replace the W_hh
     * gradient by 0.02·W_hh (so the step shrinks W_hh) and set every other gradient to zero.
     */
    PASCANU_RESCUE;

    /** The norm above which {@link #PASCANU_RESCUE} acts even when it is finite. */
    public static final double RESCUE_THRESHOLD = 1e10;

    /** The multiple of W_hh that replaces its gradient under {@link #PASCANU_RESCUE}. */
    public static final double RESCUE_FACTOR = 0.02;

    /** Whether this policy treats a gradient of norm {@code norm} as unusable. */
    public boolean triggers(double norm) {
        if (!Double.isFinite(norm)) {
            return true;
        }
        return this == PASCANU_RESCUE && norm > RESCUE_THRESHOLD;
    }
}
