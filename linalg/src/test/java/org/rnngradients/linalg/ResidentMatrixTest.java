package org.rnngradients.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.rnngradients.linalg.Rejections.assertMessage;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** A resident left operand: snapshot semantics, agreement with {@link MatrixProducts}, lifecycle, bad input. */
class ResidentMatrixTest {

    @Test
    void productsEqualMatrixProductsWithinTheGemmBoundForBothOrientations() {
        for (int[] s : new int[][] {{1, 1, 1}, {5, 3, 1}, {64, 64, 8}, {256, 256, 1}, {300, 40, 300}}) {
            DMatrixRMaj a = TestMatrices.uniform(s[0], s[1], 1, 1);
            DMatrixRMaj x = TestMatrices.uniform(s[1], s[2], 1, 2);
            DMatrixRMaj y = TestMatrices.uniform(s[0], s[2], 1, 3);
            try (ResidentMatrix w = ResidentMatrix.of(a)) {
                DMatrixRMaj c0 = new DMatrixRMaj(s[0], s[2]);
                MatrixProductsTest.assertWithinGemmBound(MatrixProducts.mult(a, x, null), w.mult(x, null),
                        1, a, false, x, false, 0, c0);
                DMatrixRMaj d0 = TestMatrices.uniform(s[1], s[2], 1, 4);
                MatrixProductsTest.assertWithinGemmBound(MatrixProducts.multAddTransA(a, y, d0.copy()),
                        w.multAddTransA(y, d0.copy()), 1, a, true, y, false, 1, d0);
                MatrixProductsTest.assertWithinGemmBound(MatrixProducts.gemm(-2, a, false, x, false, 0.5, y.copy()),
                        w.gemm(-2, false, x, 0.5, y.copy()), -2, a, false, x, false, 0.5, y);
            }
        }
    }

    @Test
    void nativeAndJavaResidentsAgreeAtEverySize() {
        Native.assumeLoaded();
        for (int[] s : new int[][] {{1, 1, 1}, {3, 7, 2}, {16, 16, 1}, {200, 100, 3}}) {
            DMatrixRMaj a = TestMatrices.uniform(s[0], s[1], 1, 5);
            DMatrixRMaj x = TestMatrices.uniform(s[0], s[2], 1, 6);
            Backend.Resident java = new JavaKernels().resident(a);
            Backend.Resident nat = new NativeResident(a);
            DMatrixRMaj viaJava = new DMatrixRMaj(s[1], s[2]);
            DMatrixRMaj viaNative = new DMatrixRMaj(s[1], s[2]);
            java.gemm(1.5, true, x, 0, viaJava);
            nat.gemm(1.5, true, x, 0, viaNative);
            MatrixProductsTest.assertWithinGemmBound(viaJava, viaNative, 1.5, a, true, x, false, 0, viaJava);
            nat.close();
        }
    }

    @Test
    void laterChangesToTheSourceAreSeenOnlyAfterRefresh() {
        DMatrixRMaj a = TestMatrices.uniform(40, 40, 1, 7);
        DMatrixRMaj x = TestMatrices.uniform(40, 2, 1, 8);
        try (ResidentMatrix w = ResidentMatrix.of(a)) {
            DMatrixRMaj before = w.mult(x, null);
            a.data[0] += 1;
            assertArrayEquals(before.data, w.mult(x, null).data, 0);
            MatrixProductsTest.assertWithinGemmBound(MatrixProducts.mult(a, x, null), w.refresh().mult(x, null),
                    1, a, false, x, false, 0, before);
            assertEquals(40, w.rows());
            assertEquals(40, w.cols());
        }
    }

    @Test
    void aClosedMatrixRefusesProducts() {
        ResidentMatrix w = ResidentMatrix.of(TestMatrices.uniform(30, 30, 1, 9));
        w.close();
        w.close();
        DMatrixRMaj x = new DMatrixRMaj(30, 1);
        assertThrows(IllegalStateException.class, () -> w.mult(x, null));
        assertThrows(IllegalStateException.class, () -> w.gemm(0, false, x, 0, null));
        assertThrows(IllegalStateException.class, w::refresh);
    }

