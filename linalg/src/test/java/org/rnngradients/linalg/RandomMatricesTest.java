package org.rnngradients.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnngradients.linalg.Rejections.assertMessage;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class RandomMatricesTest {

    @Test
    void uniformEntriesStayWithinPlusMinusA() {
        DMatrixRMaj m = RandomMatrices.uniform(new DMatrixRMaj(50, 50), 0.01, RandomSource.seeded(1));
        assertTrue(CommonOps_DDRM.elementMaxAbs(m) <= 0.01);
        assertTrue(CommonOps_DDRM.elementMin(m) < -0.0099 && CommonOps_DDRM.elementMax(m) > 0.0099);
    }

    @Test
    void gaussianEntriesHaveTheRequestedStandardDeviation() {
        // 40 000 entries: the mean square has relative sd √(2/40000) ≈ 0.007; tolerance 5 sd.
        DMatrixRMaj m = RandomMatrices.gaussian(new DMatrixRMaj(200, 200), 3, RandomSource.seeded(2));
        double meanSquare = CommonOps_DDRM.elementSum(CommonOps_DDRM.elementMult(m, m, null)) / 40_000;
        assertEquals(9, meanSquare, 9 * 0.036);
    }

    @Test
    void sameSeedGivesTheSameMatrixAndDifferentSeedsDiffer() {
        DMatrixRMaj a = RandomMatrices.gaussian(4, 3, RandomSource.seeded(5));
        assertArrayEquals(a.data, RandomMatrices.gaussian(4, 3, RandomSource.seeded(5)).data);
        assertFalse(Arrays.equals(a.data, RandomMatrices.gaussian(4, 3, RandomSource.seeded(6)).data));
        DMatrixRMaj q = RandomMatrices.orthogonal(new DMatrixRMaj(5, 5), RandomSource.seeded(5));
        assertArrayEquals(q.data, RandomMatrices.orthogonal(new DMatrixRMaj(5, 5), RandomSource.seeded(5)).data);
    }

    @Test
    void orthogonalFillsTallWithOrthonormalColumnsAndWideWithOrthonormalRows() {
        DMatrixRMaj tall = RandomMatrices.orthogonal(new DMatrixRMaj(7, 3), RandomSource.seeded(3));
        DMatrixRMaj wide = RandomMatrices.orthogonal(new DMatrixRMaj(3, 7), RandomSource.seeded(3));
        assertTrue(TestMatrices.maxAbsDifference(CommonOps_DDRM.multTransA(tall, tall, null), CommonOps_DDRM.identity(3)) < 1e-12);
        assertTrue(TestMatrices.maxAbsDifference(CommonOps_DDRM.multTransB(wide, wide, null), CommonOps_DDRM.identity(3)) < 1e-12);
        DMatrixRMaj one = RandomMatrices.orthogonal(new DMatrixRMaj(1, 1), RandomSource.seeded(3));
        assertEquals(1, Math.abs(one.get(0, 0)), 0);
    }

    @Test
    void badArgumentsAreRejectedNamingThem() {
        RandomSource random = RandomSource.seeded(1);
        assertMessage(() -> RandomMatrices.uniform(null, 1, random), "out must not be null");
        assertMessage(() -> RandomMatrices.uniform(new DMatrixRMaj(2, 2), -1, random), "a", "-1.0");
        assertMessage(() -> RandomMatrices.gaussian(new DMatrixRMaj(2, 2), Double.NaN, random), "std", "NaN");
        assertMessage(() -> RandomMatrices.gaussian(new DMatrixRMaj(2, 2), 1, null), "random must not be null");
        assertMessage(() -> RandomMatrices.gaussian(0, 2, random), "rows", "0");
        assertMessage(() -> RandomMatrices.gaussian(2, -1, random), "cols", "-1");
        assertMessage(() -> RandomMatrices.orthogonal(new DMatrixRMaj(3, 0), random), "out", "3x0");
    }

    @Test
    void aSquareOrthogonalMatrixIsTheQOfAGaussianMatrixFromTheSameDraws() {
        DMatrixRMaj q = RandomMatrices.orthogonal(new DMatrixRMaj(3, 3), RandomSource.seeded(11));
        DMatrixRMaj g = RandomMatrices.gaussian(3, 3, RandomSource.seeded(11));
        DMatrixRMaj expected = new DMatrixRMaj(3, 3);
        new PositiveQr(3, 3).decompose(g, expected, new DMatrixRMaj(3, 3));
        assertEquals(0, TestMatrices.maxAbsDifference(expected, q), 0);
    }
}
