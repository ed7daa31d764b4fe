package org.rnngradients.linalg;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** Helpers shared by the linalg tests: seeded matrices, explicit diagonals, allocation counting. */
final class TestMatrices {
    private TestMatrices() {
    }

    /** A rows × cols matrix with U[−bound, bound] entries drawn from {@code seed}. */
    static DMatrixRMaj uniform(int rows, int cols, double bound, long seed) {
        return RandomMatrices.uniform(new DMatrixRMaj(rows, cols), bound, RandomSource.seeded(seed));
    }

    /** The matrix with the given rows. */
    static DMatrixRMaj of(double[][] rows) {
        return new DMatrixRMaj(rows);
    }

    /** A column vector. */
    static DMatrixRMaj column(double... values) {
        return new DMatrixRMaj(values.length, 1, true, values);
    }

    /** diag(d) formed explicitly, the naive oracle for {@link DiagonalProducts}. */
    static DMatrixRMaj explicitDiag(DMatrixRMaj d) {
        DMatrixRMaj out = new DMatrixRMaj(d.numRows, d.numRows);
        for (int i = 0; i < d.numRows; i++) {
            out.set(i, i, d.get(i, 0));
        }
        return out;
    }

    /**
     * A normal matrix Q·B·Qᵀ with Q Haar-orthogonal and B block diagonal: for each entry of
     * {@code pairModuli} a 2 × 2 block r·rotation(θ) (eigenvalues r·e^{±iθ}), then one 1 × 1 block per
     * entry of {@code realEigenvalues}.
     */
    static DMatrixRMaj normal(double[] pairModuli, double[] realEigenvalues, RandomSource random) {
        int n = 2 * pairModuli.length + realEigenvalues.length;
        DMatrixRMaj b = new DMatrixRMaj(n, n);
        int k = 0;
        for (double r : pairModuli) {
            double theta = random.uniform(0.3, 2.8);
            b.set(k, k, r * Math.cos(theta));
            b.set(k, k + 1, -r * Math.sin(theta));
            b.set(k + 1, k, r * Math.sin(theta));
            b.set(k + 1, k + 1, r * Math.cos(theta));
            k += 2;
        }
        for (double lambda : realEigenvalues) {
            b.set(k, k, lambda);
            k++;
        }
        DMatrixRMaj q = RandomMatrices.orthogonal(new DMatrixRMaj(n, n), random);
        return CommonOps_DDRM.multTransB(CommonOps_DDRM.mult(q, b, null), q, null);
    }

    /** {@code count} n × n matrices with N(0, std²) entries. */
    static List<DMatrixRMaj> gaussianFactors(int n, int count, double std, RandomSource random) {
        List<DMatrixRMaj> out = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            out.add(RandomMatrices.gaussian(new DMatrixRMaj(n, n), std, random));
        }
        return out;
    }

    /** F_m ⋯ F_1 formed explicitly (may overflow; only for short products). */
    static DMatrixRMaj explicitProduct(List<DMatrixRMaj> factors) {
        int n = factors.get(0).numRows;
        DMatrixRMaj p = CommonOps_DDRM.identity(n);
        DMatrixRMaj next = new DMatrixRMaj(n, n);
        for (DMatrixRMaj f : factors) {
            CommonOps_DDRM.mult(f, p, next);
            p.setTo(next);
        }
        return p;
    }

    /** max over entries of |a − b|. */
    static double maxAbsDifference(DMatrixRMaj a, DMatrixRMaj b) {
        double worst = 0;
        for (int k = 0; k < a.getNumElements(); k++) {
            worst = Math.max(worst, Math.abs(a.data[k] - b.data[k]));
        }
        return worst;
    }

    /** Bytes this thread allocates while running {@code action} {@code times} times, after 200 warm-up runs. */
    static long bytesAllocated(Runnable action, int times) {
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        for (int i = 0; i < 200; i++) {
            action.run();
        }
        long before = mx.getThreadAllocatedBytes(id);
        for (int i = 0; i < times; i++) {
            action.run();
        }
        return mx.getThreadAllocatedBytes(id) - before;
    }
}
