package org.rnngradients.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnngradients.linalg.Rejections.assertMessage;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class LogSpaceTest {

    @Test
    void logNormOfThreeFourIsLnFive() {
        assertEquals(Math.log(5), LogSpace.logNorm(TestMatrices.column(3, -4)), 1e-15);
    }

    @Test
    void logNormOfAMatrixIsTheLogOfItsFrobeniusNorm() {
        assertEquals(Math.log(5), LogSpace.logNorm(TestMatrices.of(new double[][] {{1, 2}, {-2, 4}})), 1e-15);
    }

    @Test
    void logNormIsExactWhereTheSquaredNormOverflowsOrUnderflows() {
        // (3e300)² and (3e-300)² are not representable; the scaled sum is. Logs near ±700 have an ulp
        // of 1.1e-13, so the tolerance is 1e-12.
        assertEquals(Math.log(5e300), LogSpace.logNorm(TestMatrices.column(3e300, 4e300)), 1e-12);
        assertEquals(Math.log(5e-300), LogSpace.logNorm(TestMatrices.column(3e-300, 4e-300)), 1e-12);
        assertEquals(Math.log(Double.MAX_VALUE) + 0.5 * Math.log(2),
                LogSpace.logNorm(TestMatrices.column(Double.MAX_VALUE, -Double.MAX_VALUE)), 1e-12);
        assertEquals(Math.log(Double.MIN_VALUE), LogSpace.logNorm(TestMatrices.column(0, Double.MIN_VALUE)), 1e-12);
    }

    @Test
    void logNormOfZeroIsMinusInfinityAndNonFiniteEntriesPropagate() {
        assertEquals(Double.NEGATIVE_INFINITY, LogSpace.logNorm(new DMatrixRMaj(3, 1)));
        assertEquals(Double.POSITIVE_INFINITY, LogSpace.logNorm(TestMatrices.column(1, Double.NEGATIVE_INFINITY)));
        assertTrue(Double.isNaN(LogSpace.logNorm(TestMatrices.column(Double.NaN, 1e308, Double.POSITIVE_INFINITY))));
        assertTrue(Double.isNaN(LogSpace.logNorm(TestMatrices.column(Double.POSITIVE_INFINITY, Double.NaN))));
    }

    @Test
    void normaliseScalesToUnitNormAndReturnsTheFormerLogNorm() {
        // 3e-310 is subnormal, stored only to about 1.6e-14 relative, hence the 1e-13 tolerance.
        DMatrixRMaj v = TestMatrices.column(3e-310, -4e-310);
        assertEquals(Math.log(5e-310), LogSpace.normalise(v), 1e-12);
        assertArrayEquals(new double[] {0.6, -0.8}, v.data, 1e-13);
        DMatrixRMaj huge = TestMatrices.column(Double.MAX_VALUE, Double.MAX_VALUE);
        LogSpace.normalise(huge);
        assertArrayEquals(new double[] {Math.sqrt(0.5), Math.sqrt(0.5)}, huge.data, 1e-15);
    }

    @Test
    void normaliseLeavesZeroAndNonFiniteVectorsAsTheyAre() {
        DMatrixRMaj zero = new DMatrixRMaj(2, 1);
        assertEquals(Double.NEGATIVE_INFINITY, LogSpace.normalise(zero));
        assertArrayEquals(new double[2], zero.data);
        DMatrixRMaj inf = TestMatrices.column(Double.POSITIVE_INFINITY, 2);
        assertEquals(Double.POSITIVE_INFINITY, LogSpace.normalise(inf));
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 2}, inf.data);
    }

    @Test
    void repeatedNormalisationCarriesAnExplodingNormInLogSpace() {
        // v ← 10·v for 1000 steps: the plain norm would be 1e1000 = ∞; in log space it is 1000 ln 10.
        // Each addition to a running sum near 2300 rounds by at most ulp(2300)/2 ≈ 2.3e-13, so the
        // total is good to 1000 × 2.3e-13 ≈ 2.3e-10: tolerance 5e-10.
        DMatrixRMaj v = TestMatrices.column(1, 0);
        double log = 0;
        for (int t = 0; t < 1000; t++) {
            v.data[0] *= 10;
            v.data[1] *= 10;
            log += LogSpace.normalise(v);
        }
        assertEquals(1000 * Math.log(10), log, 5e-10);
        assertEquals(1000, LogSpace.toLog10(log), 5e-10);
    }

    @Test
    void logSumExpAddsNumbersHeldAsLogs() {
        assertEquals(Math.log(5), LogSpace.logSumExp(Math.log(2), Math.log(3)), 1e-15);
        assertEquals(1000 + Math.log(2), LogSpace.logSumExp(1000, 1000), 1e-12);
        assertEquals(-800, LogSpace.logSumExp(-800, Double.NEGATIVE_INFINITY));
        assertEquals(Double.NEGATIVE_INFINITY, LogSpace.logSumExp(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY));
        assertEquals(Double.POSITIVE_INFINITY, LogSpace.logSumExp(Double.POSITIVE_INFINITY, 3));
        assertEquals(Math.log(6), LogSpace.logSumExp(new double[] {0, Math.log(2), Math.log(3)}), 1e-15);
        assertEquals(900 + Math.log(3), LogSpace.logSumExp(new double[] {900, 900, 900}), 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, LogSpace.logSumExp(new double[0]));
    }

    @Test
    void normaliseAndLogNormAllocateNothing() {
        DMatrixRMaj v = TestMatrices.uniform(64, 1, 1, 1);
        long bytes = TestMatrices.bytesAllocated(() -> {
            v.data[0] += 1;
            LogSpace.normalise(v);
            LogSpace.logNorm(v);
        }, 10_000);
        assertTrue(bytes < 16_000, "bytes " + bytes);
    }

    @Test
    void arrayRangeFormsAgreeWithTheMatrixForm() {
        double[] data = {7, 3e300, -4e300, 9};
        assertEquals(Math.log(5e300), LogSpace.logNorm(data, 1, 2), 1e-12);
        assertEquals(LogSpace.logNorm(TestMatrices.column(7, 3e300)), LogSpace.logNorm(data, 2), 0);
        double[] tiny = {1, 3e-310, 4e-310};
        assertEquals(Math.log(5e-310), LogSpace.normalise(tiny, 1, 2), 1e-12);
        assertArrayEquals(new double[] {1, 0.6, 0.8}, tiny, 1e-13);
        assertEquals(Double.NEGATIVE_INFINITY, LogSpace.logNorm(new double[3], 3));
        assertTrue(Double.isNaN(LogSpace.logNorm(new double[] {1, Double.NaN}, 2)));
        assertEquals(Math.log(2), LogSpace.logNorm(new double[] {2, Double.NaN}, 1), 0, "only the prefix counts");
    }

    @Test
    void theDirectAndTheScaledSumAgreeAtTheBoundaryBetweenThem() {
        // 2⁻⁴⁵¹ squared is 2⁻⁹⁰², just below where the plain sum of squares is used.
        for (double x : new double[] {0x1p-449, 0x1p-450, 0x1p-451, 0x1p-452}) {
            DMatrixRMaj v = TestMatrices.column(3 * x, 4 * x);
            assertEquals(Math.log(5 * x), LogSpace.logNorm(v), 1e-14 * Math.abs(Math.log(x)));
            assertEquals(Math.log(5 * x), LogSpace.normalise(v), 1e-14 * Math.abs(Math.log(x)));
            assertArrayEquals(new double[] {0.6, 0.8}, v.data, 1e-15);
        }
    }

    @Test
    void badArrayRangesAreRejectedNamingTheArgument() {
        assertMessage(() -> LogSpace.logNorm(null, 1), "data must not be null");
        assertMessage(() -> LogSpace.logNorm(new double[2], 3), "n must be in [1, 2], was 3");
        assertMessage(() -> LogSpace.logNorm(new double[2], 0), "n must be in [1, 2], was 0");
        assertMessage(() -> LogSpace.logNorm(new double[4], 3, 2), "offset must be in [0, 2]", "was 3");
        assertMessage(() -> LogSpace.normalise(new double[4], -1, 2), "offset", "was -1");
        assertMessage(() -> LogSpace.normalise(new double[4], 0, 0), "length must be > 0, was 0");
    }

    @Test
    void badInputIsRejectedNamingTheArgument() {
        assertMessage(() -> LogSpace.logNorm(null), "v must not be null");
        assertMessage(() -> LogSpace.normalise(new DMatrixRMaj(0, 1)), "v", "0x1");
        assertMessage(() -> LogSpace.logSumExp(Double.NaN, 1), "a", "NaN");
        assertMessage(() -> LogSpace.logSumExp(new double[] {1, Double.NaN}), "values[1]", "NaN");
        assertMessage(() -> LogSpace.logSumExp(null), "values must not be null");
    }
}
