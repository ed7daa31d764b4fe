package org.rnngradients.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnngradients.analysis.LyapunovSpectrumTest.assertMessage;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.junit.jupiter.api.Test;

class RankTolerantQrTest {

    private static void assertValidFactorisation(DMatrixRMaj a) {
        DMatrixRMaj q = new DMatrixRMaj(a.numRows, a.numCols);
        DMatrixRMaj r = new DMatrixRMaj(a.numCols, a.numCols);
        new RankTolerantQr(a.numRows, a.numCols).decompose(a, q, r);
        DMatrixRMaj qr = new DMatrixRMaj(a.numRows, a.numCols);
        CommonOps_DDRM.mult(q, r, qr);
        assertTrue(MatrixFeatures_DDRM.isIdentical(a, qr, 1e-14), "QR reproduces A");
        DMatrixRMaj qtq = new DMatrixRMaj(a.numCols, a.numCols);
        CommonOps_DDRM.multTransA(q, q, qtq);
        assertTrue(MatrixFeatures_DDRM.isIdentity(qtq, 1e-14), "Q has orthonormal columns");
        assertTrue(MatrixFeatures_DDRM.isUpperTriangle(r, 0, 0), "R is upper triangular");
        for (int i = 0; i < a.numCols; i++) {
            assertTrue(r.get(i, i) >= 0, "R_ii >= 0");
        }
    }

    @Test
    void rankDeficientMatricesStillFactorWithZeroDiagonal() {
        assertValidFactorisation(new DMatrixRMaj(new double[][] {{0.6, -0.8}, {0, 0}}));
        assertValidFactorisation(new DMatrixRMaj(new double[][] {{0, 1, 0}, {0, 0, 1}, {0, 0, 0}}));
        assertValidFactorisation(new DMatrixRMaj(new double[][] {{1, 2, 3}, {2, 4, 6}, {0, 0, 1}}));
        assertValidFactorisation(new DMatrixRMaj(new double[][] {{-1, 2}, {3, -4}, {5, 6}}));
    }

    @Test
    void lostDirectionHasExponentMinusInfinity() {
        LyapunovResult result = new LyapunovSpectrum(2, 1, 10, 1).compute(new LinearMap(CommonOps_DDRM.diag(2, 0)));
        assertEquals(Math.log(2), result.exponents()[0], 1e-14);
        assertEquals(Double.NEGATIVE_INFINITY, result.exponents()[1]);
    }

    @Test
    void badInputIsRefusedWithNamedErrors() {
        assertMessage("rows", () -> new RankTolerantQr(2, 3));
        assertMessage("a", () -> new RankTolerantQr(2, 2).decompose(new DMatrixRMaj(new double[][] {{Double.NaN, 0}, {0, 1}}),
                new DMatrixRMaj(2, 2), new DMatrixRMaj(2, 2)));
    }
}
