package org.rnngradients.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * Where the native backend hands a call to the Java kernels: on each side of every documented threshold, and the
 * workspace or product each routed call actually gets (the Java kernel's bits for a small product, OpenBLAS's for a
 * large one), so a call's path depends on its shape alone.
 */
class NativeThresholdsTest {

    @Test
    void productsRunNativelyFromTheMinimumVolumeOn() {
        assertFalse(NativeThresholds.nativeGemm(6, 6, 7, false), "6·6·7 = 252 < 256");
        assertTrue(NativeThresholds.nativeGemm(4, 8, 8, false), "4·8·8 = 256");
        assertTrue(NativeThresholds.nativeGemm(8, 4, 8, true));
        assertFalse(NativeThresholds.nativeGemm(255, 1, 1, false));
        assertTrue(NativeThresholds.nativeGemm(256, 1, 1, false));
        assertTrue(NativeThresholds.nativeGemm(1, 256, 1, false));
        assertTrue(NativeThresholds.nativeGemm(1, 1, 256, true));
    }

    @Test
    void aCopiedMatrixVectorProductRunsNativelyOnlyUpToOneMebibyteOfMatrix() {
        assertTrue(NativeThresholds.nativeGemm(512, 1, 256, false), "512·256 = 2^17 entries");
        assertFalse(NativeThresholds.nativeGemm(512, 1, 257, false));
        assertFalse(NativeThresholds.nativeGemm(257, 1, 512, false));
        assertTrue(NativeThresholds.nativeGemm(512, 1, 257, true), "Aᵀ·x is faster natively at every size");
        assertTrue(NativeThresholds.nativeGemm(512, 2, 257, false), "two columns are a GEMM, not a GEMV");
    }

    @Test
    void residentProductsQrsAndDecompositionsSwitchAtTheirThresholds() {
        assertFalse(NativeThresholds.nativeResidentGemm(5, 1, 51));
        assertTrue(NativeThresholds.nativeResidentGemm(16, 1, 16));
        assertTrue(NativeThresholds.nativeResidentGemm(1, 256, 1));
        assertFalse(NativeThresholds.nativeQr(511, 1));
        assertTrue(NativeThresholds.nativeQr(32, 16));
        assertTrue(NativeThresholds.nativeQr(512, 1));
        assertFalse(NativeThresholds.nativeDecomposition(7, 100));
        assertFalse(NativeThresholds.nativeDecomposition(100, 7));
        assertTrue(NativeThresholds.nativeDecomposition(8, 8));
    }

    @Test
    void onlyALargeResidentTimesAThinOperandRunsWithTransposedOutput() {
        assertTrue(NativeThresholds.thinResidentGemm(1024, 10, 512, false), "1024·512 = 2^19 entries");
        assertFalse(NativeThresholds.thinResidentGemm(1023, 10, 512, false));
        assertFalse(NativeThresholds.thinResidentGemm(1024, 10, 512, true), "Aᵀ·B keeps the row-major call");
        assertFalse(NativeThresholds.thinResidentGemm(1024, 1, 512, false), "a matrix–vector product is a GEMV");
        assertTrue(NativeThresholds.thinResidentGemm(1000, 2, 1000, false));
        assertTrue(NativeThresholds.thinResidentGemm(1000, 16, 1000, false));
        assertFalse(NativeThresholds.thinResidentGemm(1000, 17, 1000, false));
        assertEquals(50, NativeThresholds.thinBlockRows(10, 1000), "rows·10·1000 ≤ 500 000");
        assertEquals(1, NativeThresholds.thinBlockRows(16, 31_250));
        assertEquals(0, NativeThresholds.thinBlockRows(16, 31_251), "one row is already past the small-matrix limit");
        assertTrue(NativeThresholds.rowBlockedResidentGemm(512, 32, 128, false, true), "512·32·128 > 10^6");
        assertTrue(NativeThresholds.rowBlockedResidentGemm(128, 32, 512, true, true));
        assertFalse(NativeThresholds.rowBlockedResidentGemm(244, 32, 128, false, true), "244·32·128 <= 10^6: whole");
        assertFalse(NativeThresholds.rowBlockedResidentGemm(512, 33, 128, false, true));
        assertFalse(NativeThresholds.rowBlockedResidentGemm(512, 1, 4096, false, true), "one column is a GEMV");
        assertFalse(NativeThresholds.rowBlockedResidentGemm(512, 32, 128, false, false),
                "without the small-matrix kernel a block packs A like the whole call");
        assertFalse(NativeThresholds.rowBlockedResidentGemm(128, 32, 512, true, false));
        assertFalse(NativeThresholds.rowBlockedResidentGemm(500, 2, 1000, false, true), "500·2·1000 = 10^6: whole");
        assertTrue(NativeThresholds.rowBlockedResidentGemm(501, 2, 1000, false, true), "two columns are blocked");
    }

