package org.rnngradients.docs;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
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

    /** Runs T − 1 steps from h₁; accumulates J_T ⋯ J_2 in {@code book} and the text's product in {@code text}. */
    private static DMatrixRMaj run(DMatrixRMaj w, DMatrixRMaj[] x, DMatrixRMaj h1, DMatrixRMaj book, DMatrixRMaj text) {
        int n = w.numRows;
        DMatrixRMaj h = h1.copy();
        DMatrixRMaj z = new DMatrixRMaj(n, 1);
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
                    double d = 1 - h.get(r) * h.get(r);
                    for (int c = 0; c < n; c++) {
                        j.unsafe_set(r, c, d * w.unsafe_get(r, c));             // diag(tanh′) W
                    }
                }
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
