package org.rnngradients.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rnngradients.linalg.Rejections.assertMessage;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class LogScaledRowsTest {

    @Test
    void singularValuesOfOneTriangularFactorMatchTheSvd() {
        DMatrixRMaj r = RandomMatrices.gaussian(6, 6, RandomSource.seeded(1));
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < i; j++) {
                r.set(i, j, 0);
            }
        }
        LogScaledRows rows = new LogScaledRows(6);
        rows.multiplyLeftUpperTriangular(r);
        double[] expected = Spectra.singularValues(r);
        double[] logSigma = rows.logSingularValues(new double[6]);
        for (int i = 0; i < 6; i++) {
            assertEquals(expected[i], Math.exp(logSigma[i]), 1e-13 * expected[0]);
        }
    }

    @Test
    void gradedPowerFarOutsideDoubleRangeKeepsBothSingularValues() {
        double a = Math.exp(400);
        DMatrixRMaj r = new DMatrixRMaj(new double[][] {{a, a}, {0, 1 / a}});
        LogScaledRows rows = new LogScaledRows(2);
        for (int k = 0; k < 10; k++) {
            rows.multiplyLeftUpperTriangular(r);
        }
        double[] logSigma = rows.logSingularValues(new double[2]);
        // R^10 = [[a^10, ≈ a^10], [0, a^-10]]: σ₁ = a^10·√2 to relative order a^-20, and σ₁σ₂ = det = 1.
        assertEquals(4000 + 0.5 * Math.log(2), logSigma[0], 1e-12 * 4000);
        assertEquals(0, logSigma[0] + logSigma[1], 1e-9);
        assertEquals(4000, rows.logRowNorm(0), 1);
    }

    @Test
    void identityHasZeroLogSingularValues() {
        double[] logSigma = new LogScaledRows(3).logSingularValues(new double[3]);
        for (double s : logSigma) {
            assertEquals(0, s, 0);
        }
    }

    @Test
    void badInputIsRefusedWithNamedErrors() {
        assertMessage(() -> new LogScaledRows(0), "n must be > 0, was 0");
        assertMessage(() -> new LogScaledRows(2).multiplyLeftUpperTriangular(new DMatrixRMaj(3, 3)), "r must be 2x2, was 3x3");
        assertMessage(() -> new LogScaledRows(2).logSingularValues(new double[1]), "out must have length 2, was 1");
        assertMessage(() -> new LogScaledRows(2).logRowNorm(2), "i must be in [0, 1], was 2");
    }

    @Test
    void everyRowKeepsItsOwnLogNormAfterATriangularUpdate() {
        LogScaledRows rows = new LogScaledRows(3);
        assertEquals(3, rows.size());
        DMatrixRMaj r = new DMatrixRMaj(new double[][] {{1, 2, 2}, {0, 2, 5}, {0, 0, -4}});
        rows.multiplyLeftUpperTriangular(r);
        assertEquals(Math.log(3), rows.logRowNorm(0), 1e-15);
        assertEquals(0.5 * Math.log(29), rows.logRowNorm(1), 1e-15);
        assertEquals(Math.log(4), rows.logRowNorm(2), 1e-15);
        rows.setIdentity();
        double[] out = rows.logSingularValues(new double[3]);
        for (double v : out) {
            assertEquals(0, v, 0, "setIdentity clears the previous rows");
        }
    }
}