    @Test
    void badInputIsRejectedNamingTheArgument() {
        assertMessage(() -> ResidentMatrix.of(null), "a must not be null");
        assertMessage(() -> ResidentMatrix.of(new DMatrixRMaj(0, 3)), "a must not be empty");
        assertMessage(() -> ResidentMatrix.of(TestMatrices.of(new double[][] {{1, Double.NaN}})), "a must be finite", "(0, 1)");
        DMatrixRMaj a = TestMatrices.uniform(2, 3, 1, 10);
        try (ResidentMatrix w = ResidentMatrix.of(a)) {
            assertMessage(() -> w.mult(new DMatrixRMaj(2, 1), null), "b must have 3 rows, was 2x1");
            assertMessage(() -> w.multTransA(new DMatrixRMaj(3, 1), null), "b must have 2 rows, was 3x1");
            assertMessage(() -> w.mult(null, null), "b must not be null");
            assertMessage(() -> w.mult(new DMatrixRMaj(3, 1), new DMatrixRMaj(3, 1)), "c must be 2x1, was 3x1");
            assertMessage(() -> w.multAdd(new DMatrixRMaj(3, 1), null), "c must not be null");
            assertMessage(() -> w.gemm(Double.NaN, false, new DMatrixRMaj(3, 1), 0, null), "alpha must be finite");
            DMatrixRMaj square = new DMatrixRMaj(3, 3);
            try (ResidentMatrix s = ResidentMatrix.of(square)) {
                DMatrixRMaj b = new DMatrixRMaj(3, 3);
                assertMessage(() -> s.mult(b, b), "c must not share its storage with b");
            }
            a.data[1] = Double.POSITIVE_INFINITY;
            assertMessage(w::refresh, "source must be finite");
            a.reshape(3, 2);
            assertMessage(w::refresh, "source must be 2x3, was 3x2");
        }
    }

    @Test
    void aLargeResidentTimesAThinOperandRunsInRowBlocksAndStaysWithinTheGemmBound() {
        Native.assumeLoaded();
        int m = 1024;
        int k = 512;
        DMatrixRMaj a = TestMatrices.uniform(m, k, 1, 31);
        Backend.Resident r = new NativeKernels().resident(a);
        for (int n : new int[] {2, 7, NativeThresholds.THIN_MAX_COLUMNS, NativeThresholds.THIN_MAX_COLUMNS + 1}) {
            assertTrue(NativeThresholds.thinResidentGemm(m, n, k, false) == (n <= NativeThresholds.THIN_MAX_COLUMNS));
            DMatrixRMaj b = TestMatrices.uniform(k, n, 1, 32 + n);
            DMatrixRMaj expected = new DMatrixRMaj(m, n);
            new JavaKernels().gemm(1.5, a, false, b, false, 0, expected, m, n, k);
            DMatrixRMaj viaResident = new DMatrixRMaj(m, n);
            viaResident.fill(Double.NaN);                               // beta = 0: whatever was there is ignored
            r.gemm(1.5, false, b, 0, viaResident);
            MatrixProductsTest.assertWithinGemmBound(expected, viaResident, 1.5, a, false, b, false, 0, expected);
            DMatrixRMaj accumulated = expected.copy();
            r.gemm(1, false, b, 1, accumulated);                        // beta ≠ 0 keeps the row-major call
            DMatrixRMaj twice = new DMatrixRMaj(m, n);
            new JavaKernels().gemm(2.5, a, false, b, false, 0, twice, m, n, k);
            MatrixProductsTest.assertWithinGemmBound(twice, accumulated, 1, a, false, b, false, 1, expected);
        }
        r.close();
    }

    @Test
    void rowBlockedProductsInBothOrientationsStayWithinTheGemmBound() {
        Native.assumeLoaded();
        DMatrixRMaj a = TestMatrices.uniform(512, 128, 1, 43);
        Backend.Resident r = new NativeResident(a, true);                  // row blocks whatever this machine's core
        for (boolean transpose : new boolean[] {false, true}) {
            int m = transpose ? 128 : 512;
            int k = transpose ? 512 : 128;
            assertTrue(NativeThresholds.rowBlockedResidentGemm(m, 32, k, transpose, true));
            DMatrixRMaj b = TestMatrices.uniform(k, 32, 1, 44);
            DMatrixRMaj expected = new DMatrixRMaj(m, 32);
            new JavaKernels().gemm(0.5, a, transpose, b, false, 0, expected, m, 32, k);
            DMatrixRMaj viaResident = new DMatrixRMaj(m, 32);
            r.gemm(0.5, transpose, b, 0, viaResident);
            MatrixProductsTest.assertWithinGemmBound(expected, viaResident, 0.5, a, transpose, b, false, 0, expected);
        }
        r.close();
    }

