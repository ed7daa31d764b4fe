package org.rnngradients.linalg;

import org.rnngradients.linalg.internal.Require;

import java.util.function.BiConsumer;
import java.util.function.ToDoubleFunction;

import org.ejml.data.DMatrixRMaj;

/**
 * Central finite differences, the independent oracle every analytic derivative is checked against:
 * ∂f/∂xᵢ ≈ (f(x + h eᵢ) − f(x − h eᵢ)) / 2h, with truncation error O(h²) and rounding error
 * O(ε/h); h = 1e-6 balances them for functions of order one.
 */
public final class FiniteDifferences {
    /** The default step h. */
    public static final double DEFAULT_STEP = 1e-6;

    private FiniteDifferences() {
    }

    /**
     * Writes the gradient of the scalar {@code f} at {@code x} into {@code out} (same shape as x).
     * {@code x} is perturbed in place and restored, so {@code f} may read it through a shared reference
     * (for example, a parameter matrix of a cell).
     */
    public static DMatrixRMaj gradient(ToDoubleFunction<DMatrixRMaj> f, DMatrixRMaj x, double h, DMatrixRMaj out) {
        Require.nonNull(f, "f");
        Require.nonEmpty(x, "x");
        Require.finite(x, "x");
        Require.positive(h, "h");
        Require.shape(out, x.numRows, x.numCols, "out");
        // tag::central-difference[]
        for (int k = 0; k < x.getNumElements(); k++) {
            double saved = x.data[k];
            x.data[k] = saved + h;
            double plus = f.applyAsDouble(x);
            x.data[k] = saved - h;
            double minus = f.applyAsDouble(x);
            x.data[k] = saved;
            out.data[k] = (plus - minus) / (2 * h);
        }
        // end::central-difference[]
        return out;
    }

    /**
     * Writes the Jacobian ∂f/∂x of the vector function {@code f} (which writes its m × 1 value into its
     * second argument) at the column vector {@code x} into {@code out} (m × n). {@code x} is perturbed
     * in place and restored.
     */
    public static DMatrixRMaj jacobian(BiConsumer<DMatrixRMaj, DMatrixRMaj> f, DMatrixRMaj x, double h, DMatrixRMaj out) {
        Require.nonNull(f, "f");
        Require.nonEmpty(x, "x");
        Require.finite(x, "x");
        Require.positive(h, "h");
        Require.nonNull(out, "out");
        int n = x.getNumElements();
        if (out.numCols != n) {
            throw new IllegalArgumentException("out must have " + n + " columns, was " + Require.shapeOf(out));
        }
        int m = out.numRows;
        DMatrixRMaj plus = new DMatrixRMaj(m, 1);
        DMatrixRMaj minus = new DMatrixRMaj(m, 1);
        for (int k = 0; k < n; k++) {
            double saved = x.data[k];
            x.data[k] = saved + h;
            f.accept(x, plus);
            x.data[k] = saved - h;
            f.accept(x, minus);
            x.data[k] = saved;
            for (int i = 0; i < m; i++) {
                out.unsafe_set(i, k, (plus.data[i] - minus.data[i]) / (2 * h));
            }
        }
        return out;
    }

    /**
     * The maximum over entries of |aᵢ − bᵢ| / max(|aᵢ|, |bᵢ|, floor): a relative error that turns
     * absolute below {@code floor}, so entries that are zero analytically are judged by absolute error.
     */
    public static double maxRelativeError(DMatrixRMaj a, DMatrixRMaj b, double floor) {
        Require.nonNull(a, "a");
        Require.shape(b, a.numRows, a.numCols, "b");
        Require.positive(floor, "floor");
        double worst = 0;
        for (int k = 0; k < a.getNumElements(); k++) {
            double scale = Math.max(floor, Math.max(Math.abs(a.data[k]), Math.abs(b.data[k])));
            double e = Math.abs(a.data[k] - b.data[k]) / scale;
            if (Double.isNaN(e)) {
                return Double.NaN;
            }
            worst = Math.max(worst, e);
        }
        return worst;
    }
}
