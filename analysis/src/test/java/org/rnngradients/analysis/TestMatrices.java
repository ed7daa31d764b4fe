package org.rnngradients.analysis;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rnngradients.linalg.RandomMatrices;
import org.rnngradients.linalg.RandomSource;

/** Matrices with known spectra for closed-form checks. */
final class TestMatrices {
    private TestMatrices() {
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
        DMatrixRMaj qb = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(q, b, qb);
        DMatrixRMaj out = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(qb, q, out);
        return out;
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
}
