package org.rnngradients.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.ejml.data.DMatrixRMaj;
import org.rnngradients.linalg.ProductSingularValues;
import org.rnngradients.linalg.RandomSource;
import org.rnngradients.linalg.Spectra;

/**
 * Volume identities on random long products, where the explicit product is not representable:
 * Σ_i ln σ_i(∏F_t) = Σ_t ln|det F_t| for the stable product spectrum, and Σ_i λ_i = mean ln|det J_t|
 * for the Lyapunov spectrum. Factors are random (Haar-random singular bases) with singular values in a
 * bounded band, so each is well conditioned and the identities hold to rounding; the scales reach
 * e^{±1000} over 400 factors. (For nearly singular factors both sides carry errors of order κ·ε.)
 */
class VolumeProperties {

    @Property(tries = 1000)
    void logSingularValuesOfALongProductSumToTheLogDeterminants(@ForAll @IntRange(min = 1, max = 4) int n,
                                                                 @ForAll @IntRange(min = 1, max = 400) int factors,
                                                                 @ForAll @DoubleRange(min = 0.05, max = 20) double scale,
                                                                 @ForAll long seed) {
        List<DMatrixRMaj> f = factors(JacobianConstructions.misaligned(n, factors, 0.2 * scale, 2 * scale,
                RandomSource.seeded(seed)), factors);
        double[] logSigma = ProductSingularValues.of(f);
        LogDeterminant det = new LogDeterminant(n);
        double logVolume = 0;
        double logBound = 0;
        for (DMatrixRMaj ft : f) {
            logVolume += det.logAbsDeterminant(ft);
            logBound += Math.log(Spectra.spectralNorm(ft));
        }
        double sum = 0;
        for (double s : logSigma) {
            assertTrue(Double.isFinite(s), "finite ln sigma");
            sum += s;
        }
        assertEquals(logVolume, sum, 1e-9 * Math.max(1, Math.abs(logVolume)) + 1e-10 * factors);
        assertTrue(logSigma[0] <= logBound + 1e-9 * Math.max(1, Math.abs(logBound)), "ln sigma_1 <= sum ln ||F_t||");
    }

    @Property(tries = 1000)
    void lyapunovExponentsSumToTheMeanLogDeterminant(@ForAll @IntRange(min = 1, max = 4) int n,
                                                      @ForAll @IntRange(min = 1, max = 20) int period,
                                                      @ForAll @IntRange(min = 1, max = 200) int steps,
                                                      @ForAll long seed) {
        List<DMatrixRMaj> f = factors(JacobianConstructions.misaligned(n, period, 0.05, 3.0, RandomSource.seeded(seed)), period);
        assertSumIsMeanLogDeterminant(f, steps, 1);
    }

    /**
     * With m &gt; 1 steps between re-orthonormalisations the identity holds to κ·ε of the m-step product,
     * so the factors here are well conditioned (singular values in [0.5, 2]).
     */
    @Property(tries = 1000)
    void lyapunovExponentsSumToTheMeanLogDeterminantForAnyInterval(@ForAll @IntRange(min = 1, max = 4) int n,
                                                                    @ForAll @IntRange(min = 1, max = 20) int period,
                                                                    @ForAll @IntRange(min = 1, max = 200) int steps,
                                                                    @ForAll @IntRange(min = 1, max = 5) int interval,
                                                                    @ForAll long seed) {
        List<DMatrixRMaj> f = factors(JacobianConstructions.misaligned(n, period, 0.5, 2.0, RandomSource.seeded(seed)), period);
        assertSumIsMeanLogDeterminant(f, steps, interval);
    }

    private static List<DMatrixRMaj> factors(JacobianSequence source, int count) {
        List<DMatrixRMaj> f = new java.util.ArrayList<>();
        for (int t = 0; t < count; t++) {
            DMatrixRMaj j = new DMatrixRMaj(source.dimension(), source.dimension());
            source.advance(j);
            f.add(j);
        }
        return f;
    }

    private static void assertSumIsMeanLogDeterminant(List<DMatrixRMaj> f, int steps, int interval) {
        int n = f.get(0).numRows;
        LyapunovResult result = new LyapunovSpectrum(n, 3, steps, interval).compute(JacobianSequence.of(f));
        LogDeterminant det = new LogDeterminant(n);
        double sum = 0;
        for (int t = 3; t < 3 + steps; t++) {
            sum += det.logAbsDeterminant(f.get(t % f.size()));
        }
        assertEquals(sum / steps, result.sum(), 1e-10);
    }
}
