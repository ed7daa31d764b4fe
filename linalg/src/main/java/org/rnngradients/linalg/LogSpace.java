package org.rnngradients.linalg;

import org.ejml.data.DMatrixRMaj;

/**
 * Log-space helpers for norms of long products: a product of T factors is carried as the sum of
 * their logarithms, so it neither underflows to 0 nor overflows to ∞. Natural logarithms.
 */
public final class LogSpace {
    private LogSpace() {
    }

    /** ln‖v‖₂ (Frobenius norm for a matrix), computed with scaling so it is exact even when ‖v‖² would over- or underflow; −∞ for zero. */
    public static double logNorm(DMatrixRMaj v) {
        Require.nonNull(v, "v");
        int n = v.getNumElements();
        double scale = 0;
        for (int k = 0; k < n; k++) {
            scale = Math.max(scale, Math.abs(v.data[k]));
        }
        if (scale == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (!Double.isFinite(scale)) {
            throw new IllegalArgumentException("v must be finite, max |entry| was " + scale);
        }
        double sum = 0;
        for (int k = 0; k < n; k++) {
            double x = v.data[k] / scale;
            sum += x * x;
        }
        return Math.log(scale) + 0.5 * Math.log(sum);
    }

    /**
     * Scales {@code v} to unit norm in place and returns ln of its former norm — the step that keeps
     * a propagated vector representable over any number of steps. A zero vector is left as is and
     * −∞ is returned.
     */
    public static double normalise(DMatrixRMaj v) {
        double logNorm = logNorm(v);
        if (logNorm == Double.NEGATIVE_INFINITY) {
            return logNorm;
        }
        double inverse = Math.exp(-logNorm);
        if (Double.isFinite(inverse) && inverse != 0) {
            for (int k = 0; k < v.getNumElements(); k++) {
                v.data[k] *= inverse;
            }
        } else {
            double scale = 0;
            for (int k = 0; k < v.getNumElements(); k++) {
                scale = Math.max(scale, Math.abs(v.data[k]));
            }
            for (int k = 0; k < v.getNumElements(); k++) {
                v.data[k] /= scale;
            }
            double rest = Math.exp(logNorm - Math.log(scale));
            for (int k = 0; k < v.getNumElements(); k++) {
                v.data[k] /= rest;
            }
        }
        return logNorm;
    }

    /** log₁₀ of a natural-log value. */
    public static double toLog10(double naturalLog) {
        return naturalLog / Math.log(10);
    }
}
