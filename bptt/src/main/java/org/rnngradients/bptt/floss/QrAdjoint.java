package org.rnngradients.bptt.floss;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rnngradients.linalg.internal.Require;

/**
 * The reverse-mode derivative of the thin QR decomposition A = QR (A is m × k with m ≥ k and full
 * column rank, diag(R) &gt; 0, as {@link org.rnngradients.linalg.PositiveQr} gives it). Given the
 * adjoints Q̄ = ∂F/∂Q and R̄ = ∂F/∂R of a scalar F, the adjoint of A is
 * <pre>
 * Ā = (Q̄ + Q·copyltu(M))·R⁻ᵀ,    M = R R̄ᵀ − Q̄ᵀ Q,
 * </pre>
 * where copyltu(M) is the symmetric matrix with M's lower triangle (diagonal included) mirrored
 * onto its upper one. (From dA = dQ R + Q dR with QᵀdQ antisymmetric and dR R⁻¹ upper triangular;
 * the rule of Seeger et al. 2018 and Liao et al. 2019.) A reusable workspace: after
 * construction nothing is allocated.
 */
public final class QrAdjoint {
    private final int rows;
    private final int cols;
    private final DMatrixRMaj m;
    private final DMatrixRMaj product;

    /** A workspace for m × k inputs, m ≥ k ≥ 1. */
    public QrAdjoint(int rows, int cols) {
        this.rows = Require.positive(rows, "rows");
        this.cols = Require.positive(cols, "cols");
        if (rows < cols) {
            throw new IllegalArgumentException("rows must be >= cols for a thin QR, was rows=" + rows + ", cols=" + cols);
        }
        Require.elementCount(rows, cols, "rows", "cols");
        this.m = new DMatrixRMaj(cols, cols);
        this.product = new DMatrixRMaj(cols, cols);
    }

    // tag::qr-adjoint[]
    /**
     * Writes Ā into {@code aBar} (m × k) from Q (m × k), R (k × k, upper triangular with a positive
     * diagonal), Q̄ (m × k) and R̄ (k × k). Throws an {@link ArithmeticException} naming the entry if a
     * diagonal entry of R is not positive (a rank-deficient A, where the derivative does not exist).
     */
    public void adjoint(DMatrixRMaj q, DMatrixRMaj r, DMatrixRMaj qBar, DMatrixRMaj rBar, DMatrixRMaj aBar) {
        requireShapes(q, r, qBar, rBar, aBar);
        CommonOps_DDRM.multTransB(r, rBar, m);                   // M = R R̄ᵀ
        CommonOps_DDRM.multTransA(qBar, q, product);
        CommonOps_DDRM.subtractEquals(m, product);               //   − Q̄ᵀ Q
        copyLowerToUpper(m);                                     // copyltu(M)
        CommonOps_DDRM.mult(q, m, aBar);
        CommonOps_DDRM.addEquals(aBar, qBar);                    // B = Q̄ + Q copyltu(M)
        solveTransposedUpper(r, aBar);                           // Ā = B R⁻ᵀ
    }
    // end::qr-adjoint[]

    /** M_ij ← M_ji for i &lt; j: the lower triangle, diagonal included, mirrored onto the upper one. */
    static void copyLowerToUpper(DMatrixRMaj m) {
        int n = m.numRows;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                m.data[i * n + j] = m.data[j * n + i];
            }
        }
    }

    /** B ← B R⁻ᵀ in place: each row b of B becomes the x with R x = b (back substitution). */
    static void solveTransposedUpper(DMatrixRMaj r, DMatrixRMaj b) {
        int k = r.numRows;
        for (int row = 0; row < b.numRows; row++) {
            int base = row * k;
            for (int i = k - 1; i >= 0; i--) {
                double s = b.data[base + i];
                for (int j = i + 1; j < k; j++) {
                    s -= r.data[i * k + j] * b.data[base + j];
                }
                b.data[base + i] = s / r.data[i * k + i];
            }
        }
    }

    private void requireShapes(DMatrixRMaj q, DMatrixRMaj r, DMatrixRMaj qBar, DMatrixRMaj rBar, DMatrixRMaj aBar) {
        Require.shape(q, rows, cols, "q");
        Require.shape(r, cols, cols, "r");
        Require.shape(qBar, rows, cols, "qBar");
        Require.shape(rBar, cols, cols, "rBar");
        Require.shape(aBar, rows, cols, "aBar");
        if (aBar == q || aBar == qBar) {
            throw new IllegalArgumentException("aBar must be a different object from q and qBar");
        }
        for (int i = 0; i < cols; i++) {
            double d = r.data[i * cols + i];
            if (!(d > 0) || !Double.isFinite(d)) {
                throw new ArithmeticException("the QR derivative needs R_ii > 0 (full column rank), entry ("
                        + i + ", " + i + ") was " + d);
            }
        }
    }
}
