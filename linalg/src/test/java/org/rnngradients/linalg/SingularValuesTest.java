package org.rnngradients.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnngradients.linalg.Rejections.assertMessage;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class SingularValuesTest {

    @Test
    void singularValuesOfThreeZeroFourFiveAreRoot45AndRoot5() {
        // AᵀA = [[25, 20], [20, 25]] has eigenvalues 45 and 5.
        double[] s = new SingularValues(2, 2).compute(TestMatrices.of(new double[][] {{3, 0}, {4, 5}}), new double[2]);
        assertArrayEquals(new double[] {Math.sqrt(45), Math.sqrt(5)}, s, 1e-14);
    }

    @Test
    void singularValuesOfTallAndWideMatricesAgreeWithTheirTransposes() {
        DMatrixRMaj tall = TestMatrices.of(new double[][] {{3, 0}, {4, 5}, {0, 0}});
        DMatrixRMaj wide = TestMatrices.of(new double[][] {{3, 4, 0}, {0, 5, 0}});
        assertArrayEquals(new double[] {Math.sqrt(45), Math.sqrt(5)}, new SingularValues(3, 2).compute(tall, new double[2]), 1e-14);
        assertArrayEquals(new double[] {Math.sqrt(45), Math.sqrt(5)}, new SingularValues(2, 3).compute(wide, new double[2]), 1e-14);
    }

    @Test
    void rankOneOuterProductHasOneSingularValueNormUTimesNormV() {
        double[] u = {1, -2, 2};          // ‖u‖ = 3
        double[] v = {3, 0, 4, 0};        // ‖v‖ = 5
        DMatrixRMaj a = new DMatrixRMaj(3, 4);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                a.set(i, j, u[i] * v[j]);
            }
        }
        double[] s = new SingularValues(3, 4).compute(a, new double[3]);
        assertEquals(15, s[0], 15 * 1e-15);
        assertEquals(0, s[1], 15 * 1e-15);
        assertEquals(0, s[2], 15 * 1e-15);
    }

    @Test
    void largestAndSmallestAreTheEndsOfTheSortedValues() {
        DMatrixRMaj a = TestMatrices.uniform(6, 4, 1, 5);
        SingularValues sv = new SingularValues(6, 4);
        double[] s = sv.compute(a, new double[sv.count()]);
        for (int i = 1; i < s.length; i++) {
            assertTrue(s[i - 1] >= s[i], "descending");
        }
        assertEquals(s[0], sv.largest(a));
        assertEquals(s[3], sv.smallest(a));
    }

    @Test
    void theInputIsNotModified() {
        DMatrixRMaj a = TestMatrices.uniform(5, 5, 1, 6);
        DMatrixRMaj before = a.copy();
        new SingularValues(5, 5).largest(a);
        assertArrayEquals(before.data, a.data);
    }

    @Test
    void computeAndLargestAllocateNothingAfterConstruction() {
        // Any per-call object costs ≥ 16 bytes, i.e. ≥ 160 000 bytes over 10 000 calls; the bound
        // leaves room only for one-off JVM events.
        DMatrixRMaj a = TestMatrices.uniform(8, 8, 1, 7);
        DMatrixRMaj wide = TestMatrices.uniform(4, 9, 1, 7);
        SingularValues sv = new SingularValues(8, 8);
        SingularValues svWide = new SingularValues(4, 9);
        double[] out = new double[8];
        assertTrue(TestMatrices.bytesAllocated(() -> sv.compute(a, out), 10_000) < 16_000);
        assertTrue(TestMatrices.bytesAllocated(() -> svWide.largest(wide), 10_000) < 16_000);
    }

    @Test
    void badInputIsRejectedNamingTheArgument() {
        SingularValues sv = new SingularValues(2, 3);
        assertMessage(() -> new SingularValues(0, 3), "rows", "0");
        assertMessage(() -> sv.largest(new DMatrixRMaj(3, 2)), "a must be 2x3, was 3x2");
        DMatrixRMaj nan = new DMatrixRMaj(2, 3);
        nan.set(0, 1, Double.NaN);
        assertMessage(() -> sv.compute(nan, new double[2]), "a must be finite", "(0, 1) was NaN");
        assertMessage(() -> sv.smallest(nan), "a must be finite", "(0, 1) was NaN");
        assertMessage(() -> sv.compute(new DMatrixRMaj(2, 3), new double[3]), "out must have length 2, was 3");
        assertMessage(() -> sv.compute(new DMatrixRMaj(2, 3), null), "out must not be null");
        assertMessage(() -> sv.largest(null), "a must not be null");
    }
}
