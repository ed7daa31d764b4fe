package org.rnngradients.analysis;

import org.rnngradients.linalg.internal.Require;

/**
 * The mean-field prediction of the largest Lyapunov exponent λ_max(g) of the autonomous random tanh
 * network h_t = tanh(W h_{t−1}), W_ij ~ N(0, g²/N) independent, in nats per step.
 *
 * <p><b>The theory.</b> Each pre-activation x_i = Σ_j W_ij h_j is a sum of N weakly dependent terms, so
 * for large N it is Gaussian with variance q = g²·(1/N)Σ_j h_j². In the stationary state q is the
 * fixed point q* = g²·E[tanh²(√q* z)], z ~ N(0, 1); for g ≤ 1 the only fixed point is q* = 0 (the
 * network decays to h = 0), for g &gt; 1 there is also a positive one, which is the stable one. A
 * tangent vector v moves as v ← diag(tanh′(x)) W v, and its squared norm grows per step by the
 * factor χ = g²·E[tanh′(√q* z)²], so λ_max = ½ ln χ. For g ≤ 1 this is ln g exactly; just above 1
 * it is about (2/3)(g − 1)² (χ = 1 + (4/3)q*² + …), so λ_max is continuous at g = 1 with a kink; for
 * large g it approaches ½ ln g + ½ ln(4/(3√(2π))) + 1/(2√(2π) g).
 *
 * <p><b>The approximations.</b> (1) N → ∞: the pre-activations are Gaussian and independent across
 * units, and the averages over units equal expectations; nothing here depends on N. (2) Annealed
 * weights: the argument treats W as independent of the state it multiplies, as if W were redrawn
 * every step. That is exact for a deep network with independent layers (the q-map and χ₁ of Poole,
 * Lahiri, Raghu, Sohl-Dickstein &amp; Ganguli, "Exponential expressivity in deep neural networks
 * through transient chaos", NeurIPS 2016, with σ_b = 0); for a recurrent network, which reuses one W
 * (quenched weights), it is the large-N limit, and the correlations a reused W builds with its own
 * trajectory are the finite-size effects this class leaves out. (3) Discrete time: the map above, not
 * the continuous-time network dx/dt = −x + J tanh(x) of Sompolinsky, Crisanti &amp; Sommers ("Chaos
 * in random neural networks", Phys. Rev. Lett. 61, 259, 1988), whose mean-field theory — exact for
 * N → ∞ — puts the transition at the same g = 1 but gives a different exponent above it. The
 * discrete-time, mean-field treatment of this map (there with added noise) is that of Molgedey,
 * Schuchhardt &amp; Schuster ("Suppressing chaos in neural networks by noise", Phys. Rev. Lett. 69,
 * 3717, 1992). (4) Stationarity and self-averaging: λ_max is the rate after transients, and the log
 * of the mean growth equals the mean log growth (true at N → ∞, where the growth per step concentrates).
 * (5) No input and no bias.
 *
 * <p><b>The quadrature.</b> Both expectations are computed with {@link GaussHermite} rules of order
 * 64, 128, 256, … up to {@link GaussHermite#MAX_ORDER}, stopping when two successive orders agree in λ
 * and q* to within the tolerance (default {@value #DEFAULT_TOLERANCE}); {@link Solution#quadratureError()}
 * is that last difference, which bounds the error of the lower order and so, as the error falls with
 * the order, of the answer. The integrands have poles at z = ±iπ/(2√q*), which approach the real axis as
 * g grows, so the order needed grows with q*: 128 suffices up to g = 1.5, 512 up to g = 2, 1024 up to about g = 3.1
 * (q* ≈ 6.8); beyond that the rules disagree and {@link #solve} throws.
 */
public final class MeanFieldTheory {
    /** The default agreement required of two successive quadrature orders (nats per step, and in q*). */
    public static final double DEFAULT_TOLERANCE = 1e-8;
    private static final int FIRST_ORDER = 64;

    private final double tolerance;

    /**
     * The prediction at one gain.
     *
     * @param gain            g
     * @param variance        q*, the stationary variance of the pre-activations (0 for g ≤ 1)
     * @param stretch         χ = g² E[tanh′(√q* z)²], the mean-square growth of a tangent vector per step
     * @param largestExponent λ_max = ½ ln χ, nats per step
     * @param order           the Gauss–Hermite order used (0 when no quadrature was needed, g ≤ 1)
     * @param quadratureError |λ_n − λ_{n/2}|, the difference between the last two orders (0 for g ≤ 1)
     */
    public record Solution(double gain, double variance, double stretch, double largestExponent, int order,
                           double quadratureError) {
    }

    /** The theory with the default quadrature tolerance. */
    public MeanFieldTheory() {
        this(DEFAULT_TOLERANCE);
    }

