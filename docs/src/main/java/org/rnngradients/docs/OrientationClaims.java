package org.rnngradients.docs;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rnngradients.linalg.DiagonalProducts;
import org.rnngradients.linalg.FiniteDifferences;
import org.rnngradients.linalg.RandomMatrices;
import org.rnngradients.linalg.RandomSource;
import org.rnngradients.linalg.Spectra;

/**
 * Which orientation of the step Jacobian multiplies into ∂h_T/∂h_1: the book's diag(tanh′) W in the order
 * J_T ⋯ J_2, or text 001's Wᵀ diag(tanh′) in the same order. Both are checked against central finite
 * differences of the map h_1 ↦ h_T of a tanh RNN with fixed inputs.
 */
public final class OrientationClaims {

    private OrientationClaims() {
    }

    /** {max relative error of the book's product, relative norm gap of text 001's product}, against finite differences. */
    public static double[] productErrors(int n, int steps, long seed) {
        RandomSource random = RandomSource.seeded(seed);
        DMatrixRMaj w = RandomMatrices.gaussian(n, n, random);
        CommonOps_DDRM.scale(1.5 / Math.sqrt(n), w);
        DMatrixRMaj[] x = new DMatrixRMaj[steps];
        for (int t = 0; t < steps; t++) {
            x[t] = RandomMatrices.gaussian(n, 1, random);
        }
        DMatrixRMaj h1 = RandomMatrices.gaussian(n, 1, random);
        DMatrixRMaj numeric = FiniteDifferences.jacobian((h, out) -> out.setTo(run(w, x, h, null, null)), h1,
                FiniteDifferences.DEFAULT_STEP, new DMatrixRMaj(n, n));
        DMatrixRMaj book = CommonOps_DDRM.identity(n);
        DMatrixRMaj text = CommonOps_DDRM.identity(n);
        run(w, x, h1, book, text);
        double bookError = FiniteDifferences.maxRelativeError(book, numeric, 1e-8);
        double textGap = Math.abs(Spectra.spectralNorm(text) - Spectra.spectralNorm(numeric)) / Spectra.spectralNorm(numeric);
        return new double[] {bookError, textGap};
    }

    /**
     * The adjoint recursion δ_{t−1} = J_tᵀ δ_t + ∂L_{t−1}/∂h_{t−1} for L = aᵀh_t + bᵀh_{t−1} (one tanh step from
     * h_{t−1}): max relative error of J_tᵀ a + b against the finite-difference gradient of L with respect to h_{t−1}.
     */
    public static double adjointStepError(int n, long seed) {
        RandomSource random = RandomSource.seeded(seed);
        DMatrixRMaj w = RandomMatrices.gaussian(n, n, random);
        CommonOps_DDRM.scale(1.5 / Math.sqrt(n), w);
        DMatrixRMaj[] x = {null, RandomMatrices.gaussian(n, 1, random)};
        DMatrixRMaj a = RandomMatrices.gaussian(n, 1, random);
        DMatrixRMaj b = RandomMatrices.gaussian(n, 1, random);
        DMatrixRMaj previous = RandomMatrices.gaussian(n, 1, random);
        DMatrixRMaj numeric = FiniteDifferences.gradient(h -> CommonOps_DDRM.dot(a, run(w, x, h, null, null))
                + CommonOps_DDRM.dot(b, h), previous, FiniteDifferences.DEFAULT_STEP, new DMatrixRMaj(n, 1));
        DMatrixRMaj j = CommonOps_DDRM.identity(n);
        run(w, x, previous, j, CommonOps_DDRM.identity(n));
        DMatrixRMaj delta = new DMatrixRMaj(n, 1);
        CommonOps_DDRM.multTransA(j, a, delta);
        CommonOps_DDRM.addEquals(delta, b);
        return FiniteDifferences.maxRelativeError(delta, numeric, 1e-8);
    }

    /**
     * The largest ln‖δ_0‖ − ln(‖δ_T‖ ∏‖J_t‖) over random tanh trajectories, with δ_0 = (J_T ⋯ J_1)ᵀ δ_T: at most 0
     * when the vanishing bound ‖∂L/∂h_0‖ ≤ ‖∂L/∂h_T‖ β^T (β the largest step norm) holds.
     */
    public static double worstAdjointBoundExcess(int n, int steps, int trials, long seed) {
        RandomSource random = RandomSource.seeded(seed);
        double worst = Double.NEGATIVE_INFINITY;
        for (int trial = 0; trial < trials; trial++) {
            DMatrixRMaj w = RandomMatrices.gaussian(n, n, random);
            CommonOps_DDRM.scale(random.uniform(0.5, 3.0) / Math.sqrt(n), w);
            DMatrixRMaj h = RandomMatrices.gaussian(n, 1, random);
            DMatrixRMaj delta = RandomMatrices.gaussian(n, 1, random);
            DMatrixRMaj[] js = new DMatrixRMaj[steps];
            DMatrixRMaj z = new DMatrixRMaj(n, 1);
            double logBeta = Double.NEGATIVE_INFINITY;
            for (int t = 0; t < steps; t++) {
                CommonOps_DDRM.mult(w, h, z);
                js[t] = new DMatrixRMaj(n, n);
                for (int i = 0; i < n; i++) {
                    double hi = Math.tanh(z.get(i) + random.gaussian());
                    h.set(i, hi);
                    for (int c = 0; c < n; c++) {
                        js[t].unsafe_set(i, c, (1 - hi * hi) * w.unsafe_get(i, c));
                    }
                }
                logBeta = Math.max(logBeta, Math.log(Spectra.spectralNorm(js[t])));
            }
            double logEnd = Math.log(Math.sqrt(CommonOps_DDRM.dot(delta, delta)));
            DMatrixRMaj next = new DMatrixRMaj(n, 1);
            for (int t = steps - 1; t >= 0; t--) {
                CommonOps_DDRM.multTransA(js[t], delta, next);
                delta.setTo(next);
            }
            worst = Math.max(worst, Math.log(Math.sqrt(CommonOps_DDRM.dot(delta, delta))) - logEnd - steps * logBeta);
        }
        return worst;
    }

    /** Runs T − 1 steps from h₁; accumulates J_T ⋯ J_2 in {@code book} and the text's product in {@code text}. */
    private static DMatrixRMaj run(DMatrixRMaj w, DMatrixRMaj[] x, DMatrixRMaj h1, DMatrixRMaj book, DMatrixRMaj text) {
        int n = w.numRows;
        DMatrixRMaj h = h1.copy();
        DMatrixRMaj z = new DMatrixRMaj(n, 1);
        DMatrixRMaj d = new DMatrixRMaj(n, 1);
        DMatrixRMaj j = new DMatrixRMaj(n, n);
        DMatrixRMaj tmp = new DMatrixRMaj(n, n);
        for (int t = 1; t < x.length; t++) {
            CommonOps_DDRM.mult(w, h, z);
            CommonOps_DDRM.addEquals(z, x[t]);
            for (int i = 0; i < n; i++) {
                h.set(i, Math.tanh(z.get(i)));
            }
            if (book != null) {
                for (int r = 0; r < n; r++) {
                    d.data[r] = 1 - h.get(r) * h.get(r);
                }
                DiagonalProducts.diagTimes(d, w, j);                             // diag(tanh′) W
                CommonOps_DDRM.mult(j, book, tmp);
                book.setTo(tmp);
                CommonOps_DDRM.transpose(j);                                     // Wᵀ diag(tanh′), text 001
                CommonOps_DDRM.mult(j, text, tmp);
                text.setTo(tmp);
            }
        }
        return h;
    }
}
