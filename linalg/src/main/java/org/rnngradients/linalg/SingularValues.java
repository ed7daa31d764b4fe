package org.rnngradients.linalg;

import org.rnngradients.linalg.internal.Require;

import org.ejml.data.DMatrixRMaj;

/**
 * Reusable workspace for the singular values of {@code rows × cols} matrices, on the current
 * {@link Backend}: LAPACK's {@code dgesvd} without vectors, or EJML's implicit-QR SVD for small shapes
 * and on the Java backend. After construction it allocates nothing on the Java heap (checked by a test),
 * so it can run every time step. The input is never modified.
 */
public final class SingularValues {
    private final int rows;
    private final int cols;
    private final Backend.Svd svd;
    private final double[] values;

    /** A workspace for matrices of shape {@code rows × cols}. */
    public SingularValues(int rows, int cols) {
        this(rows, cols, null);
    }

    /** A workspace on the given kernel (tests use it to run every path at every size); null: the backend's. */
    SingularValues(int rows, int cols, Backend.Svd kernel) {
        this.rows = Require.positive(rows, "rows");
        this.cols = Require.positive(cols, "cols");
        Require.elementCount(rows, cols, "rows", "cols");
        this.svd = kernel != null ? kernel : Backend.current().kernels().singularValues(rows, cols);
        this.values = new double[Math.min(rows, cols)];
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
        decompose(a, out);
        return out;
    }

    // tag::spectral-norm[]
    /** The largest singular value of {@code a}: its spectral norm ‖a‖₂. */
    public double largest(DMatrixRMaj a) {
        return decompose(a, values)[0];
    }
    // end::spectral-norm[]

    /** The smallest of the min(rows, cols) singular values of {@code a}. */
    public double smallest(DMatrixRMaj a) {
        return decompose(a, values)[count() - 1];
    }

    private double[] decompose(DMatrixRMaj a, double[] out) {
        Require.shape(a, rows, cols, "a");
        Require.finite(a, "a");
        svd.compute(a, out);
        return out;
    }
}
