package org.rnngradients.linalg;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Reusable workspace for the singular values of {@code rows × cols} matrices. After construction it
 * allocates nothing (EJML 0.44's implicit-QR SVD reuses its buffers when the shape does not change;
 * checked by a test), so it can run every time step. The input is never modified.
 */
public final class SingularValues {
    private final int rows;
    private final int cols;
    private final DMatrixRMaj copy;
    private final SingularValueDecomposition_F64<DMatrixRMaj> svd;

    /** A workspace for matrices of shape {@code rows × cols}. */
    public SingularValues(int rows, int cols) {
        this.rows = Require.positive(rows, "rows");
        this.cols = Require.positive(cols, "cols");
        this.copy = new DMatrixRMaj(rows, cols);
        this.svd = DecompositionFactory_DDRM.svd(rows, cols, false, false, true);
    }

    /** How many singular values a matrix of this shape has: min(rows, cols). */
    public int count() {
        return Math.min(rows, cols);
    }

    /** Writes the singular values of {@code a} into {@code out} in descending order; returns {@code out}. */
    public double[] compute(DMatrixRMaj a, double[] out) {
        Require.nonNull(out, "out");
        if (out.length != count()) {
            throw new IllegalArgumentException("out must have length " + count() + ", was " + out.length);
        }
        decompose(a);
        System.arraycopy(svd.getSingularValues(), 0, out, 0, out.length);
        Arrays.sort(out);
        reverse(out);
        return out;
    }

    // tag::spectral-norm[]
    /** The largest singular value of {@code a}: its spectral norm ‖a‖₂. */
    public double largest(DMatrixRMaj a) {
        decompose(a);
        double[] s = svd.getSingularValues();
        double max = 0;
        for (int i = 0; i < count(); i++) {
            max = Math.max(max, s[i]);
        }
        return max;
    }
    // end::spectral-norm[]

    /** The smallest of the min(rows, cols) singular values of {@code a}. */
    public double smallest(DMatrixRMaj a) {
        decompose(a);
        double[] s = svd.getSingularValues();
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < count(); i++) {
            min = Math.min(min, s[i]);
        }
        return min;
    }

    private void decompose(DMatrixRMaj a) {
        Require.shape(a, rows, cols, "a");
        Require.finite(a, "a");
        copy.setTo(a);
        if (!svd.decompose(copy)) {
            throw new ArithmeticException("SVD did not converge for a " + Require.shapeOf(a) + " matrix");
        }
    }

    /** Reverses {@code v} in place (ascending to descending after a sort). */
    static void reverse(double[] v) {
        for (int i = 0, j = v.length - 1; i < j; i++, j--) {
            double t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
    }
}
