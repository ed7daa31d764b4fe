package org.rnngradients.linalg;

import org.rnngradients.linalg.internal.Require;

import org.ejml.data.DMatrixRMaj;

/**
 * Log-space helpers for norms of long products: a product of T factors is carried as the sum of
 * their logarithms, so it neither underflows to 0 nor overflows to ∞. Natural logarithms.
 *
 * <p>This is the one overflow-safe norm of the project. The sum of squares is formed directly when it
 * lies safely inside double range (then it is as accurate as a scaled sum and costs one pass);
 * otherwise every entry is first divided by s = max |xᵢ|, so no square over- or underflows, whatever
 * the magnitude of the entries (subnormal to {@link Double#MAX_VALUE}). Non-finite entries are not an
 * error here: an entry ±∞ gives ln‖v‖ = +∞ and a NaN gives NaN, so an overflowed adjoint shows up in
 * the log-norm instead of stopping the run. Nothing allocates.
 */
public final class LogSpace {
    private static final double LN_10 = Math.log(10);
    /**
     * Direct sums of squares at or above 2⁻⁹⁰⁰ are used as they are: any squares lost to underflow
     * (each below 2⁻¹⁰²²) then change the sum by less than n·2⁻¹²² of itself.
     */
    private static final double SMALLEST_DIRECT_SUM = 0x1p-900;

    private LogSpace() {
    }

    // tag::log-norm[]
    /**
     * ln‖v‖₂ (the Frobenius norm for a matrix), exact to rounding even when ‖v‖² is not representable;
     * −∞ for a zero vector.
     */
    public static double logNorm(DMatrixRMaj v) {
        Require.nonEmpty(v, "v");
        return logNormOf(v.data, 0, v.getNumElements());
    }
    // end::log-norm[]

    /** ln of the 2-norm of the first {@code n} (≥ 1) entries of {@code data}, as {@link #logNorm(DMatrixRMaj)}. */
    public static double logNorm(double[] data, int n) {
        Require.nonNull(data, "data");
        if (data.length == 0) {
            throw new IllegalArgumentException("data must not be empty, was length 0");
        }
        Require.inRange(n, 1, data.length, "n");
        return logNormOf(data, 0, n);
    }

    /** ln of the 2-norm of {@code data[offset .. offset + length)} ({@code length} ≥ 1), as {@link #logNorm(DMatrixRMaj)}. */
    public static double logNorm(double[] data, int offset, int length) {
        requireRange(data, offset, length);
        return logNormOf(data, offset, offset + length);
    }

    // tag::normalise[]
    /**
     * Scales {@code v} to unit norm in place and returns ln of its former norm: the step that keeps
     * a propagated vector representable over any number of steps. A zero vector is left as it is
     * (returning −∞), as is a vector with a non-finite entry (returning +∞ or NaN).
     */
    public static double normalise(DMatrixRMaj v) {
        Require.nonEmpty(v, "v");
        return normaliseRange(v.data, 0, v.getNumElements());
    }
    // end::normalise[]

    /** {@link #normalise(DMatrixRMaj)} for the entries {@code data[offset .. offset + length)} ({@code length} ≥ 1). */
    public static double normalise(double[] data, int offset, int length) {
        requireRange(data, offset, length);
        return normaliseRange(data, offset, offset + length);
    }

    private static double logNormOf(double[] x, int from, int to) {
        double direct = sumOfSquares(x, from, to);
        if (direct >= SMALLEST_DIRECT_SUM && direct <= Double.MAX_VALUE) {
            return 0.5 * Math.log(direct);
        }
        double s = maxAbs(x, from, to);
        if (s == 0 || !Double.isFinite(s)) {
            return s == 0 ? Double.NEGATIVE_INFINITY : s;
        }
        return Math.log(s) + 0.5 * Math.log(sumOfScaledSquares(x, from, to, s));
    }

    private static double normaliseRange(double[] x, int from, int to) {
        double direct = sumOfSquares(x, from, to);
        if (direct >= SMALLEST_DIRECT_SUM && direct <= Double.MAX_VALUE) {
            double inverse = 1 / Math.sqrt(direct);
            for (int k = from; k < to; k++) {
                x[k] *= inverse;
            }
            return 0.5 * Math.log(direct);
        }
        double s = maxAbs(x, from, to);
        if (s == 0 || !Double.isFinite(s)) {
            return s == 0 ? Double.NEGATIVE_INFINITY : s;
        }
        double root = Math.sqrt(sumOfScaledSquares(x, from, to, s));
        for (int k = from; k < to; k++) {
            x[k] = x[k] / s / root;
        }
        return Math.log(s) + Math.log(root);
    }

    private static void requireRange(double[] data, int offset, int length) {
        Require.nonNull(data, "data");
        Require.positive(length, "length");
        if (length > data.length) {
            throw new IllegalArgumentException("length must be <= " + data.length + " (the array's length), was " + length);
        }
        if (offset < 0 || offset > data.length - length) {
            throw new IllegalArgumentException("offset must be in [0, " + (data.length - length) + "] for length "
                    + length + " in an array of " + data.length + ", was " + offset);
        }
    }

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

    /** max |xₖ| over the range; NaN if any entry is NaN. */
    private static double maxAbs(double[] x, int from, int to) {
        double s = 0;
        for (int k = from; k < to; k++) {
            double a = Math.abs(x[k]);
            if (Double.isNaN(a)) {
                return a;
            }
            s = Math.max(s, a);
        }
        return s;
    }

    /** Σ xₖ² over the range (NaN for a NaN entry, +∞ when it overflows). */
    private static double sumOfSquares(double[] x, int from, int to) {
        double sum = 0;
        for (int k = from; k < to; k++) {
            sum += x[k] * x[k];
        }
        return sum;
    }

    /** Σ (xₖ/s)² over the range. */
    private static double sumOfScaledSquares(double[] x, int from, int to, double s) {
        double sum = 0;
        for (int k = from; k < to; k++) {
            double y = x[k] / s;
            sum += y * y;
        }
        return sum;
    }
}
