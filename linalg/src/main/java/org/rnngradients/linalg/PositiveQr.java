package org.rnngradients.linalg;

import org.rnngradients.linalg.internal.Require;

import org.ejml.data.DMatrixRMaj;

/**
 * Thin QR decomposition A = QR of an {@code m × n} matrix (m ≥ n) with the sign convention
 * diag(R) ≥ 0, which makes it unique for full-rank A. Rank-deficient A is accepted too: step
 * Jacobians are singular whenever a unit's derivative is exactly zero (a ReLU below threshold, a
 * saturated gate), and the factorisation then has R_ii = 0 for each column that is exactly zero after
 * the reflections before it (both backends use the identity reflector there). Householder QR on the
 * current {@link Backend}: LAPACK's {@code dgeqrf} and {@code dorgqr} (workspace sized once, at
 * construction), or EJML's column Householder QR for small shapes and on the Java backend. A reusable
 * workspace: after construction, {@link #decompose} allocates nothing on the Java heap (checked by a test),
 * so it can run every time step (Benettin's method). The input is never modified.
 */
public final class PositiveQr {
    private final int rows;
    private final int cols;
    private final Backend.Qr qr;

    /** The number of rows m of the inputs. */
    public int rows() {
        return rows;
    }

    /** The number of columns n of the inputs. */
    public int cols() {
        return cols;
    }

    /** A workspace for {@code rows × cols} inputs; requires rows ≥ cols. */
    public PositiveQr(int rows, int cols) {
        this(rows, cols, null);
    }

    /** A workspace on the given kernel (tests use it to run every path at every size); null: the backend's. */
    PositiveQr(int rows, int cols, Backend.Qr kernel) {
        this.rows = requireThin(rows, cols);
        this.cols = cols;
        this.qr = kernel != null ? kernel : Backend.current().kernels().qr(rows, cols);
    }

    private static int requireThin(int rows, int cols) {
        Require.positive(rows, "rows");
        Require.positive(cols, "cols");
        if (rows < cols) {
            throw new IllegalArgumentException("rows must be >= cols for a thin QR, was rows=" + rows + ", cols=" + cols);
        }
        Require.elementCount(rows, cols, "rows", "cols");
        return rows;
    }

    /**
     * Writes the thin factors of {@code a} into {@code q} ({@code rows × cols}, orthonormal columns)
     * and {@code r} ({@code cols × cols}, upper triangular, non-negative diagonal). {@code q} may be
     * {@code a} itself (the input is copied first), which is how Benettin's method re-orthonormalises.
     */
    public void decompose(DMatrixRMaj a, DMatrixRMaj q, DMatrixRMaj r) {
        Require.shape(a, rows, cols, "a");
        Require.finite(a, "a");
        Require.shape(q, rows, cols, "q");
        Require.shape(r, cols, cols, "r");
        if (q == r) {
            throw new IllegalArgumentException("q and r must be different matrices, both were the same " + Require.shapeOf(q) + " matrix");
        }
        qr.decompose(a, q, r);
        fixSigns(q, r);
    }

    // tag::positive-qr-sign-fix[]
    /** Flips column i of Q and row i of R wherever R_ii < 0, which leaves the product QR unchanged. */
    private void fixSigns(DMatrixRMaj q, DMatrixRMaj r) {
        for (int i = 0; i < cols; i++) {
            if (r.unsafe_get(i, i) < 0) {
                for (int j = i; j < cols; j++) {
                    r.unsafe_set(i, j, -r.unsafe_get(i, j));
                }
                for (int k = 0; k < rows; k++) {
                    q.unsafe_set(k, i, -q.unsafe_get(k, i));
                }
            }
        }
    }
    // end::positive-qr-sign-fix[]

    /**
     * Adds ln R_ii to {@code sums[i]} for each i &lt; sums.length: the per-direction log growth in
     * Benettin's method. A zero R_ii (rank-deficient input) adds −∞; a negative or NaN R_ii (an R not
     * from {@link #decompose}) is rejected before any sum changes.
     */
    // tag::accumulate-log-diagonal[]
    public static void accumulateLogDiagonal(DMatrixRMaj r, double[] sums) {
        requireLogDiagonalArguments(r, sums);
        for (int i = 0; i < sums.length; i++) {
            sums[i] += Math.log(r.unsafe_get(i, i));
        }
    }
    // end::accumulate-log-diagonal[]

    private static void requireLogDiagonalArguments(DMatrixRMaj r, double[] sums) {
        Require.square(r, "r");
        Require.nonNull(sums, "sums");
        if (sums.length > r.numRows) {
            throw new IllegalArgumentException("sums must have length <= " + r.numRows + ", was " + sums.length);
        }
        for (int i = 0; i < sums.length; i++) {
            if (!(r.unsafe_get(i, i) >= 0)) {
                throw new IllegalArgumentException("r must have a non-negative diagonal, entry (" + i + ", " + i
                        + ") was " + r.unsafe_get(i, i));
            }
        }
    }
}
