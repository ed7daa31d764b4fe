package org.rnngradients.linalg;

import org.rnngradients.linalg.internal.Require;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Products with a diagonal matrix diag(d) that never form it: the step Jacobian
 * J = diag(φ′(z)) W and its transpose product Jᵀ v = Wᵀ (d ⊙ v). Outputs are written into a
 * caller-supplied matrix, so per-step loops allocate nothing.
 *
 * <p>Shapes, nulls and aliasing are checked. Entries are not: NaN and ±∞ propagate by IEEE rules,
 * exactly as if diag(d) had been formed, because an adjoint that overflows is a result the
 * experiments must be able to observe (and clip or rescue), not a usage error.
 */
public final class DiagonalProducts {
    private DiagonalProducts() {
    }

    /** out = diag(d)·W, i.e. row i of W scaled by d_i. {@code out} may be {@code w}. */
    public static DMatrixRMaj diagTimes(DMatrixRMaj d, DMatrixRMaj w, DMatrixRMaj out) {
        Require.nonNull(w, "w");
        Require.columnVector(d, w.numRows, "d");
        Require.shape(out, w.numRows, w.numCols, "out");
        return scaleRows(d, w, out);
    }

    // tag::diag-times[]
    /** EJML's in-place row scaling on a copy of W. */
    private static DMatrixRMaj scaleRows(DMatrixRMaj d, DMatrixRMaj w, DMatrixRMaj out) {
        out.setTo(w);
        CommonOps_DDRM.multRows(d.data, out);
        return out;
    }
    // end::diag-times[]

    /** out = W·diag(d), i.e. column j of W scaled by d_j. {@code out} may be {@code w}. */
    public static DMatrixRMaj timesDiag(DMatrixRMaj w, DMatrixRMaj d, DMatrixRMaj out) {
        Require.nonNull(w, "w");
        Require.columnVector(d, w.numCols, "d");
        Require.shape(out, w.numRows, w.numCols, "out");
        int cols = w.numCols;
        for (int i = 0; i < w.numRows; i++) {
            int row = i * cols;
            for (int j = 0; j < cols; j++) {
                out.data[row + j] = w.data[row + j] * d.data[j];
            }
        }
        return out;
    }

    /**
     * out = Wᵀ·diag(d)·v = Wᵀ (d ⊙ v), the backward step δ ↦ Jᵀδ through J = diag(d)·W.
     * {@code out} must not alias {@code d}, {@code v} or {@code w}.
     */
    public static DMatrixRMaj transposeTimesDiagTimes(DMatrixRMaj w, DMatrixRMaj d, DMatrixRMaj v, DMatrixRMaj out) {
        Require.nonNull(w, "w");
        Require.columnVector(d, w.numRows, "d");
        Require.columnVector(v, w.numRows, "v");
        Require.columnVector(out, w.numCols, "out");
        if (out == v || out == d || out == w) {
            throw new IllegalArgumentException("out must not alias w, d or v, was the same object as "
                    + (out == v ? "v" : out == d ? "d" : "w"));
        }
        return transposeTimesScaled(w, d, v, out);
    }

    // tag::transpose-diag-times[]
    private static DMatrixRMaj transposeTimesScaled(DMatrixRMaj w, DMatrixRMaj d, DMatrixRMaj v, DMatrixRMaj out) {
        int cols = w.numCols;
        Arrays.fill(out.data, 0, cols, 0.0);
        for (int i = 0; i < w.numRows; i++) {
            double s = d.data[i] * v.data[i];
            int row = i * cols;
            for (int j = 0; j < cols; j++) {
                out.data[j] += w.data[row + j] * s;
            }
        }
        return out;
    }
    // end::transpose-diag-times[]
}
