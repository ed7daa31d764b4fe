package org.rnngradients.bptt;

import org.rnngradients.linalg.LogSpace;
import org.rnngradients.linalg.internal.Require;

/**
 * The adjoint profile ‖∂L/∂h_t‖₂ for t = 1..T, stored as natural log-norms so that a profile that
 * vanishes or explodes over thousands of steps stays representable (a zero adjoint is −∞).
 * For a loss only at the last step this is ‖∂L_T/∂h_t‖, the curve of text 002's lab.
 */
public final class GradientProfile {
    private final double[] logNorms;

    /** A profile from ln‖∂L/∂h_t‖ for t = 1..T (index t − 1). */
    public GradientProfile(double[] logNorms) {
        Require.nonNull(logNorms, "logNorms");
        if (logNorms.length == 0) {
            throw new IllegalArgumentException("logNorms must not be empty, was length 0");
        }
        for (int k = 0; k < logNorms.length; k++) {
            if (Double.isNaN(logNorms[k]) || logNorms[k] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("logNorms[" + k + "] must be finite or -Infinity, was " + logNorms[k]);
            }
        }
        this.logNorms = logNorms.clone();
    }

    /** T. */
    public int length() {
        return logNorms.length;
    }

    /** ln‖∂L/∂h_t‖ for t = 1..T. */
    public double logNorm(int t) {
        return logNorms[Require.inRange(t, 1, logNorms.length, "t") - 1];
    }

    /** log₁₀‖∂L/∂h_t‖ for t = 1..T. */
    public double log10Norm(int t) {
        return LogSpace.toLog10(logNorm(t));
    }

    /** ‖∂L/∂h_t‖ as a plain double (may underflow to 0 or overflow to ∞; prefer the log forms). */
    public double norm(int t) {
        return Math.exp(logNorm(t));
    }

    /** A copy of all natural log-norms, index t − 1. */
    public double[] logNorms() {
        return logNorms.clone();
    }

    /** A copy of all log₁₀-norms, index t − 1. */
    public double[] log10Norms() {
        double[] out = new double[logNorms.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = LogSpace.toLog10(logNorms[k]);
        }
        return out;
    }
}
