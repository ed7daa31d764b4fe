package org.rnngradients.cells;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** Allocation-free vector kernels shared by the cells (shapes are checked by the callers). */
final class VectorOps {
    private VectorOps() {
    }

    /** out = W·x + b. */
    static void affine(DMatrixRMaj w, DMatrixRMaj x, DMatrixRMaj b, DMatrixRMaj out) {
        CommonOps_DDRM.mult(w, x, out);
        CommonOps_DDRM.addEquals(out, b);
    }

    /** W += a·bᵀ (a rank-one update: the gradient of W·b with respect to W, weighted by a). */
    static void addOuter(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj w) {
        int cols = w.numCols;
        for (int i = 0; i < w.numRows; i++) {
            double ai = a.data[i];
            if (ai == 0) {
                continue;
            }
            int row = i * cols;
            for (int j = 0; j < cols; j++) {
                w.data[row + j] += ai * b.data[j];
            }
        }
    }

    /** out[outRow, j] += s·W[wRow, j] for every column j of W (out may be wider than W). */
    static void addScaledRow(double s, DMatrixRMaj w, int wRow, DMatrixRMaj out, int outRow) {
        int cols = w.numCols;
        int src = wRow * cols;
        int dst = outRow * out.numCols;
        for (int j = 0; j < cols; j++) {
            out.data[dst + j] += s * w.data[src + j];
        }
    }
}
