package org.rnngradients.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnngradients.linalg.Rejections.assertMessage;

import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EigenvaluesTest {

    private static DMatrixRMaj rotation(double theta) {
        return TestMatrices.of(new double[][] {{Math.cos(theta), -Math.sin(theta)}, {Math.sin(theta), Math.cos(theta)}});
    }

    private static DMatrixRMaj jordanNilpotent(int n) {
        DMatrixRMaj j = new DMatrixRMaj(n, n);
        for (int i = 0; i + 1 < n; i++) {
            j.set(i, i + 1, 1);
        }
        return j;
    }

    @Test
    void spectralRadiusOfARotationIsOne() {
        assertEquals(1, new Eigenvalues(2).spectralRadius(rotation(0.7)), 1e-15);
    }

    @Test
    void eigenvaluesOfARotationAreTheConjugatePairEToPlusMinusITheta() {
        Complex_F64[] e = Spectra.eigenvalues(rotation(0.7));
        assertEquals(Math.cos(0.7), e[0].real, 1e-15);
        assertEquals(Math.cos(0.7), e[1].real, 1e-15);
        assertEquals(Math.sin(0.7), Math.abs(e[0].imaginary), 1e-15);
        assertEquals(0, e[0].imaginary + e[1].imaginary, 1e-15);
    }

    @Test
    void spectralRadiusOfScaledIdentityIsAbsC() {
        DMatrixRMaj a = CommonOps_DDRM.identity(6);
        CommonOps_DDRM.scale(-2.5, a);
        assertEquals(2.5, new Eigenvalues(6).spectralRadius(a), 1e-15);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5, 8})
    void spectralRadiusOfAJordanNilpotentBlockIsExactlyZero(int n) {
        // The shift matrix is already triangular, so EJML's Hessenberg QR returns its zero diagonal exactly.
        assertEquals(0, new Eigenvalues(n).spectralRadius(jordanNilpotent(n)));
        assertEquals(0, new Eigenvalues(n).spectralRadius(CommonOps_DDRM.transpose(jordanNilpotent(n), null)));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5, 8})
    void spectralRadiusOfAHiddenNilpotentMatrixIsZeroOnlyToEpsilonToTheOneOverN(int n) {
        // M = S J S⁻¹ is nilpotent, but a rounding perturbation of size ε‖M‖ moves the n-fold zero
        // eigenvalue by about (ε‖M‖)^(1/n) (1.5e-8 for n = 2, 0.01 for n = 8). EJML stays within 10× that.
        DMatrixRMaj s = RandomMatrices.gaussian(n, n, RandomSource.seeded(n));
        DMatrixRMaj sInverse = s.copy();
        assertTrue(CommonOps_DDRM.invert(sInverse));
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(s, CommonOps_DDRM.mult(jordanNilpotent(n), sInverse, null), m);
        double bound = 10 * Math.pow(Math.ulp(1.0) * Spectra.spectralNorm(m), 1.0 / n);
        double rho = Spectra.spectralRadius(m);
        assertTrue(rho <= bound, "ρ = " + rho + " > " + bound);
    }

    @Test
    void nonNormalMatrixHasSpectralRadiusFarBelowItsNorm() {
        DMatrixRMaj a = TestMatrices.of(new double[][] {{0.5, 100}, {0, 0.5}});
        assertEquals(0.5, Spectra.spectralRadius(a), 1e-15);
        assertTrue(Spectra.spectralNorm(a) > 100);
    }

    @Test
    void moduliAreSortedDescendingAndMatchComputedEigenvalues() {
        DMatrixRMaj a = TestMatrices.uniform(7, 7, 1, 3);
        Eigenvalues eig = new Eigenvalues(7);
        double[] moduli = eig.moduli(a, new double[7]);
        Complex_F64[] values = eig.compute(a);
        for (int i = 0; i < 7; i++) {
            assertEquals(values[i].getMagnitude(), moduli[i], 1e-15);
            if (i > 0) {
                assertTrue(moduli[i - 1] >= moduli[i]);
            }
        }
        assertEquals(moduli[0], eig.spectralRadius(a));
    }

    @Test
    void symmetricAndNearlySymmetricInputsGoThroughTheSameAlgorithm() {
        // ρ is continuous: a 1e-10 asymmetry changes it by about 1e-10, never by a switch of method.
        DMatrixRMaj sym = TestMatrices.of(new double[][] {{2, 1, 0}, {1, 2, 1}, {0, 1, 2}});
        DMatrixRMaj near = sym.copy();
        near.set(0, 1, 1 + 1e-10);
        assertEquals(2 + Math.sqrt(2), Spectra.spectralRadius(sym), 1e-14);
        assertEquals(Spectra.spectralRadius(sym), Spectra.spectralRadius(near), 1e-9);
    }

    @Test
    void theInputIsNotModified() {
        DMatrixRMaj a = TestMatrices.uniform(5, 5, 1, 6);
        DMatrixRMaj before = a.copy();
        new Eigenvalues(5).spectralRadius(a);
        assertArrayEquals(before.data, a.data);
    }

    @Test
    void badInputIsRejectedNamingTheArgument() {
        Eigenvalues eig = new Eigenvalues(3);
        assertMessage(() -> new Eigenvalues(0), "n", "0");
        assertMessage(() -> eig.spectralRadius(new DMatrixRMaj(3, 2)), "a must be square, was 3x2");
        assertMessage(() -> eig.spectralRadius(new DMatrixRMaj(2, 2)), "a must be 3x3, was 2x2");
        DMatrixRMaj inf = new DMatrixRMaj(3, 3);
        inf.set(2, 2, Double.POSITIVE_INFINITY);
        assertMessage(() -> eig.compute(inf), "a must be finite", "(2, 2) was Infinity");
        assertMessage(() -> eig.moduli(new DMatrixRMaj(3, 3), new double[2]), "out must have length 3, was 2");
        assertMessage(() -> eig.spectralRadius(null), "a must not be null");
    }

    @Test
    void tiesInModulusAreOrderedByRealThenImaginaryPartDescending() {
        org.ejml.data.Complex_F64[] pair = new Eigenvalues(2).compute(TestMatrices.of(new double[][] {{0, -2}, {2, 0}}));
        assertEquals(2, pair[0].imaginary, 1e-15, "the positive imaginary part first");
        assertEquals(-2, pair[1].imaginary, 1e-15);
        org.ejml.data.Complex_F64[] real = new Eigenvalues(2).compute(TestMatrices.of(new double[][] {{-3, 0}, {0, 3}}));
        assertEquals(3, real[0].real, 0);
        assertEquals(-3, real[1].real, 0);
        assertEquals(2, new Eigenvalues(2).size());
    }
}
