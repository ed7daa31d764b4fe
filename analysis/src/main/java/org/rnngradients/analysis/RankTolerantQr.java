package org.rnngradients.analysis;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.qr.QRDecompositionHouseholderColumn_DDRM;
import org.rnngradients.linalg.Require;

/**
 * Thin Householder QR, A = QR with diag(R) ≥ 0, that also accepts rank-deficient A. Step Jacobians
 * are singular whenever a unit's derivative is exactly zero (a ReLU below threshold, a saturated gate),
 * and a product or a Lyapunov frame then loses a direction: the factorisation must still exist, with
 * R_ii = 0 for the lost direction (ln R_ii = −∞). EJML's Householder QR builds exactly that — a zero
 * column gets the identity reflector — but reports it as a failure; this wrapper keeps the factors and
 * fixes the signs. A reusable workspace: {@link #decompose} allocates nothing.
 */
public final class RankTolerantQr {
    private final int rows;
    private final int cols;
    private final DMatrixRMaj copy;
    private final QRDecompositionHouseholderColumn_DDRM qr = new QRDecompositionHouseholderColumn_DDRM();

    /** A workspace for {@code rows × cols} inputs, rows ≥ cols. */
    public RankTolerantQr(int rows, int cols) {
        this.rows = Require.positive(rows, "rows");
        this.cols = Require.positive(cols, "cols");
        if (rows < cols) {
            throw new IllegalArgumentException("rows must be >= cols for a thin QR, was rows=" + rows + ", cols=" + cols);
        }
        this.copy = new DMatrixRMaj(rows, cols);
    }

    /** Writes Q ({@code rows × cols}, orthonormal columns) and R ({@code cols × cols}, diag ≥ 0) of finite {@code a}. */
    public void decompose(DMatrixRMaj a, DMatrixRMaj q, DMatrixRMaj r) {
        Require.shape(a, rows, cols, "a");
        Require.finite(a, "a");
        Require.shape(q, rows, cols, "q");
        Require.shape(r, cols, cols, "r");
        copy.setTo(a);
        qr.decompose(copy);
        qr.getQ(q, true);
        qr.getR(r, true);
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
}
