package org.rnngradients.linalg;

import org.ejml.data.DMatrixRMaj;

/**
 * Log-space helpers for norms of long products: a product of T factors is carried as the sum of
 * their logarithms, so it neither underflows to 0 nor overflows to ∞. Natural logarithms.
 *
 * <p>Every norm is computed as s·√(Σ (xᵢ/s)²) with s = max |xᵢ|, so no square ever over- or
 * underflows, whatever the magnitude of the entries (subnormal to {@link Double#MAX_VALUE}).
 * Non-finite entries are not an error here: an entry ±∞ gives ln‖v‖ = +∞ and a NaN gives NaN,
 * so an overflowed adjoint shows up in the log-norm instead of stopping the run. Nothing allocates.
 */
public final class LogSpace {
    private static final double LN_10 = Math.log(10);

    private LogSpace() {
    }

    // tag::log-norm[]
    /**
     * ln‖v‖₂ (the Frobenius norm for a matrix), exact to rounding even when ‖v‖² is not representable;
     * −∞ for a zero vector.
     */
    public static double logNorm(DMatrixRMaj v) {
        Require.nonEmpty(v, "v");
        double s = maxAbs(v);
        if (s == 0 || !Double.isFinite(s)) {
            return s == 0 ? Double.NEGATIVE_INFINITY : s;
        }
        return Math.log(s) + 0.5 * Math.log(sumOfScaledSquares(v, s));
    }
    // end::log-norm[]

    // tag::normalise[]
    /**
     * Scales {@code v} to unit norm in place and returns ln of its former norm: the step that keeps
     * a propagated vector representable over any number of steps. A zero vector is left as it is
     * (returning −∞), as is a vector with a non-finite entry (returning +∞ or NaN).
     */
    public static double normalise(DMatrixRMaj v) {
        Require.nonEmpty(v, "v");
        double s = maxAbs(v);
        if (s == 0 || !Double.isFinite(s)) {
            return s == 0 ? Double.NEGATIVE_INFINITY : s;
        }
        double root = Math.sqrt(sumOfScaledSquares(v, s));
        for (int k = 0; k < v.getNumElements(); k++) {
            v.data[k] = v.data[k] / s / root;
        }
        return Math.log(s) + Math.log(root);
    }
    // end::normalise[]

    // tag::log-sum-exp[]
    /** ln(eᵃ + eᵇ), e.g. the log of a sum of two norms held as logs; exact for a or b = −∞. */
    public static double logSumExp(double a, double b) {
        Require.notNaN(a, "a");
        Require.notNaN(b, "b");
        double max = Math.max(a, b);
        if (max == Double.NEGATIVE_INFINITY || max == Double.POSITIVE_INFINITY) {
            return max;
        }
        return max + Math.log1p(Math.exp(Math.min(a, b) - max));
    }
    // end::log-sum-exp[]

    /** ln Σ exp(valuesᵢ) without overflow; −∞ for an empty array. */
    public static double logSumExp(double[] values) {
        Require.nonNull(values, "values");
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < values.length; k++) {
            Require.notNaN(values[k], "values[" + k + "]");
            max = Math.max(max, values[k]);
        }
        if (max == Double.NEGATIVE_INFINITY || max == Double.POSITIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (double value : values) {
            sum += Math.exp(value - max);
        }
        return max + Math.log(sum);
    }

    /** log₁₀ of a natural-log value. */
    public static double toLog10(double naturalLog) {
        return naturalLog / LN_10;
    }

    /** max |vₖ|; NaN if any entry is NaN. */
    private static double maxAbs(DMatrixRMaj v) {
        double s = 0;
        for (int k = 0; k < v.getNumElements(); k++) {
            double x = Math.abs(v.data[k]);
            if (Double.isNaN(x)) {
                return x;
            }
            s = Math.max(s, x);
        }
        return s;
    }

    private static double sumOfScaledSquares(DMatrixRMaj v, double s) {
        double sum = 0;
        for (int k = 0; k < v.getNumElements(); k++) {
            double x = v.data[k] / s;
            sum += x * x;
        }
        return sum;
    }
}