    @Test
    void withoutTheSmallMatrixKernelAThinProductIsOneWholeCallWithItsBits() {
        Native.assumeLoaded();
        DMatrixRMaj a = TestMatrices.uniform(512, 128, 1, 45);
        DMatrixRMaj b = TestMatrices.uniform(128, 32, 1, 46);
        Backend.Resident r = new NativeResident(a, false);
        DMatrixRMaj viaResident = new DMatrixRMaj(512, 32);
        r.gemm(0.5, false, b, 0, viaResident);
        DMatrixRMaj whole = new DMatrixRMaj(512, 32);
        NativeKernels.dgemm(0.5, a, false, b, false, 0, whole, 512, 32, 128);
        assertTrue(java.util.Arrays.equals(whole.data, viaResident.data), "the same single row-major dgemm");
        r.close();
    }

    @Test
    void aThinProductWhoseRowsAreTooLongForRowBlocksRunsWholeWithTransposedOutput() {
        Native.assumeLoaded();
        int m = 2;
        int k = 1 << 18;                                                     // m·k = 2^19, n·k > the block volume
        DMatrixRMaj a = TestMatrices.uniform(m, k, 1, 41);
        DMatrixRMaj b = TestMatrices.uniform(k, 2, 1, 42);
        assertTrue(NativeThresholds.thinResidentGemm(m, 2, k, false));
        assertTrue(NativeThresholds.thinBlockRows(2, k) == 0);
        assertFalse(NativeThresholds.rowBlockedResidentGemm(m, 2, k, false, true));
        Backend.Resident r = new NativeKernels().resident(a);
        DMatrixRMaj expected = new DMatrixRMaj(m, 2);
        new JavaKernels().gemm(1, a, false, b, false, 0, expected, m, 2, k);
        DMatrixRMaj viaResident = new DMatrixRMaj(m, 2);
        r.gemm(1, false, b, 0, viaResident);
        MatrixProductsTest.assertWithinGemmBound(expected, viaResident, 1, a, false, b, false, 0, expected);
        r.close();
    }

    @Test
    void productsReturnTheirOutputAndEveryKernelsResidentMatchesMatrixProducts() {
        DMatrixRMaj a = TestMatrices.uniform(3, 5, 1, 21);
        DMatrixRMaj x = TestMatrices.uniform(5, 2, 1, 22);
        DMatrixRMaj y = TestMatrices.uniform(3, 2, 1, 23);
        try (ResidentMatrix w = ResidentMatrix.of(a)) {
            DMatrixRMaj c = new DMatrixRMaj(3, 2);
            assertSame(c, w.mult(x, c));
            assertSame(c, w.multAdd(x, c));
            DMatrixRMaj t = new DMatrixRMaj(5, 2);
            assertSame(t, w.multTransA(y, t));
            assertSame(t, w.multAddTransA(y, t));
            assertSame(c, w.gemm(2, false, x, 1, c));
        }
        for (Backend.Kernels kernels : new Backend.Kernels[] {new JavaKernels(), new NativeKernels()}) {
            if (kernels instanceof NativeKernels && OpenBlas.load().failure() != null) {
                continue;
            }
            Backend.Resident r = kernels.resident(TestMatrices.uniform(3, 5, 1, 99));
            r.upload(a);
            DMatrixRMaj plain = new DMatrixRMaj(3, 2);
            DMatrixRMaj viaResident = new DMatrixRMaj(3, 2);
            r.gemm(1, false, x, 0, viaResident);
            MatrixProducts.mult(a, x, plain);
            MatrixProductsTest.assertWithinGemmBound(plain, viaResident, 1, a, false, x, false, 0, plain);
            DMatrixRMaj plainT = new DMatrixRMaj(5, 2);
            DMatrixRMaj viaResidentT = new DMatrixRMaj(5, 2);
            r.gemm(1, true, y, 0, viaResidentT);
            MatrixProducts.multTransA(a, y, plainT);
            MatrixProductsTest.assertWithinGemmBound(plainT, viaResidentT, 1, a, true, y, false, 0, plainT);
            r.close();
        }
    }

    @Test
    void aSourceReshapedSinceTheSnapshotIsRefusedOnRefresh() {
        DMatrixRMaj a = TestMatrices.uniform(3, 3, 1, 5);
        ResidentMatrix w = ResidentMatrix.of(a);
        a.reshape(2, 2);
        assertMessage(w::refresh, "source", "3x3", "2x2");
        w.close();
    }
}
