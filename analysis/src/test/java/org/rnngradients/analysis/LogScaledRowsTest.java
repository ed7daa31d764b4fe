package org.rnngradients.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rnngradients.analysis.LyapunovSpectrumTest.assertMessage;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rnngradients.linalg.RandomMatrices;
import org.rnngradients.linalg.RandomSource;
import org.rnngradients.linalg.Spectra;

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
        assertMessage("n", () -> new LogScaledRows(0));
        assertMessage("r", () -> new LogScaledRows(2).multiplyLeftUpperTriangular(new DMatrixRMaj(3, 3)));
        assertMessage("out", () -> new LogScaledRows(2).logSingularValues(new double[1]));
        assertMessage("i", () -> new LogScaledRows(2).logRowNorm(2));
    }
}
