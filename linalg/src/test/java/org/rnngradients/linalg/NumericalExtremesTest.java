package org.rnngradients.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * Long products at the numerical extremes of issue 13 stay finite wherever the mathematics is finite; −∞
 * appears only where a factor is exactly singular (a derivative exactly zero), never from under- or overflow.
 */
class NumericalExtremesTest {
    private static final int T = 10_000;

    /** diag(d)·W with W orthogonal: a step Jacobian whose derivatives are d. */
    private static DMatrixRMaj jacobian(double[] d, long seed) {
        DMatrixRMaj w = new DMatrixRMaj(d.length, d.length);
        Initialiser.orthogonal(1.0).initialise(w, RandomSource.seeded(seed));
        return DiagonalProducts.diagTimes(new DMatrixRMaj(d.length, 1, true, d), w, new DMatrixRMaj(d.length, d.length));
    }

    @Test
    void tenThousandFactorsOfSpectralRadiusOneAndAHalfAndOneHalfKeepTheirClosedForm() {
        // ρ·Q has every singular value ρ up to the rounding of Q itself, so σ_min(A)^T ≤ ‖A^T‖ ≤ σ_max(A)^T;
        // each step renormalises once, rounding the log by about n·u more, and adding the step's log to a sum
        // of size T·|ln ρ| rounds by up to half an ulp of that sum.
        for (double rho : new double[] {1.5, 0.5}) {
            DMatrixRMaj a = new DMatrixRMaj(6, 6);
            Initialiser.orthogonal(rho).initialise(a, RandomSource.seeded(1));
            double[] sigma = Spectra.singularValues(a);
            ScaledMatrixProduct product = new ScaledMatrixProduct(6);
            for (int t = 0; t < T; t++) {
                product.leftMultiply(a);
            }
            double rounding = 4.0 * T * 6 * Math.ulp(1.0) + T * Math.ulp(T * Math.abs(Math.log(rho)));
            double log = product.logSpectralNorm();
            assertTrue(log <= T * Math.log(sigma[0]) + rounding && log >= T * Math.log(sigma[5]) - rounding,
                    "rho=" + rho + ": " + log);
            assertEquals(T * Math.log(rho), log, T * Math.log(sigma[0] / sigma[5]) + rounding, "rho=" + rho);
            assertTrue(Double.isFinite(product.logFrobeniusNorm()));
        }
    }

    @Test
    void derivativesOfOneInATrillionTrillionStayFiniteOverTenThousandSteps() {
        // A saturated unit's derivative is tiny but not zero: the product falls to e^(−6.9·10⁵), far below
        // the smallest double, and both products still report it.
        double[] d = {1e-300, 1e-300, 1e-300, 1e-300};
        DMatrixRMaj j = jacobian(d, 2);
        ScaledMatrixProduct scaled = new ScaledMatrixProduct(4);
        ProductSingularValues spectrum = new ProductSingularValues(4);
        for (int t = 0; t < T; t++) {
            scaled.leftMultiply(j);
            spectrum.multiplyLeft(j);
        }
        double expected = T * Math.log(1e-300);
        assertEquals(expected, scaled.logSpectralNorm(), 1e-9 * Math.abs(expected));
        for (double logSigma : spectrum.logSingularValues(new double[4])) {
            assertEquals(expected, logSigma, 1e-9 * Math.abs(expected));
        }
    }

    @Test
    void anExactlyZeroDerivativeLosesExactlyItsDirection() {
        DMatrixRMaj j = jacobian(new double[] {0.9, 0, 1.1, 0.5}, 3);
        ProductSingularValues spectrum = new ProductSingularValues(4);
        ScaledMatrixProduct scaled = new ScaledMatrixProduct(4);
        for (int t = 0; t < 1000; t++) {
            spectrum.multiplyLeft(j);
            scaled.leftMultiply(j);
        }
        double[] logSigma = spectrum.logSingularValues(new double[4]);
        for (int i = 0; i < 3; i++) {
            assertTrue(Double.isFinite(logSigma[i]), "direction " + i + " survives: " + logSigma[i]);
        }
        assertEquals(Double.NEGATIVE_INFINITY, logSigma[3]);
        assertTrue(Double.isFinite(scaled.logSpectralNorm()));
    }

    @Test
    void allDerivativesExactlyZeroMakeEveryDirectionMinusInfinity() {
        DMatrixRMaj dead = new DMatrixRMaj(3, 3);
        ProductSingularValues spectrum = new ProductSingularValues(3);
        ScaledMatrixProduct scaled = new ScaledMatrixProduct(3);
        spectrum.multiplyLeft(CommonOps_DDRM.diag(2, 3, 4));
        spectrum.multiplyLeft(dead);
        scaled.leftMultiply(dead);
        for (double logSigma : spectrum.logSingularValues(new double[3])) {
            assertEquals(Double.NEGATIVE_INFINITY, logSigma);
        }
        assertEquals(Double.NEGATIVE_INFINITY, scaled.logSpectralNorm());
        assertEquals(Double.NEGATIVE_INFINITY, scaled.logFrobeniusNorm());
    }

    @Test
    void factorsAtTheTopOfDoubleRangeStayFinite() {
        // W × 1e300: each factor has norm 1e300, the product e^(6.9·10⁶) after 10,000 steps.
        DMatrixRMaj j = jacobian(new double[] {1e300, 1e300, 1e300}, 4);
        ScaledMatrixProduct scaled = new ScaledMatrixProduct(3);
        ProductSingularValues spectrum = new ProductSingularValues(3);
        for (int t = 0; t < T; t++) {
            scaled.leftMultiply(j);
            spectrum.multiplyLeft(j);
        }
        double expected = T * Math.log(1e300);
        assertEquals(expected, scaled.logSpectralNorm(), 1e-9 * expected);
        assertEquals(expected, spectrum.logSpectralNorm(), 1e-9 * expected);
    }
}