    @Test
    void theCoreNameIsTheOneTheBackendDescribes() {
        Native.assumeLoaded();
        String core = OpenBlas.coreName();
        assertFalse(core.isBlank());
        assertTrue(OpenBlas.load().description().contains(", core " + core + " ("), OpenBlas.load().description());
    }

    @Test
    void onlyTheSkylakeXFamilyOfCoresHasTheSmallMatrixKernel() {
        for (String core : new String[] {"SkylakeX", "Cooperlake", "SapphireRapids", "SKYLAKEX"}) {
            assertTrue(NativeThresholds.smallMatrixKernel(core), core);
        }
        for (String core : new String[] {"Zen", "Haswell", "Sandybridge", "Prescott", "Neoverse N1", ""}) {
            assertFalse(NativeThresholds.smallMatrixKernel(core), core);
        }
    }

    @Test
    void eachCallGetsTheKernelItsThresholdNames() {
        Native.assumeLoaded();
        NativeKernels kernels = new NativeKernels();
        assertInstanceOf(JavaKernels.Qr.class, kernels.qr(31, 16));
        assertInstanceOf(Lapack.Qr.class, kernels.qr(32, 16));
        assertInstanceOf(JavaKernels.Svd.class, kernels.singularValues(7, 9));
        assertInstanceOf(Lapack.Svd.class, kernels.singularValues(8, 9));
        assertInstanceOf(JavaKernels.Eig.class, kernels.eigenvalues(7));
        assertInstanceOf(Lapack.Eig.class, kernels.eigenvalues(8));
        assertProductBits(kernels, 3, 3, 3, false);
        assertProductBits(kernels, 40, 40, 40, true);
    }

    /** The routed product has exactly the bits of the kernel the threshold names. */
    private static void assertProductBits(NativeKernels kernels, int m, int n, int k, boolean wantNative) {
        DMatrixRMaj a = TestMatrices.uniform(m, k, 1, 1);
        DMatrixRMaj b = TestMatrices.uniform(k, n, 1, 2);
        DMatrixRMaj routed = new DMatrixRMaj(m, n);
        DMatrixRMaj direct = new DMatrixRMaj(m, n);
        kernels.gemm(1, a, false, b, false, 0, routed, m, n, k);
        if (wantNative) {
            NativeKernels.dgemm(1, a, false, b, false, 0, direct, m, n, k);
        } else {
            new JavaKernels().gemm(1, a, false, b, false, 0, direct, m, n, k);
        }
        assertTrue(java.util.Arrays.equals(direct.data, routed.data), () -> m + "x" + n + "x" + k);
        assertTrue(wantNative == NativeThresholds.nativeGemm(m, n, k, false));
    }

    @Test
    void aProductOnANewThreadStagesItsOwnOperandsAndGivesTheSameBits() throws InterruptedException {
        Native.assumeLoaded();
        DMatrixRMaj a = TestMatrices.uniform(30, 20, 1, 3);
        DMatrixRMaj b = TestMatrices.uniform(20, 10, 1, 4);
        DMatrixRMaj here = new DMatrixRMaj(30, 10);
        NativeKernels.dgemm(1, a, false, b, false, 0, here, 30, 10, 20);
        DMatrixRMaj there = new DMatrixRMaj(30, 10);
        Thread t = new Thread(() -> NativeKernels.dgemm(1, a, false, b, false, 0, there, 30, 10, 20));
        t.start();
        t.join();
        assertTrue(java.util.Arrays.equals(here.data, there.data));
    }
}
