package org.rnngradients.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnngradients.linalg.Rejections.assertMessage;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.junit.jupiter.api.Test;

class PositiveQrTest {

    @Test
    void qrOfAKnownMatrixHasPositiveDiagonal() {
        // A = [[0, −2], [−3, 0]]: columns have norms 3 and 2, so R = diag(3, 2), Q = [[0, −1], [−1, 0]].
        DMatrixRMaj a = TestMatrices.of(new double[][] {{0, -2}, {-3, 0}});
        DMatrixRMaj q = new DMatrixRMaj(2, 2);
        DMatrixRMaj r = new DMatrixRMaj(2, 2);
        new PositiveQr(2, 2).decompose(a, q, r);
        assertArrayEquals(new double[] {3, 0, 0, 2}, r.data, 1e-15);
        assertArrayEquals(new double[] {0, -1, -1, 0}, q.data, 1e-15);
    }

    @Test
    void qrOfAnUpperTriangularMatrixWithPositiveDiagonalIsItself() {
        DMatrixRMaj a = TestMatrices.of(new double[][] {{2, 1, -1}, {0, 3, 4}, {0, 0, 0.5}});
        DMatrixRMaj q = new DMatrixRMaj(3, 3);
        DMatrixRMaj r = new DMatrixRMaj(3, 3);
        new PositiveQr(3, 3).decompose(a, q, r);
        assertTrue(TestMatrices.maxAbsDifference(r, a) < 1e-14);
        assertTrue(TestMatrices.maxAbsDifference(q, CommonOps_DDRM.identity(3)) < 1e-15);
    }

    @Test
    void thinQrOfATallMatrixReconstructsItWithOrthonormalColumns() {
        DMatrixRMaj a = TestMatrices.uniform(9, 4, 1, 3);
        DMatrixRMaj q = new DMatrixRMaj(9, 4);
        DMatrixRMaj r = new DMatrixRMaj(4, 4);
        new PositiveQr(9, 4).decompose(a, q, r);
        assertTrue(TestMatrices.maxAbsDifference(CommonOps_DDRM.mult(q, r, null), a) < 1e-14);
        DMatrixRMaj qtq = CommonOps_DDRM.multTransA(q, q, null);
        assertTrue(TestMatrices.maxAbsDifference(qtq, CommonOps_DDRM.identity(4)) < 1e-14);
    }

    @Test
    void qMayOverwriteTheInputAsInBenettinsReorthonormalisation() {
        DMatrixRMaj a = TestMatrices.uniform(5, 3, 1, 4);
        DMatrixRMaj expectedQ = new DMatrixRMaj(5, 3);
        DMatrixRMaj r = new DMatrixRMaj(3, 3);
        PositiveQr qr = new PositiveQr(5, 3);
        qr.decompose(a, expectedQ, r);
        qr.decompose(a, a, r);
        assertArrayEquals(expectedQ.data, a.data);
    }

    @Test
    void accumulateLogDiagonalAddsLnRii() {
        DMatrixRMaj r = TestMatrices.of(new double[][] {{Math.E, 5}, {0, 0.5}});
        double[] sums = {1, 1};
        PositiveQr.accumulateLogDiagonal(r, sums);
        assertArrayEquals(new double[] {2, 1 - Math.log(2)}, sums, 1e-15);
        double[] first = {0};
        PositiveQr.accumulateLogDiagonal(r, first);
        assertEquals(1, first[0], 1e-15);
    }

    @Test
    void decomposeAllocatesNothingAfterConstruction() {
        // Any per-call object costs ≥ 16 bytes (≥ 160 000 bytes over 10 000 calls).
        DMatrixRMaj a = TestMatrices.uniform(8, 5, 1, 5);
        DMatrixRMaj q = new DMatrixRMaj(8, 5);
        DMatrixRMaj r = new DMatrixRMaj(5, 5);
        double[] sums = new double[5];
        PositiveQr qr = new PositiveQr(8, 5);
        long bytes = TestMatrices.bytesAllocated(() -> {
            qr.decompose(a, q, r);
            PositiveQr.accumulateLogDiagonal(r, sums);
        }, 10_000);
        assertTrue(bytes < 16_000, "bytes " + bytes);
    }

