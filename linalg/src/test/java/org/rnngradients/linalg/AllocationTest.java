package org.rnngradients.linalg;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The hot kernels allocate nothing on the Java heap per call after warm-up, on the path the selected backend
 * takes for each shape (small shapes run on EJML, larger ones natively on the native backend) and on the
 * native path forced. Any per-call object costs at least 16 bytes, so 2 000 calls allocating one object
 * would exceed 32 000 bytes; the bound of 4 096 leaves room only for one-off JVM events.
 */
class AllocationTest {
    private static final int CALLS = 2_000;
    private static final long BOUND = 4_096;

    private static void assertAllocatesNothing(String what, Runnable call) {
        long bytes = TestMatrices.bytesAllocated(call, CALLS);
        assertTrue(bytes < BOUND, what + " allocated " + bytes + " bytes over " + CALLS + " calls");
    }

    @Test
    void gemmWithAGivenOutputAllocatesNothing() {
        for (int[] s : new int[][] {{4, 4, 4}, {64, 64, 64}, {256, 256, 1}, {1000, 10, 10}}) {
            DMatrixRMaj a = TestMatrices.uniform(s[0], s[1], 1, 1);
            DMatrixRMaj b = TestMatrices.uniform(s[1], s[2], 1, 2);
            DMatrixRMaj c = new DMatrixRMaj(s[0], s[2]);
            DMatrixRMaj d = new DMatrixRMaj(s[1], s[2]);
            assertAllocatesNothing("gemm " + s[0] + "x" + s[1] + "x" + s[2], () -> {
                MatrixProducts.gemm(1, a, false, b, false, 0.5, c);
                MatrixProducts.multTransA(a, c, d);
            });
        }
    }

    @Test
    void forcedNativeGemmAllocatesNothing() {
        Native.assumeLoaded();
        DMatrixRMaj a = TestMatrices.uniform(3, 3, 1, 3);
        DMatrixRMaj c = new DMatrixRMaj(3, 3);
        assertAllocatesNothing("native 3x3x3", () -> NativeKernels.dgemm(1, a, true, a, false, 1, c, 3, 3, 3));
    }

    @Test
    void residentProductsAllocateNothing() {
        for (int[] s : new int[][] {{3, 3, 1}, {64, 64, 8}, {256, 256, 1}}) {
            DMatrixRMaj a = TestMatrices.uniform(s[0], s[1], 1, 4);
            DMatrixRMaj x = TestMatrices.uniform(s[1], s[2], 1, 5);
            DMatrixRMaj y = new DMatrixRMaj(s[0], s[2]);
            DMatrixRMaj z = new DMatrixRMaj(s[1], s[2]);
            try (ResidentMatrix w = ResidentMatrix.of(a)) {
                assertAllocatesNothing("resident " + s[0] + "x" + s[1] + "x" + s[2], () -> {
                    w.mult(x, y);
                    w.multAddTransA(y, z);
                });
            }
        }
    }

    @Test
    void positiveQrAllocatesNothing() {
        for (int[] s : new int[][] {{8, 5}, {64, 32}, {300, 10}}) {
            DMatrixRMaj a = TestMatrices.uniform(s[0], s[1], 1, 6);
            DMatrixRMaj q = new DMatrixRMaj(s[0], s[1]);
            DMatrixRMaj r = new DMatrixRMaj(s[1], s[1]);
            PositiveQr qr = new PositiveQr(s[0], s[1]);
            assertAllocatesNothing("QR " + s[0] + "x" + s[1], () -> qr.decompose(a, q, r));
        }
    }

    @Test
    void singularValuesAllocateNothing() {
        for (int[] s : new int[][] {{4, 4}, {32, 32}, {10, 40}}) {
            DMatrixRMaj a = TestMatrices.uniform(s[0], s[1], 1, 7);
            SingularValues sv = new SingularValues(s[0], s[1]);
            double[] out = new double[sv.count()];
            assertAllocatesNothing("SVD " + s[0] + "x" + s[1], () -> {
                sv.compute(a, out);
                sv.largest(a);
            });
        }
    }

    @Test
    void lapackEigenvaluesAllocateNothing() {
        Native.assumeLoaded();
        DMatrixRMaj a = TestMatrices.uniform(16, 16, 1, 8);
        Eigenvalues eig = new Eigenvalues(16, new Lapack.Eig(16));
        double[] out = new double[16];
        assertAllocatesNothing("dgeev 16", () -> {
            eig.moduli(a, out);
            eig.spectralRadius(a);
        });
    }

    @Test
    void ejmlEigenvaluesAllocateOnlyTheirOwnSmallArraysPerCall() {
        // A limitation of EJML 0.44 (a Complex_F64[n], its entries and an int[n] per decomposition, about
        // 110·n bytes; 904 bytes at n = 8 when measured): bounded here at 150·n so a larger leak would show.
        int n = 8;
        DMatrixRMaj a = TestMatrices.uniform(n, n, 1, 9);
        Eigenvalues eig = new Eigenvalues(n, new JavaKernels.Eig(n));
        double[] out = new double[n];
        long perCall = TestMatrices.bytesAllocated(() -> eig.moduli(a, out), CALLS) / CALLS;
        assertTrue(perCall <= 150 * n, "bytes per call " + perCall);
    }
}
