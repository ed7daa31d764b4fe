package org.rnngradients.linalg;

import org.rnngradients.linalg.internal.Require;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * General matrix products C = α·op(A)·op(B) + β·C (GEMM; GEMV when B is a column), the hot kernel
 * of every batched step. Each call runs on the selected {@link Backend}: OpenBLAS's dgemm, or EJML's
 * {@code CommonOps_DDRM} for products too small to repay a native call and on the Java backend. Output
 * arguments follow EJML's style: a {@code null} output is allocated and returned; a given output must
 * have the result's shape and must not share its storage with an operand. With a given output, a call
 * allocates nothing on the Java heap (after the first call on a thread). A left operand reused by many
 * products belongs in a {@link ResidentMatrix}, which saves copying it on every call.
 */
public final class MatrixProducts {
    private MatrixProducts() {
    }

    /**
     * c = α·op(a)·op(b) + β·c, with op(x) = xᵀ when the flag is set. With β = 0 the previous content
     * of {@code c} is ignored (even NaN). Returns {@code c}, allocated when null.
     */
    public static DMatrixRMaj gemm(double alpha, DMatrixRMaj a, boolean transposeA, DMatrixRMaj b, boolean transposeB,
                                   double beta, DMatrixRMaj c) {
        Require.nonNull(a, "a");
        Require.nonNull(b, "b");
        Require.finite(alpha, "alpha");
        Require.finite(beta, "beta");
        int m = transposeA ? a.numCols : a.numRows;
        int k = transposeA ? a.numRows : a.numCols;
        int kb = transposeB ? b.numCols : b.numRows;
        int n = transposeB ? b.numRows : b.numCols;
        if (k != kb) {
            throw new IllegalArgumentException("b must have " + k + " rows after op(b) to match op(a) "
                    + m + "x" + k + ", was " + Require.shapeOf(b) + (transposeB ? " (transposed)" : ""));
        }
        if (c == null) {
            c = new DMatrixRMaj(m, n);
            beta = 0;
        } else {
            Require.shape(c, m, n, "c");
            if (c == a || c == b || c.data == a.data || c.data == b.data) {
                throw new IllegalArgumentException("c must not share its storage with "
                        + (c == a || c.data == a.data ? "a" : "b"));
            }
        }
        if (m == 0 || n == 0) {
            return c;
        }
        if (k == 0 || alpha == 0) {
            return scaled(beta, c);
        }
        Backend.current().kernels().gemm(alpha, a, transposeA, b, transposeB, beta, c, m, n, k);
        return c;
    }

    /** c = β·c, with β = 0 clearing c whatever it held: the product of an empty or zero-weighted sum. */
    static DMatrixRMaj scaled(double beta, DMatrixRMaj c) {
        if (beta == 0) {
            c.zero();
        } else if (beta != 1) {
            CommonOps_DDRM.scale(beta, c);
        }
        return c;
    }

    /** c = a·b. */
    public static DMatrixRMaj mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        return gemm(1, a, false, b, false, 0, c);
    }

    /** c = aᵀ·b. */
    public static DMatrixRMaj multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        return gemm(1, a, true, b, false, 0, c);
    }

    /** c = a·bᵀ. */
    public static DMatrixRMaj multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        return gemm(1, a, false, b, true, 0, c);
    }

    /** c += a·b. */
    public static DMatrixRMaj multAdd(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        return gemm(1, a, false, b, false, 1, Require.nonNull(c, "c"));
    }

    /** c += aᵀ·b. */
    public static DMatrixRMaj multAddTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        return gemm(1, a, true, b, false, 1, Require.nonNull(c, "c"));
    }

    /** c += a·bᵀ. */
    public static DMatrixRMaj multAddTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        return gemm(1, a, false, b, true, 1, Require.nonNull(c, "c"));
    }
}
