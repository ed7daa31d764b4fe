package org.rnngradients.linalg;

import org.rnngradients.linalg.internal.Require;

/**
 * Accumulates the logarithm of a product of positive factors, ln ∏ aᵢ = Σ ln aᵢ, so a product of
 * thousands of norms stays finite in log space whether it vanishes or explodes.
 */
public final class LogProduct {
    private double log;
    private int factors;

    // tag::log-product[]
    /** Multiplies the product by {@code factor} (≥ 0); a zero factor makes the log −∞. */
    public LogProduct times(double factor) {
        Require.nonNegative(factor, "factor");
        log += Math.log(factor);
        factors++;
        return this;
    }
    // end::log-product[]

    /** Multiplies the product by exp({@code logFactor}). */
    public LogProduct timesExp(double logFactor) {
        if (Double.isNaN(logFactor) || logFactor == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("logFactor must be finite or -Infinity, was " + logFactor);
        }
        log += logFactor;
        factors++;
        return this;
    }

    /** ln of the product so far (0 for the empty product). */
    public double log() {
        return log;
    }

    /** log₁₀ of the product so far. */
    public double log10() {
        return LogSpace.toLog10(log);
    }

    /** The geometric mean of the factors so far, exp(log / n); 1 for the empty product. */
    public double geometricMean() {
        return factors == 0 ? 1 : Math.exp(log / factors);
    }

    /** How many factors have been multiplied in. */
    public int factors() {
        return factors;
    }

    /** Resets to the empty product. */
    public void reset() {
        log = 0;
        factors = 0;
    }
}
