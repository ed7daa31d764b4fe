package org.rnngradients.bptt.clip;

/** What a {@link GradientClipper} did to a gradient. */
public enum ClipAction {
    /** Left unchanged. */
    NONE,
    /** Rescaled or clamped because it exceeded the threshold. */
    CLIPPED,
    /** Non-finite: the caller must not apply an update. */
    SKIPPED,
    /** Non-finite: replaced by zero. */
    ZEROED,
    /** Non-finite or huge: replaced by Pascanu's rescue. */
    RESCUED;

    /** Whether the caller should apply an update with the (possibly changed) gradient. */
    public boolean applyUpdate() {
        return this != SKIPPED;
    }

    /** Whether this counts as a clipping event (anything but {@link #NONE}). */
    public boolean isEvent() {
        return this != NONE;
    }
}
