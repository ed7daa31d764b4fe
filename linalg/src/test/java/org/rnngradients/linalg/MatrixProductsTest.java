package org.rnngradients.linalg;

import org.rnngradients.linalg.internal.Require;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnngradients.linalg.Rejections.assertMessage;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * GEMM on both kernels. Agreement bound: any order of summing the k products of an entry gives
 * |fl(c_ij) − c_ij| ≤ γ_k (|op(A)|·|op(B)|)_ij with γ_k = ku/(1 − ku); the scaling by α and the update
 * β·c add two more roundings. Two backends each within that bound of the exact result are within
 * 2(k + 3)u(|α|(|op(A)||op(B)|)_ij + |β||c_ij|) of each other, entry by entry: the tolerance used here.
 */
class MatrixProductsTest {
    /** m, k, n: scalars, vectors, thin and square shapes up to 300 × 300. */
    private static final int[][] SHAPES = {
        {1, 1, 1}, {1, 7, 1}, {7, 1, 7}, {2, 3, 4}, {6, 6, 6}, {16, 16, 1}, {1, 300, 1}, {300, 1, 300},
        {33, 17, 65}, {64, 64, 64}, {1000, 10, 3}, {10, 1000, 10}, {300, 300, 300},
    };
    private static final boolean[] FLAGS = {false, true};

    private static DMatrixRMaj operand(int rows, int cols, boolean transposed, long seed) {
        return transposed ? TestMatrices.uniform(cols, rows, 1, seed) : TestMatrices.uniform(rows, cols, 1, seed);
    }

    private static DMatrixRMaj abs(DMatrixRMaj m) {
        DMatrixRMaj out = m.copy();
        for (int i = 0; i < out.getNumElements(); i++) {
            out.data[i] = Math.abs(out.data[i]);
        }
        return out;
    }

    /** Asserts the entrywise bound of the class comment between two results of the same product. */
    static void assertWithinGemmBound(DMatrixRMaj expected, DMatrixRMaj actual, double alpha, DMatrixRMaj a,
                                      boolean ta, DMatrixRMaj b, boolean tb, double beta, DMatrixRMaj c0) {
        int k = ta ? a.numRows : a.numCols;
        DMatrixRMaj bound = new DMatrixRMaj(expected.numRows, expected.numCols);
        new JavaKernels().gemm(Math.abs(alpha), abs(a), ta, abs(b), tb, 0, bound, bound.numRows, bound.numCols, k);
        for (int i = 0; i < bound.getNumElements(); i++) {
            double tolerance = 2 * (k + 3) * Native.U * (bound.data[i] + Math.abs(beta) * Math.abs(c0.data[i]));
            double diff = Math.abs(expected.data[i] - actual.data[i]);
            assertTrue(diff <= tolerance, () -> "entry differs by " + diff + " > " + tolerance);
        }
    }

