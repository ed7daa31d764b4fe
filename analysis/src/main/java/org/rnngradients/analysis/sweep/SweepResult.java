package org.rnngradients.analysis.sweep;

import java.io.Serializable;

import org.rnngradients.linalg.internal.Require;

/**
 * What one sweep point gives.
 *
 * @param point            the point
 * @param largestExponent  λ_1 over the counted steps T (nats per step; −∞ when the tangent vector collapses)
 * @param halfTimeExponent λ_1 over the first T/2 counted steps of the same run (the convergence check:
 *                         the estimate a run half as long would give)
 * @param activity         (1/n) Σ_i s_i² of the final state (n = state size; for tanh networks the mean-field
 *                         value is q* / g²)
 * @param spectralRadius   ρ(W_hh) for a vanilla cell when the task computes it, NaN when it does not
 */
public record SweepResult(SweepPoint point, double largestExponent, double halfTimeExponent, double activity,
                          double spectralRadius) implements Serializable {

    /** Checks the components: exponents not NaN, activity finite and ≥ 0, ρ &gt; 0 or NaN. */
    public SweepResult {
        Require.nonNull(point, "point");
        Require.notNaN(largestExponent, "largestExponent");
        Require.notNaN(halfTimeExponent, "halfTimeExponent");
        Require.nonNegative(activity, "activity");
        if (!Double.isNaN(spectralRadius)) {
            Require.nonNegative(spectralRadius, "spectralRadius");
        }
    }

    /** Whether ρ(W_hh) was computed. */
    public boolean hasSpectralRadius() {
        return !Double.isNaN(spectralRadius);
    }
}
