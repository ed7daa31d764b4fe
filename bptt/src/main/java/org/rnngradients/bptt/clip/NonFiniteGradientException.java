package org.rnngradients.bptt.clip;

/** Thrown when a gradient's norm is NaN or infinite and the policy is {@link NonFinitePolicy#THROW}. */
public final class NonFiniteGradientException extends ArithmeticException {
    private static final long serialVersionUID = 1L;
    private final double norm;

    /** A failure for a gradient of norm {@code norm}. */
    public NonFiniteGradientException(double norm) {
        super("gradient norm must be finite, was " + norm);
        this.norm = norm;
    }

    /** The offending norm. */
    public double norm() {
        return norm;
    }
}
