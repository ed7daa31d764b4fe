package org.rnngradients.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** DiagonalProducts against the naive oracle that forms diag(d), over sizes 1..8 and entries U[−2, 2]. */
class DiagonalProductsProperties {

    @Property(tries = 1000)
    void diagTimesAndTimesDiagEqualTheProductWithTheFormedDiagonal(
            @ForAll @IntRange(min = 1, max = 8) int rows, @ForAll @IntRange(min = 1, max = 8) int cols, @ForAll long seed) {
        // Each entry is a single product d_i·w_ij plus exact zeros, so the agreement is exact.
        DMatrixRMaj w = TestMatrices.uniform(rows, cols, 2, seed);
        DMatrixRMaj dRows = TestMatrices.uniform(rows, 1, 2, seed + 1);
        DMatrixRMaj dCols = TestMatrices.uniform(cols, 1, 2, seed + 2);
        DMatrixRMaj expectedLeft = CommonOps_DDRM.mult(TestMatrices.explicitDiag(dRows), w, null);
        DMatrixRMaj expectedRight = CommonOps_DDRM.mult(w, TestMatrices.explicitDiag(dCols), null);
        assertEquals(0, TestMatrices.maxAbsDifference(expectedLeft,
                DiagonalProducts.diagTimes(dRows, w, new DMatrixRMaj(rows, cols))));
        assertEquals(0, TestMatrices.maxAbsDifference(expectedRight,
                DiagonalProducts.timesDiag(w, dCols, new DMatrixRMaj(rows, cols))));
    }

    @Property(tries = 1000)
    void transposeTimesDiagTimesEqualsTheFormedProduct(
            @ForAll @IntRange(min = 1, max = 8) int rows, @ForAll @IntRange(min = 1, max = 8) int cols, @ForAll long seed) {
        // Summation order may differ from EJML's: |error_j| ≤ rows·ε·Σᵢ|w_ij d_i v_i| (tolerance 16ε·that sum).
        DMatrixRMaj w = TestMatrices.uniform(rows, cols, 2, seed);
        DMatrixRMaj d = TestMatrices.uniform(rows, 1, 2, seed + 1);
        DMatrixRMaj v = TestMatrices.uniform(rows, 1, 2, seed + 2);
        DMatrixRMaj dv = CommonOps_DDRM.mult(TestMatrices.explicitDiag(d), v, null);
        DMatrixRMaj expected = CommonOps_DDRM.multTransA(w, dv, null);
        DMatrixRMaj actual = DiagonalProducts.transposeTimesDiagTimes(w, d, v, new DMatrixRMaj(cols, 1));
        for (int j = 0; j < cols; j++) {
            double magnitude = 0;
            for (int i = 0; i < rows; i++) {
                magnitude += Math.abs(w.get(i, j) * dv.get(i, 0));
            }
            assertTrue(Math.abs(expected.get(j, 0) - actual.get(j, 0)) <= 16 * Math.ulp(1.0) * magnitude);
        }
    }

    @Property(tries = 1000)
    void scalingRowsByDAtMostMultipliesTheSpectralNormByMaxAbsD(
            @ForAll @IntRange(min = 1, max = 8) int rows, @ForAll @IntRange(min = 1, max = 8) int cols, @ForAll long seed) {
        // ‖diag(d)W‖₂ ≤ max|d|·‖W‖₂; both norms from a backward-stable SVD, relative slack 1e-12.
        DMatrixRMaj w = TestMatrices.uniform(rows, cols, 2, seed);
        DMatrixRMaj d = TestMatrices.uniform(rows, 1, 2, seed + 1);
        double lhs = Spectra.spectralNorm(DiagonalProducts.diagTimes(d, w, new DMatrixRMaj(rows, cols)));
        double rhs = CommonOps_DDRM.elementMaxAbs(d) * Spectra.spectralNorm(w);
        assertTrue(lhs <= rhs * (1 + 1e-12), lhs + " > " + rhs);
    }
}
