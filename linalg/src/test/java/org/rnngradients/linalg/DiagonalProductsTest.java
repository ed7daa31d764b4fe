package org.rnngradients.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnngradients.linalg.Rejections.assertMessage;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class DiagonalProductsTest {
    private static final DMatrixRMaj W = TestMatrices.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
    private static final DMatrixRMaj D_ROWS = TestMatrices.column(2, -1);
    private static final DMatrixRMaj D_COLS = TestMatrices.column(1, 0, -2);

    @Test
    void diagTimesScalesEachRow() {
        DMatrixRMaj out = DiagonalProducts.diagTimes(D_ROWS, W, new DMatrixRMaj(2, 3));
        assertArrayEquals(new double[] {2, 4, 6, -4, -5, -6}, out.data);
    }

    @Test
    void timesDiagScalesEachColumn() {
        DMatrixRMaj out = DiagonalProducts.timesDiag(W, D_COLS, new DMatrixRMaj(2, 3));
        assertArrayEquals(new double[] {1, 0, -6, 4, 0, -12}, out.data);
    }

    @Test
    void transposeTimesDiagTimesIsTheBackwardStepThroughDiagTimesW() {
        // Wᵀ (d ⊙ v) with d = (2, −1), v = (1, 3): d ⊙ v = (2, −3), Wᵀ(2, −3) = (2−12, 4−15, 6−18).
        DMatrixRMaj out = DiagonalProducts.transposeTimesDiagTimes(W, D_ROWS, TestMatrices.column(1, 3), new DMatrixRMaj(3, 1));
        assertArrayEquals(new double[] {-10, -11, -12}, out.data);
    }

    @Test
    void outputMayBeTheWeightMatrixItself() {
        DMatrixRMaj w = W.copy();
        DiagonalProducts.diagTimes(D_ROWS, w, w);
        assertArrayEquals(new double[] {2, 4, 6, -4, -5, -6}, w.data);
        DMatrixRMaj w2 = W.copy();
        DiagonalProducts.timesDiag(w2, D_COLS, w2);
        assertArrayEquals(new double[] {1, 0, -6, 4, 0, -12}, w2.data);
    }

    @Test
    void nonFiniteEntriesPropagateAsIfTheDiagonalWereFormed() {
        // 0·∞ = NaN: an overflowed adjoint must show up in the result, not be skipped.
        DMatrixRMaj v = TestMatrices.column(Double.POSITIVE_INFINITY, 1);
        DMatrixRMaj d = TestMatrices.column(0, 1);
        DMatrixRMaj out = DiagonalProducts.transposeTimesDiagTimes(W, d, v, new DMatrixRMaj(3, 1));
        assertTrue(Double.isNaN(out.get(0, 0)));
        DMatrixRMaj overflow = DiagonalProducts.diagTimes(TestMatrices.column(1e300, 1), TestMatrices.of(new double[][] {{1e10}, {1}}),
                new DMatrixRMaj(2, 1));
        assertEquals(Double.POSITIVE_INFINITY, overflow.get(0, 0));
    }

    @Test
    void productsAllocateNothing() {
        DMatrixRMaj w = TestMatrices.uniform(16, 16, 1, 2);
        DMatrixRMaj d = TestMatrices.uniform(16, 1, 1, 3);
        DMatrixRMaj v = TestMatrices.uniform(16, 1, 1, 4);
        DMatrixRMaj j = new DMatrixRMaj(16, 16);
        DMatrixRMaj out = new DMatrixRMaj(16, 1);
        long bytes = TestMatrices.bytesAllocated(() -> {
            DiagonalProducts.diagTimes(d, w, j);
            DiagonalProducts.timesDiag(w, d, j);
            DiagonalProducts.transposeTimesDiagTimes(w, d, v, out);
        }, 10_000);
        assertTrue(bytes < 16_000, "bytes " + bytes);
    }

    @Test
    void mismatchedShapesNullsAndAliasesAreRejectedNamingTheArgument() {
        DMatrixRMaj out23 = new DMatrixRMaj(2, 3);
        assertMessage(() -> DiagonalProducts.diagTimes(D_COLS, W, out23), "d must be 2x1, was 3x1");
        assertMessage(() -> DiagonalProducts.diagTimes(D_ROWS, null, out23), "w must not be null");
        assertMessage(() -> DiagonalProducts.diagTimes(D_ROWS, W, new DMatrixRMaj(3, 2)), "out must be 2x3, was 3x2");
        assertMessage(() -> DiagonalProducts.timesDiag(W, D_ROWS, out23), "d must be 3x1, was 2x1");
        assertMessage(() -> DiagonalProducts.timesDiag(W, D_COLS, null), "out must not be null");
        DMatrixRMaj v = TestMatrices.column(1, 2);
        assertMessage(() -> DiagonalProducts.transposeTimesDiagTimes(W, D_ROWS, TestMatrices.column(1, 2, 3), new DMatrixRMaj(3, 1)),
                "v must be 2x1, was 3x1");
        assertMessage(() -> DiagonalProducts.transposeTimesDiagTimes(W, D_ROWS, v, new DMatrixRMaj(2, 1)), "out must be 3x1, was 2x1");
        DMatrixRMaj square = TestMatrices.uniform(2, 2, 1, 1);
        DMatrixRMaj vector = TestMatrices.column(1, 2);
        assertMessage(() -> DiagonalProducts.transposeTimesDiagTimes(square, D_ROWS, vector, vector), "out must not alias", "v");
    }

    @Test
    void aGivenOutputsPreviousContentIsIgnored() {
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}});
        DMatrixRMaj d = new DMatrixRMaj(new double[][] {{2}, {-1}});
        DMatrixRMaj v = new DMatrixRMaj(new double[][] {{1}, {1}});
        DMatrixRMaj out = new DMatrixRMaj(new double[][] {{Double.NaN}, {7}});
        DiagonalProducts.transposeTimesDiagTimes(w, d, v, out);
        assertEquals(2 * 1 - 3, out.get(0), 0);
        assertEquals(2 * 2 - 4, out.get(1), 0);
    }
}
