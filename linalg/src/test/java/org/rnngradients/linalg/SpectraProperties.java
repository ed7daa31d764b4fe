package org.rnngradients.linalg;

import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Norm inequalities over random matrices of sizes 1..8 with entries U[−s, s], s = 10^k for k in −3..3.
 * Tolerance: each side is computed by a backward-stable method (SVD, Hessenberg QR), so it is exact
 * for a matrix perturbed by about n·ε relative; a relative slack of 1e-12 (≈ 4500 ε) covers n ≤ 8.
 */
class SpectraProperties {
    private static final double SLACK = 1 + 1e-12;

    @Property(tries = 1000)
    void spectralNormIsSubmultiplicative(@ForAll @IntRange(min = 1, max = 8) int m,
            @ForAll @IntRange(min = 1, max = 8) int k, @ForAll @IntRange(min = 1, max = 8) int n,
            @ForAll @IntRange(min = -3, max = 3) int decade, @ForAll long seed) {
        DMatrixRMaj a = TestMatrices.uniform(m, k, Math.pow(10, decade), seed);
        DMatrixRMaj b = TestMatrices.uniform(k, n, 1, seed + 1);
        DMatrixRMaj ab = CommonOps_DDRM.mult(a, b, null);
        double lhs = Spectra.spectralNorm(ab);
        double rhs = Spectra.spectralNorm(a) * Spectra.spectralNorm(b);
        assertTrue(lhs <= rhs * SLACK, "‖AB‖ = " + lhs + " > ‖A‖‖B‖ = " + rhs);
    }

    @Property(tries = 1000)
    void spectralRadiusIsAtMostTheSpectralNorm(@ForAll @IntRange(min = 1, max = 8) int n,
            @ForAll @IntRange(min = -3, max = 3) int decade, @ForAll long seed) {
        DMatrixRMaj a = TestMatrices.uniform(n, n, Math.pow(10, decade), seed);
        double rho = Spectra.spectralRadius(a);
        double norm = Spectra.spectralNorm(a);
        assertTrue(rho <= norm * SLACK, "ρ = " + rho + " > ‖A‖ = " + norm);
    }

    @Property(tries = 1000)
    void singularValuesAreSortedAndTheirSquaresSumToTheFrobeniusNormSquared(
            @ForAll @IntRange(min = 1, max = 8) int m, @ForAll @IntRange(min = 1, max = 8) int n, @ForAll long seed) {
        // Σσᵢ² = ‖A‖_F²; relative tolerance 1e-13 for rounding in both sums.
        DMatrixRMaj a = TestMatrices.uniform(m, n, 1, seed);
        double[] s = Spectra.singularValues(a);
        double sum = 0;
        for (int i = 0; i < s.length; i++) {
            assertTrue(i == 0 || s[i - 1] >= s[i], "descending");
            sum += s[i] * s[i];
        }
        double frobenius = CommonOps_DDRM.elementSum(CommonOps_DDRM.elementMult(a, a, null));
        assertTrue(Math.abs(sum - frobenius) <= 1e-13 * frobenius, sum + " vs " + frobenius);
    }
}
