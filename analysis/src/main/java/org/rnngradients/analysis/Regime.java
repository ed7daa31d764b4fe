package org.rnngradients.analysis;

import org.rnngradients.linalg.internal.Require;

/**
 * The three regimes of gradient propagation, decided by the largest Lyapunov exponent λ_1 (the
 * asymptotic growth rate of ‖∂h_T/∂h_t‖ in nats per step) against a stated margin ε > 0:
 * VANISHING if λ_1 &lt; −ε, EXPLODING if λ_1 > ε, MARGINAL otherwise. With the default
 * ε = {@value #DEFAULT_EPSILON}, a marginal network changes a gradient by at most a factor e over
 * 1/ε = 100 steps.
 */
public enum Regime {
    /** λ_1 &lt; −ε: perturbations and gradients shrink exponentially. */
    VANISHING,
    /** |λ_1| ≤ ε: growth or decay slower than e per 1/ε steps (the edge of chaos). */
    MARGINAL,
    /** λ_1 > ε: perturbations and gradients grow exponentially. */
    EXPLODING;

    /** The default margin ε in nats per step. */
    public static final double DEFAULT_EPSILON = 0.01;

    // tag::regime-criterion[]
    /** The regime of a largest exponent λ_1 (not NaN; −∞ when every direction is lost) with margin ε (> 0). */
    public static Regime of(double largestExponent, double epsilon) {
        Require.notNaN(largestExponent, "largestExponent");
        Require.positive(epsilon, "epsilon");
        if (largestExponent < -epsilon) {
            return VANISHING;
        }
        return largestExponent > epsilon ? EXPLODING : MARGINAL;
    }
    // end::regime-criterion[]

    /** The regime of λ_1 with the default margin ε = 0.01 nats per step. */
    public static Regime of(double largestExponent) {
        return of(largestExponent, DEFAULT_EPSILON);
    }

    /** The regime of a Lyapunov result's λ_1 with margin ε. */
    public static Regime of(LyapunovResult result, double epsilon) {
        return of(Require.nonNull(result, "result").largest(), epsilon);
    }
}
