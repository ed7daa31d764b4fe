package org.rnngradients.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * The Java backend's loop orders (matrix–vector, rank-one updates, row combinations with a transposed copy of B)
 * against EJML's own products, an independent implementation. Both sum the k products of an entry in some order,
 * so they lie within 2(k + 3)u(|α|(|op(A)||op(B)|)_ij + |β||c_ij|) of each other (see {@link MatrixProductsTest});
 * the bound is computed with EJML, not with the kernel under test.
 */
class JavaKernelsTest {
    /** m, k, n: vectors (n = 1), k of every residue mod 4 (the unrolled loops' tails), thin and square shapes. */
    private static final int[][] SHAPES = {
        {1, 1, 1}, {5, 3, 1}, {128, 512, 1}, {7, 9, 1}, {1, 6, 7}, {300, 1, 300}, {33, 17, 65},
        {2, 1600, 2}, {1600, 32, 128}, {64, 64, 64}, {10, 1000, 10}, {6, 5, 4}, {3, 2, 2},
    };

    private static DMatrixRMaj operand(int rows, int cols, boolean transposed, long seed) {
        return transposed ? TestMatrices.uniform(cols, rows, 1, seed) : TestMatrices.uniform(rows, cols, 1, seed);
    }

    /** α·op(a)·op(b) through EJML's own transpose-aware products. */
    private static DMatrixRMaj ejmlProduct(double alpha, DMatrixRMaj a, boolean ta, DMatrixRMaj b, boolean tb) {
        DMatrixRMaj opA = ta ? CommonOps_DDRM.transpose(a, null) : a;
        DMatrixRMaj opB = tb ? CommonOps_DDRM.transpose(b, null) : b;
        DMatrixRMaj c = new DMatrixRMaj(opA.numRows, opB.numCols);
        CommonOps_DDRM.mult(alpha, opA, opB, c);
        return c;
    }

    private static DMatrixRMaj abs(DMatrixRMaj m) {
        DMatrixRMaj out = m.copy();
        CommonOps_DDRM.abs(out);
        return out;
    }

    @Test
    void everyLoopOrderIsEjmlsProductWithinTheRoundingBound() {
        JavaKernels kernels = new JavaKernels();
        long seed = 40;
        for (int[] s : SHAPES) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            for (boolean ta : new boolean[] {false, true}) {
                for (boolean tb : new boolean[] {false, true}) {
                    DMatrixRMaj a = operand(m, k, ta, seed++);
                    DMatrixRMaj b = operand(k, n, tb, seed++);
                    DMatrixRMaj c0 = TestMatrices.uniform(m, n, 1, seed++);
                    DMatrixRMaj bound = ejmlProduct(0.75, abs(a), ta, abs(b), tb);
                    for (double beta : new double[] {0, 1, -0.5}) {
                        DMatrixRMaj expected = ejmlProduct(-0.75, a, ta, b, tb);
                        CommonOps_DDRM.addEquals(expected, beta, c0);
                        DMatrixRMaj actual = c0.copy();
                        kernels.gemm(-0.75, a, ta, b, tb, beta, actual, m, n, k);
                        for (int i = 0; i < expected.getNumElements(); i++) {
                            double tolerance = 2 * (k + 3) * Native.U * (bound.data[i] + Math.abs(beta * c0.data[i]));
                            double diff = Math.abs(expected.data[i] - actual.data[i]);
                            String where = m + "x" + k + "x" + n + " ta=" + ta + " tb=" + tb + " beta=" + beta;
                            assertTrue(diff <= tolerance, () -> where + ": entry differs by " + diff + " > " + tolerance);
                        }
                    }
                }
            }
        }
    }

    @Test
    void aNaNOperandEntryReachesItsProductEvenWhenMultipliedByZero() {
        JavaKernels kernels = new JavaKernels();
        for (boolean ta : new boolean[] {false, true}) {
            for (int n : new int[] {1, 3}) {
                DMatrixRMaj a = new DMatrixRMaj(5, 5);
                a.set(2, 3, Double.NaN);                 // a_23 meets a zero entry of b: 0·NaN is NaN, not skipped
                DMatrixRMaj b = new DMatrixRMaj(5, n);
                DMatrixRMaj c = new DMatrixRMaj(5, n);
                kernels.gemm(1, a, ta, b, false, 0, c, 5, n, 5);
                int row = ta ? 3 : 2;
                for (int j = 0; j < n; j++) {
                    assertTrue(Double.isNaN(c.get(row, j)), "ta=" + ta + " n=" + n + " column " + j);
                    assertEquals(0.0, c.get(row == 2 ? 1 : 2, j), "rows without the NaN stay exact");
                }
            }
        }
    }

    @Test
    void aSmallerTransposedOperandAfterALargerOneUsesOnlyItsOwnEntries() {
        JavaKernels kernels = new JavaKernels();
        DMatrixRMaj large = TestMatrices.uniform(40, 40, 1, 7);
        kernels.gemm(1, large, false, large, true, 0, new DMatrixRMaj(40, 40), 40, 40, 40);  // grows the workspace
        DMatrixRMaj a = TestMatrices.uniform(3, 2, 1, 8);
        DMatrixRMaj b = TestMatrices.uniform(4, 2, 1, 9);
        DMatrixRMaj c = new DMatrixRMaj(3, 4);
        kernels.gemm(1, a, false, b, true, 0, c, 3, 4, 2);
        DMatrixRMaj expected = ejmlProduct(1, a, false, b, true);
        for (int i = 0; i < c.getNumElements(); i++) {
            assertEquals(expected.data[i], c.data[i], 4 * Native.U * 2);
        }
    }

    @Test
    void warmProductsInEveryLoopOrderAllocateNothing() {
        JavaKernels kernels = new JavaKernels();
        DMatrixRMaj a = TestMatrices.uniform(64, 48, 1, 10);
        DMatrixRMaj b = TestMatrices.uniform(48, 32, 1, 11);
        DMatrixRMaj bt = TestMatrices.uniform(32, 48, 1, 12);
        DMatrixRMaj x = TestMatrices.uniform(48, 1, 1, 13);
        DMatrixRMaj y = TestMatrices.uniform(64, 1, 1, 14);
        DMatrixRMaj c = new DMatrixRMaj(64, 32);
        DMatrixRMaj atc = new DMatrixRMaj(48, 32);
        DMatrixRMaj ax = new DMatrixRMaj(64, 1);
        DMatrixRMaj aty = new DMatrixRMaj(48, 1);
        long bytes = TestMatrices.bytesAllocated(() -> {
            kernels.gemm(1, a, false, b, false, 0, c, 64, 32, 48);
            kernels.gemm(1, a, false, bt, true, 1, c, 64, 32, 48);
            kernels.gemm(1, a, true, c, false, 0, atc, 48, 32, 64);
            kernels.gemm(1, a, false, x, false, 0, ax, 64, 1, 48);
            kernels.gemm(1, a, true, y, false, 0, aty, 48, 1, 64);
        }, 2_000);
        assertTrue(bytes < 4_096, "allocated " + bytes + " bytes over 2000 rounds");
    }
}