    @Test
    void nativeAndJavaKernelsAgreeForEveryTransposeCombinationShapeAndBeta() {
        Native.assumeLoaded();
        JavaKernels java = new JavaKernels();
        long seed = 1;
        for (int[] s : SHAPES) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            for (boolean ta : FLAGS) {
                for (boolean tb : FLAGS) {
                    DMatrixRMaj a = operand(m, k, ta, seed++);
                    DMatrixRMaj b = operand(k, n, tb, seed++);
                    DMatrixRMaj c0 = TestMatrices.uniform(m, n, 1, seed++);
                    for (double beta : new double[] {0, 1, -0.75}) {
                        DMatrixRMaj viaJava = c0.copy();
                        DMatrixRMaj viaNative = c0.copy();
                        java.gemm(-1.25, a, ta, b, tb, beta, viaJava, m, n, k);
                        NativeKernels.dgemm(-1.25, a, ta, b, tb, beta, viaNative, m, n, k);
                        assertWithinGemmBound(viaJava, viaNative, -1.25, a, ta, b, tb, beta, c0);
                    }
                }
            }
        }
    }

    @Test
    void gemmOnTheSelectedBackendIsTheProductForEveryShape() {
        long seed = 100;
        for (int[] s : SHAPES) {
            DMatrixRMaj a = TestMatrices.uniform(s[0], s[1], 1, seed++);
            DMatrixRMaj b = TestMatrices.uniform(s[1], s[2], 1, seed++);
            DMatrixRMaj expected = CommonOps_DDRM.mult(a, b, null);
            DMatrixRMaj c0 = new DMatrixRMaj(s[0], s[2]);
            assertWithinGemmBound(expected, MatrixProducts.mult(a, b, null), 1, a, false, b, false, 0, c0);
        }
    }

    @Test
    void betaZeroIgnoresNaNInTheOutputOnBothKernels() {
        for (int[] s : new int[][] {{2, 2, 2}, {64, 64, 64}}) {
            DMatrixRMaj a = TestMatrices.uniform(s[0], s[1], 1, 3);
            DMatrixRMaj b = TestMatrices.uniform(s[1], s[2], 1, 4);
            DMatrixRMaj c = new DMatrixRMaj(s[0], s[2]);
            Arrays.fill(c.data, Double.NaN);
            MatrixProducts.gemm(1, a, false, b, false, 0, c);
            Require.finite(c, "c");
        }
    }

    @Test
    void betaZeroIgnoresWhateverAnEarlierProductLeftInTheNativeStaging() {
        Native.assumeLoaded();
        DMatrixRMaj poisoned = TestMatrices.uniform(32, 32, 1, 5);
        poisoned.data[7] = Double.NaN;
        DMatrixRMaj sink = new DMatrixRMaj(32, 32);
        NativeKernels.dgemm(1, poisoned, false, poisoned, false, 0, sink, 32, 32, 32);
        assertTrue(Double.isNaN(CommonOps_DDRM.elementSum(sink)), "the staged output now holds NaN");
        DMatrixRMaj a = TestMatrices.uniform(32, 32, 1, 6);
        DMatrixRMaj c = new DMatrixRMaj(32, 32);
        NativeKernels.dgemm(1, a, false, a, false, 0, c, 32, 32, 32);
        Require.finite(c, "c");
    }

    @Test
    void alphaZeroAndEmptyInnerDimensionGiveBetaTimesC() {
        DMatrixRMaj a = TestMatrices.uniform(40, 40, 1, 7);
        a.data[0] = Double.NaN;
        DMatrixRMaj c = TestMatrices.uniform(40, 40, 1, 8);
        DMatrixRMaj expected = c.copy();
        CommonOps_DDRM.scale(0.5, expected);
        assertArrayEquals(expected.data, MatrixProducts.gemm(0, a, false, a, false, 0.5, c).data, 0);
        DMatrixRMaj empty = MatrixProducts.gemm(1, new DMatrixRMaj(3, 0), false, new DMatrixRMaj(0, 2), false, 0,
                TestMatrices.of(new double[][] {{Double.NaN, 1}, {2, 3}, {4, 5}}));
        assertArrayEquals(new double[6], empty.data, 0);
        assertEquals(0, MatrixProducts.mult(new DMatrixRMaj(0, 3), new DMatrixRMaj(3, 4), null).getNumElements());
    }

    @Test
    void theConvenienceFormsAreTheirGemm() {
        DMatrixRMaj a = TestMatrices.uniform(20, 20, 1, 9);
        DMatrixRMaj b = TestMatrices.uniform(20, 20, 1, 10);
        DMatrixRMaj c = TestMatrices.uniform(20, 20, 1, 11);
        assertArrayEquals(MatrixProducts.gemm(1, a, true, b, false, 0, null).data, MatrixProducts.multTransA(a, b, null).data, 0);
        assertArrayEquals(MatrixProducts.gemm(1, a, false, b, true, 0, null).data, MatrixProducts.multTransB(a, b, null).data, 0);
        DMatrixRMaj sum = c.copy();
        assertSame(sum, MatrixProducts.multAdd(a, b, sum));
        assertArrayEquals(MatrixProducts.gemm(1, a, false, b, false, 1, c.copy()).data, sum.data, 0);
        assertArrayEquals(MatrixProducts.gemm(1, a, true, b, false, 1, c.copy()).data,
                MatrixProducts.multAddTransA(a, b, c.copy()).data, 0);
        assertArrayEquals(MatrixProducts.gemm(1, a, false, b, true, 1, c.copy()).data,
                MatrixProducts.multAddTransB(a, b, c.copy()).data, 0);
    }

    @Test
    void theSameCallTwiceGivesIdenticalBitsOnEachKernelWithOneAndTwoThreads() {
        DMatrixRMaj a = TestMatrices.uniform(300, 300, 1, 12);
        DMatrixRMaj b = TestMatrices.uniform(300, 300, 1, 13);
        Runnable check = () -> {
            DMatrixRMaj first = new DMatrixRMaj(300, 300);
            DMatrixRMaj second = new DMatrixRMaj(300, 300);
            NativeKernels.dgemm(1, a, false, b, true, 0, first, 300, 300, 300);
            NativeKernels.dgemm(1, a, false, b, true, 0, second, 300, 300, 300);
            assertArrayEquals(first.data, second.data, 0);
        };
        for (int threads : new int[] {1, 2}) {
            Native.withThreads(threads, () -> {
                assertEquals(threads, OpenBlas.threads());
                check.run();
            });
        }
        DMatrixRMaj first = new DMatrixRMaj(300, 300);
        new JavaKernels().gemm(1, a, false, b, true, 0, first, 300, 300, 300);
        DMatrixRMaj second = new DMatrixRMaj(300, 300);
        new JavaKernels().gemm(1, a, false, b, true, 0, second, 300, 300, 300);
        assertArrayEquals(first.data, second.data, 0);
    }

    @Test
    void badInputIsRejectedNamingTheArgument() {
        DMatrixRMaj a = new DMatrixRMaj(2, 3);
        DMatrixRMaj b = new DMatrixRMaj(3, 4);
        assertMessage(() -> MatrixProducts.mult(null, b, null), "a must not be null");
        assertMessage(() -> MatrixProducts.mult(a, null, null), "b must not be null");
        assertMessage(() -> MatrixProducts.gemm(Double.NaN, a, false, b, false, 0, null), "alpha must be finite", "NaN");
        assertMessage(() -> MatrixProducts.gemm(1, a, false, b, false, Double.POSITIVE_INFINITY, new DMatrixRMaj(2, 4)),
                "beta must be finite", "Infinity");
        assertMessage(() -> MatrixProducts.mult(a, a, null), "b must have 3 rows", "2x3");
        assertMessage(() -> MatrixProducts.multTransB(a, b, null), "b must have 3 rows", "(transposed)");
        assertMessage(() -> MatrixProducts.mult(a, b, new DMatrixRMaj(4, 2)), "c must be 2x4, was 4x2");
        assertMessage(() -> MatrixProducts.multAdd(a, b, null), "c must not be null");
        DMatrixRMaj square = new DMatrixRMaj(3, 3);
        assertMessage(() -> MatrixProducts.mult(square, square, square), "c must not share its storage with a");
        DMatrixRMaj other = new DMatrixRMaj(3, 3);
        DMatrixRMaj view = DMatrixRMaj.wrap(3, 3, other.data);
        assertMessage(() -> MatrixProducts.mult(square, other, view), "c must not share its storage with b");
    }
}
