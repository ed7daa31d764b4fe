package org.rnngradients.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnngradients.linalg.Rejections.assertMessage;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class SpectraTest {

    @Test
    void spectralNormOfADiagonalMatrixIsTheLargestAbsoluteEntry() {
        DMatrixRMaj d = CommonOps_DDRM.diag(3, -7, 0.5, 0, 6.9);
        assertEquals(7, Spectra.spectralNorm(d), 7 * 1e-15);
    }

    @Test
    void spectralNormOfAnOrthogonalMatrixIsOne() {
        DMatrixRMaj permutation = TestMatrices.of(new double[][] {{0, 1, 0}, {0, 0, -1}, {1, 0, 0}});
        assertEquals(1, Spectra.spectralNorm(permutation), 1e-15);
        DMatrixRMaj haar = new DMatrixRMaj(20, 20);
        Initialiser.orthogonal(1).initialise(haar, RandomSource.seeded(1));
        assertEquals(1, Spectra.spectralNorm(haar), 1e-14);
    }

    @Test
    void conditionNumberOfDiagonalMatrixIsTheRatioOfExtremeEntries() {
        assertEquals(100, Spectra.conditionNumber(CommonOps_DDRM.diag(10, -0.1, 1)), 100 * 1e-14);
    }

    @Test
    void conditionNumberOfAnOrthogonalMatrixIsOne() {
        DMatrixRMaj haar = new DMatrixRMaj(10, 10);
        Initialiser.orthogonal(1).initialise(haar, RandomSource.seeded(2));
        assertEquals(1, Spectra.conditionNumber(haar), 1e-13);
    }

    @Test
    void conditionNumberOfThreeZeroFourFiveIsThree() {
        // √45 / √5 = 3
        assertEquals(3, Spectra.conditionNumber(TestMatrices.of(new double[][] {{3, 0}, {4, 5}})), 1e-14);
    }

    @Test
    void conditionNumberIsInfiniteForAZeroSingularValueAndHugeForARoundedOne() {
        assertEquals(Double.POSITIVE_INFINITY, Spectra.conditionNumber(CommonOps_DDRM.diag(1, 0)));
        // [[1, 2], [2, 4]] is singular, but its computed σ_min is a rounding residue (≈ 2e-16).
        assertTrue(Spectra.conditionNumber(TestMatrices.of(new double[][] {{1, 2}, {2, 4}})) > 1e15);
    }

    @Test
    void oneCallHelpersAgreeWithTheWorkspaces() {
        DMatrixRMaj a = TestMatrices.uniform(5, 5, 2, 3);
        assertEquals(new SingularValues(5, 5).largest(a), Spectra.spectralNorm(a));
        assertEquals(Spectra.singularValues(a)[0], Spectra.spectralNorm(a));
        assertEquals(new Eigenvalues(5).spectralRadius(a), Spectra.spectralRadius(a));
        assertEquals(Spectra.eigenvalues(a)[0].getMagnitude(), Spectra.spectralRadius(a));
    }

    @Test
    void badInputIsRejectedNamingTheArgumentAndValue() {
        assertMessage(() -> Spectra.spectralNorm(null), "a must not be null");
        assertMessage(() -> Spectra.spectralNorm(new DMatrixRMaj(0, 2)), "a", "0x2");
        assertMessage(() -> Spectra.spectralRadius(new DMatrixRMaj(2, 3)), "a must be square, was 2x3");
        assertMessage(() -> Spectra.eigenvalues(new DMatrixRMaj(3, 2)), "a must be square, was 3x2");
        DMatrixRMaj nan = new DMatrixRMaj(2, 2);
        nan.set(1, 0, Double.NaN);
        assertMessage(() -> Spectra.conditionNumber(nan), "a", "(1, 0)", "NaN");
        assertMessage(() -> Spectra.singularValues(nan), "a", "NaN");
        assertMessage(() -> Spectra.spectralRadius(nan), "a", "NaN");
    }
}