    /** The theory whose quadrature stops when two successive orders agree within {@code tolerance} (&gt; 0). */
    public MeanFieldTheory(double tolerance) {
        this.tolerance = Require.positive(tolerance, "tolerance");
    }

    /** λ_max(g) in nats per step. */
    public double largestExponent(double g) {
        return solve(g).largestExponent();
    }

    /** q*(g), the stationary pre-activation variance. */
    public double variance(double g) {
        return solve(g).variance();
    }

    /**
     * The gain at which λ_max(g) = {@code lambda}: e^λ for λ ≤ 0, otherwise by bisection on (1, 3]
     * (λ_max increases with g); a λ above λ_max(3) ≈ 0.31 is out of range.
     */
    public double gainForExponent(double lambda) {
        Require.finite(lambda, "lambda");
        if (lambda <= 0) {
            return Math.exp(lambda);
        }
        double lo = 1;
        double hi = 3;
        if (largestExponent(hi) < lambda) {
            throw new IllegalArgumentException("lambda must be <= lambda_max(3) = " + largestExponent(hi) + ", was " + lambda);
        }
        while (hi - lo > 4 * Math.ulp(hi)) {
            double mid = 0.5 * (lo + hi);
            if (largestExponent(mid) < lambda) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    // tag::mean-field-solve[]
    /**
     * q*, χ and λ_max at gain g (finite, &gt; 0). Throws ArithmeticException when the largest
     * quadrature order still disagrees with the one before it (g too large for the rules offered).
     */
    public Solution solve(double g) {
        Require.positive(g, "g");
        if (g <= 1) {
            return new Solution(g, 0, g * g, Math.log(g), 0, 0);   // q* = 0: J = W at h = 0, λ = ln g
        }
        Solution previous = atOrder(g, GaussHermite.of(FIRST_ORDER));
        for (int n = 2 * FIRST_ORDER; n <= GaussHermite.MAX_ORDER; n *= 2) {
            Solution next = atOrder(g, GaussHermite.of(n));
            double dLambda = Math.abs(next.largestExponent() - previous.largestExponent());
            double dq = Math.abs(next.variance() - previous.variance());
            if (dLambda <= tolerance && dq <= tolerance * Math.max(1, next.variance())) {
                return new Solution(g, next.variance(), next.stretch(), next.largestExponent(), n, dLambda);
            }
            previous = next;
        }
        throw new ArithmeticException("the mean-field quadrature did not converge at g = " + g + ": Gauss-Hermite"
                + " orders " + GaussHermite.MAX_ORDER / 2 + " and " + GaussHermite.MAX_ORDER + " still disagree"
                + " (q* = " + previous.variance() + "); the theory is computed up to about g = 3.1");
    }
    // end::mean-field-solve[]

    /** The fixed point and the exponent with one quadrature rule (g &gt; 1). */
    static Solution atOrder(double g, GaussHermite rule) {
        double q = fixedPoint(g, rule);
        double chi = stretch(g, q, rule);
        return new Solution(g, q, chi, 0.5 * Math.log(chi), rule.order(), Double.NaN);
    }

    // tag::mean-field-fixed-point[]
    /**
     * q* &gt; 0 solving q = g² E[tanh²(√q z)], written as E[tanh²(√q z)]/q = 1/g² (the left side falls from
     * 1 at q → 0 to 0, so the root is unique), by bisection: first halving q from g² until the ratio
     * exceeds 1/g², then halving the bracket to rounding.
     */
    static double fixedPoint(double g, GaussHermite rule) {
        double target = 1 / (g * g);
        double hi = g * g;                                // E[tanh²]/g² ≤ 1/g²: the root lies below
        double lo = hi;
        while (meanSquareRatio(lo, rule) <= target) {
            hi = lo;
            lo /= 2;
            if (lo < Double.MIN_NORMAL) {
                return 0;                                 // g is 1 to within rounding
            }
        }
        for (int it = 0; it < 200 && hi - lo > 2 * Math.ulp(hi); it++) {
            double mid = 0.5 * (lo + hi);
            if (meanSquareRatio(mid, rule) > target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
    // end::mean-field-fixed-point[]

    /** E[tanh²(√q z)] / q, computed without forming the small difference for small q. */
    private static double meanSquareRatio(double q, GaussHermite rule) {
        double s = Math.sqrt(q);
        return rule.expectation(z -> {
            double t = Math.tanh(s * z);
            return t * t;
        }) / q;
    }

    // tag::mean-field-stretch[]
    /** χ = g² E[tanh′(√q z)²] with tanh′ = 1 − tanh² = sech². */
    static double stretch(double g, double q, GaussHermite rule) {
        double s = Math.sqrt(q);
        return g * g * rule.expectation(z -> {
            double sech = 1 / Math.cosh(s * z);
            double d = sech * sech;
            return d * d;
        });
    }
    // end::mean-field-stretch[]
}
