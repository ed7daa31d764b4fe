package org.rnngradients.linalg;

import org.rnngradients.linalg.internal.Require;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Seeded random matrices; every entry comes from the given {@link RandomSource}, drawn in row-major
 * order, so the same seed gives the same matrix bit for bit.
 */
public final class RandomMatrices {
    private RandomMatrices() {
    }

    /** Fills {@code out} with independent U[−a, a] entries; returns {@code out}. */
    public static DMatrixRMaj uniform(DMatrixRMaj out, double a, RandomSource random) {
        Require.nonNull(out, "out");
        Require.positive(a, "a");
        Require.nonNull(random, "random");
        for (int k = 0; k < out.getNumElements(); k++) {
            out.data[k] = random.uniform(-a, a);
        }
        return out;
    }

    /** Fills {@code out} with independent N(0, std²) entries; returns {@code out}. */
    public static DMatrixRMaj gaussian(DMatrixRMaj out, double std, RandomSource random) {
        Require.nonNull(out, "out");
        Require.positive(std, "std");
        Require.nonNull(random, "random");
        for (int k = 0; k < out.getNumElements(); k++) {
            out.data[k] = std * random.gaussian();
        }
        return out;
    }

    /** A new {@code rows × cols} matrix of N(0, 1) entries. */
    public static DMatrixRMaj gaussian(int rows, int cols, RandomSource random) {
        Require.positive(rows, "rows");
        Require.positive(cols, "cols");
        Require.elementCount(rows, cols, "rows", "cols");
        return gaussian(new DMatrixRMaj(rows, cols), 1.0, random);
    }

    /**
     * Fills {@code out} with a Haar-distributed matrix with orthonormal columns (rows ≥ cols) or rows
     * (rows &lt; cols): the Q of a Gaussian matrix's QR with diag(R) &gt; 0 (Mezzadri 2007).
     */
    // tag::haar-orthogonal[]
    public static DMatrixRMaj orthogonal(DMatrixRMaj out, RandomSource random) {
        Require.nonEmpty(out, "out");
        Require.nonNull(random, "random");
        boolean tall = out.numRows >= out.numCols;
        int m = tall ? out.numRows : out.numCols;
        int n = tall ? out.numCols : out.numRows;
        DMatrixRMaj g = gaussian(m, n, random);
        DMatrixRMaj q = new DMatrixRMaj(m, n);
        new PositiveQr(m, n).decompose(g, q, new DMatrixRMaj(n, n));
        if (tall) {
            out.setTo(q);
        } else {
            CommonOps_DDRM.transpose(q, out);
        }
        return out;
    }
    // end::haar-orthogonal[]
}