    @Test
    void badInputIsRejectedNamingTheArgumentAndValue() {
        assertMessage(() -> new PositiveQr(2, 3), "rows must be >= cols", "rows=2", "cols=3");
        assertMessage(() -> new PositiveQr(0, 0), "rows", "0");
        PositiveQr qr = new PositiveQr(3, 2);
        DMatrixRMaj q = new DMatrixRMaj(3, 2);
        DMatrixRMaj r = new DMatrixRMaj(2, 2);
        assertMessage(() -> qr.decompose(null, q, r), "a must not be null");
        assertMessage(() -> qr.decompose(new DMatrixRMaj(2, 3), q, r), "a must be 3x2, was 2x3");
        assertMessage(() -> qr.decompose(new DMatrixRMaj(3, 2), new DMatrixRMaj(3, 3), r), "q must be 3x2, was 3x3");
        assertMessage(() -> qr.decompose(new DMatrixRMaj(3, 2), q, new DMatrixRMaj(3, 2)), "r must be 2x2, was 3x2");
        DMatrixRMaj inf = new DMatrixRMaj(3, 2);
        inf.set(2, 1, Double.NEGATIVE_INFINITY);
        assertMessage(() -> qr.decompose(inf, q, r), "a", "(2, 1)", "-Infinity");
        PositiveQr square = new PositiveQr(2, 2);
        DMatrixRMaj both = new DMatrixRMaj(2, 2);
        assertMessage(() -> square.decompose(TestMatrices.uniform(2, 2, 1, 1), both, both), "q and r");
        assertMessage(() -> PositiveQr.accumulateLogDiagonal(new DMatrixRMaj(2, 2), new double[3]), "sums", "3");
        assertMessage(() -> PositiveQr.accumulateLogDiagonal(new DMatrixRMaj(2, 3), new double[1]), "r must be square");
        double[] untouched = {1, 1};
        assertMessage(() -> PositiveQr.accumulateLogDiagonal(CommonOps_DDRM.diag(2, -0.5), untouched),
                "r must have a non-negative diagonal", "(1, 1)", "-0.5");
        assertArrayEquals(new double[] {1, 1}, untouched, 0.0, "a rejected call changes no sum");
        assertMessage(() -> PositiveQr.accumulateLogDiagonal(CommonOps_DDRM.diag(Double.NaN, 1), new double[1]),
                "(0, 0)", "NaN");
    }

    @Test
    void rankDeficientMatricesStillFactorWithZeroDiagonal() {
        double[][][] cases = {
            {{0.6, -0.8}, {0, 0}},
            {{0, 1, 0}, {0, 0, 1}, {0, 0, 0}},
            {{1, 2, 3}, {2, 4, 6}, {0, 0, 1}},
            {{-1, 2}, {3, -4}, {5, 6}},
        };
        for (double[][] entries : cases) {
            DMatrixRMaj a = new DMatrixRMaj(entries);
            DMatrixRMaj q = new DMatrixRMaj(a.numRows, a.numCols);
            DMatrixRMaj r = new DMatrixRMaj(a.numCols, a.numCols);
            new PositiveQr(a.numRows, a.numCols).decompose(a, q, r);
            DMatrixRMaj product = new DMatrixRMaj(a.numRows, a.numCols);
            CommonOps_DDRM.mult(q, r, product);
            assertTrue(MatrixFeatures_DDRM.isIdentical(a, product, 1e-14), "QR reproduces A");
            DMatrixRMaj qtq = new DMatrixRMaj(a.numCols, a.numCols);
            CommonOps_DDRM.multTransA(q, q, qtq);
            assertTrue(MatrixFeatures_DDRM.isIdentity(qtq, 1e-14), "Q has orthonormal columns");
            assertTrue(MatrixFeatures_DDRM.isUpperTriangle(r, 0, 0), "R is upper triangular");
            for (int i = 0; i < a.numCols; i++) {
                assertTrue(r.get(i, i) >= 0, "R_ii >= 0");
            }
        }
    }

    @Test
    void aZeroDiagonalEntryAddsMinusInfinityAndTheWorkspaceKnowsItsShape() {
        double[] sums = {1, 1};
        PositiveQr.accumulateLogDiagonal(new DMatrixRMaj(new double[][] {{Math.E, 1}, {0, 0}}), sums);
        assertEquals(2, sums[0], 1e-15);
        assertEquals(Double.NEGATIVE_INFINITY, sums[1]);
        PositiveQr qr = new PositiveQr(5, 3);
        assertEquals(5, qr.rows());
        assertEquals(3, qr.cols());
    }
}
