package org.rnngradients.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnngradients.linalg.Rejections.assertMessage;

import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InitialiserTest {

    private static DMatrixRMaj draw(Initialiser init, int rows, int cols, long seed) {
        DMatrixRMaj w = new DMatrixRMaj(rows, cols);
        init.initialise(w, RandomSource.seeded(seed));
        return w;
    }

    private static double meanSquare(DMatrixRMaj w) {
        double sum = 0;
        for (int k = 0; k < w.getNumElements(); k++) {
            sum += w.data[k] * w.data[k];
        }
        return sum / w.getNumElements();
    }

    private static double maxAbs(DMatrixRMaj w) {
        return CommonOps_DDRM.elementMaxAbs(w);
    }

    private static void assertOrthonormalColumns(DMatrixRMaj q, double tolerance) {
        DMatrixRMaj qtq = new DMatrixRMaj(q.numCols, q.numCols);
        CommonOps_DDRM.multTransA(q, q, qtq);
        DMatrixRMaj identity = CommonOps_DDRM.identity(q.numCols);
        assertTrue(TestMatrices.maxAbsDifference(qtq, identity) <= tolerance,
                "max |QᵀQ − I| = " + TestMatrices.maxAbsDifference(qtq, identity));
    }

    private static void assertAllEigenvaluesOnUnitCircle(DMatrixRMaj q, double tolerance) {
        double[] moduli = new Eigenvalues(q.numRows).moduli(q, new double[q.numRows]);
        for (double m : moduli) {
            assertEquals(1.0, m, tolerance, "eigenvalue modulus");
        }
    }

    // Statistical checks: entries are i.i.d., so the mean square of N entries has relative standard
    // deviation 0.894/√N for a uniform law and √(2/N) for a Gaussian. With N = 40 000 these are
    // 0.0045 and 0.0071; every tolerance below is at least 5 of those, and the seeds are fixed.

    @Test
    void uniformStaysInsideItsSupportAndHasVarianceASquaredOverThree() {
        DMatrixRMaj w = draw(Initialiser.uniform(0.3), 200, 200, 1);
        assertTrue(maxAbs(w) <= 0.3);
        assertTrue(maxAbs(w) > 0.299, "the support is filled up to its edge");
        assertEquals(0.09 / 3, meanSquare(w), 0.09 / 3 * 0.025);
    }

    @Test
    void pytorchDefaultIsUniformOnPlusMinusOneOverRootH() {
        int h = 64;
        DMatrixRMaj w = draw(Initialiser.pytorchDefault(h), 4 * h, 160, 2);
        double bound = 1 / Math.sqrt(h);
        assertTrue(maxAbs(w) <= bound);
        assertTrue(maxAbs(w) > 0.999 * bound);
        assertEquals(1.0 / (3 * h), meanSquare(w), 1.0 / (3 * h) * 0.025);
    }

    @Test
    void xavierUniformHasBoundRootSixOverFanSumAndVarianceTwoOverFanSum() {
        DMatrixRMaj w = draw(Initialiser.xavierUniform(1), 100, 400, 3);
        double bound = Math.sqrt(6.0 / 500);
        assertTrue(maxAbs(w) <= bound);
        assertTrue(maxAbs(w) > 0.999 * bound);
        assertEquals(2.0 / 500, meanSquare(w), 2.0 / 500 * 0.025);
        DMatrixRMaj doubled = draw(Initialiser.xavierUniform(2), 100, 400, 3);
        assertEquals(2 * w.get(5, 7), doubled.get(5, 7), 1e-15, "the gain scales the bound");
    }

    @Test
    void heHasVarianceTwoOverFanIn() {
        DMatrixRMaj w = draw(Initialiser.he(), 400, 100, 4);
        assertEquals(2.0 / 100, meanSquare(w), 2.0 / 100 * 0.036);
    }

    @Test
    void scaledGaussianHasVarianceGSquaredOverN() {
        DMatrixRMaj w = draw(Initialiser.scaledGaussian(1.5), 200, 200, 5);
        assertEquals(2.25 / 200, meanSquare(w), 2.25 / 200 * 0.036);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 16, 64})
    void orthogonalInitialiserGivesQTransposeQEqualToIdentityAndUnitEigenvalues(int n) {
        DMatrixRMaj q = draw(Initialiser.orthogonal(1), n, n, 6 + n);
        assertOrthonormalColumns(q, 1e-12);
        assertAllEigenvaluesOnUnitCircle(q, 1e-12);
    }

    @Test
    void orthogonalGainSetsEverySingularValue() {
        double[] s = Spectra.singularValues(draw(Initialiser.orthogonal(0.9), 12, 12, 7));
        for (double sigma : s) {
            assertEquals(0.9, sigma, 1e-13);
        }
    }

    @Test
    void orthogonalPerGateBlockMakesEachBlockOfAFusedMatrixOrthogonal() {
        int h = 16;
        DMatrixRMaj fused = draw(Initialiser.orthogonal(1).perBlock(4), 4 * h, h, 8);
        DMatrixRMaj previous = null;
        for (int b = 0; b < 4; b++) {
            DMatrixRMaj block = CommonOps_DDRM.extract(fused, b * h, (b + 1) * h, 0, h);
            assertOrthonormalColumns(block, 1e-12);
            assertAllEigenvaluesOnUnitCircle(block, 1e-12);
            if (previous != null) {
                assertTrue(TestMatrices.maxAbsDifference(block, previous) > 0.1, "blocks are independent draws");
            }
            previous = block;
        }
    }

    @Test
    void orthogonalAcrossTheFusedMatrixGivesOrthonormalColumnsButNotOrthogonalBlocks() {
        int h = 16;
        DMatrixRMaj fused = draw(Initialiser.orthogonal(1), 4 * h, h, 8);
        assertOrthonormalColumns(fused, 1e-12);
        DMatrixRMaj block = CommonOps_DDRM.extract(fused, 0, h, 0, h);
        assertTrue(Spectra.spectralNorm(block) < 0.99, "a quarter of an orthonormal 4H×H matrix shrinks");
    }

    @Test
    void orthogonalOfAWideMatrixHasOrthonormalRows() {
        DMatrixRMaj w = draw(Initialiser.orthogonal(1), 3, 8, 9);
        DMatrixRMaj wt = CommonOps_DDRM.transpose(w, null);
        assertOrthonormalColumns(wt, 1e-12);
    }

    @Test
    void orthogonalInitialiserIsUnbiasedInSign() {
        // Haar measure: Q₀₀ has mean 0 and mean square 1/n. Without the sign fix, Householder QR makes
        // Q₀₀ = −|g₀₀|/‖g₀‖ < 0 every time (mean ≈ −0.5 for n = 3). Over 4000 draws the mean has
        // sd 0.577/√4000 ≈ 0.009, so 0.05 is 5.5 sd; the mean square has sd ≈ 0.0047, so 0.025 is 5 sd.
        RandomSource random = RandomSource.seeded(10);
        DMatrixRMaj q = new DMatrixRMaj(3, 3);
        double sum = 0;
        double squares = 0;
        int draws = 4000;
        for (int i = 0; i < draws; i++) {
            Initialiser.orthogonal(1).initialise(q, random);
            sum += q.get(0, 0);
            squares += q.get(0, 0) * q.get(0, 0);
        }
        assertEquals(0, sum / draws, 0.05);
        assertEquals(1.0 / 3, squares / draws, 0.025);
    }

    @Test
    void identityPutsTheScaleOnTheMainDiagonal() {
        DMatrixRMaj w = draw(Initialiser.identity(0.5), 3, 4, 0);
        DMatrixRMaj expected = new DMatrixRMaj(new double[][] {{0.5, 0, 0, 0}, {0, 0.5, 0, 0}, {0, 0, 0.5, 0}});
        assertArrayEquals(expected.data, w.data);
        DMatrixRMaj z = TestMatrices.uniform(2, 2, 1, 3);
        Initialiser.zeros().initialise(z, null);
        assertArrayEquals(new double[4], z.data);
    }

    @Test
    void perBlockDrawsTheBlocksInOrderFromOneStream() {
        int h = 5;
        DMatrixRMaj fused = draw(Initialiser.orthogonal(1).perBlock(3), 3 * h, h, 12);
        RandomSource random = RandomSource.seeded(12);
        for (int b = 0; b < 3; b++) {
            DMatrixRMaj alone = new DMatrixRMaj(h, h);
            Initialiser.orthogonal(1).initialise(alone, random);
            assertArrayEquals(alone.data, CommonOps_DDRM.extract(fused, b * h, (b + 1) * h, 0, h).data);
        }
    }

    private static List<Initialiser> randomInitialisers() {
        return List.of(Initialiser.uniform(1), Initialiser.pytorchDefault(8), Initialiser.xavierUniform(1),
                Initialiser.he(), Initialiser.orthogonal(1), Initialiser.scaledGaussian(2),
                Initialiser.orthogonal(1).perBlock(4));
    }

    @Test
    void sameSeedGivesTheSameBitsAndDifferentSeedsDiffer() {
        for (Initialiser init : randomInitialisers()) {
            DMatrixRMaj a = draw(init, 8, 2, 99);
            assertArrayEquals(a.data, draw(init, 8, 2, 99).data);
            assertFalse(java.util.Arrays.equals(a.data, draw(init, 8, 2, 100).data));
        }
    }

    @Test
    void badArgumentsAreRejectedWithTheirNamesAndValues() {
        assertMessage(() -> Initialiser.uniform(0), "a", "0.0");
        assertMessage(() -> Initialiser.pytorchDefault(-2), "hiddenSize", "-2");
        assertMessage(() -> Initialiser.xavierUniform(Double.NaN), "gain", "NaN");
        assertMessage(() -> Initialiser.orthogonal(-1), "gain", "-1.0");
        assertMessage(() -> Initialiser.scaledGaussian(Double.POSITIVE_INFINITY), "g", "Infinity");
        assertMessage(() -> Initialiser.identity(Double.NaN), "scale", "NaN");
        assertMessage(() -> Initialiser.he().perBlock(0), "blocks", "0");
        for (Initialiser init : randomInitialisers()) {
            assertMessage(() -> init.initialise(null, RandomSource.seeded(1)), "w", "null");
            assertMessage(() -> init.initialise(new DMatrixRMaj(8, 8), null), "random", "null");
            assertMessage(() -> init.initialise(new DMatrixRMaj(0, 4), RandomSource.seeded(1)), "w", "0x4");
        }
        assertMessage(() -> Initialiser.he().perBlock(4).initialise(new DMatrixRMaj(6, 2), RandomSource.seeded(1)),
                "blocks=4", "6");
    }

    @Test
    void identityOverwritesWhatTheMatrixHeld() {
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{5, 5, 5}, {5, 5, 5}});
        Initialiser.identity(0.5).initialise(w, null);
        assertTrue(org.ejml.dense.row.MatrixFeatures_DDRM.isIdentical(w,
                new DMatrixRMaj(new double[][] {{0.5, 0, 0}, {0, 0.5, 0}}), 0), w::toString);
    }
}
