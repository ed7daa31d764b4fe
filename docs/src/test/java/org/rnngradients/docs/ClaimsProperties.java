package org.rnngradients.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.ejml.data.DMatrixRMaj;
import org.rnngradients.linalg.RandomMatrices;
import org.rnngradients.linalg.RandomSource;
import org.rnngradients.linalg.Spectra;

/** The general claims of the ledger as properties over random inputs. */
class ClaimsProperties {

    @Property(tries = 1000)
    void scaledIdentityPowerHasNormRhoToTheK(@ForAll @DoubleRange(min = 0.1, max = 1.6) double rho,
                                             @ForAll @IntRange(min = 0, max = 40) int k) {
        assertEquals(Math.pow(rho, k), Claims.scaledIdentityPowerNorm(rho, k, 3), 1e-12 * Math.max(1, Math.pow(rho, k)));
    }

    @Property(tries = 1000)
    void diagonalScalingNeverExceedsTheNormBound(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int n) {
        RandomSource random = RandomSource.seeded(seed);
        DMatrixRMaj w = RandomMatrices.gaussian(n, n, random);
        DMatrixRMaj j = new DMatrixRMaj(n, n);
        double maxD = 0;
        for (int r = 0; r < n; r++) {
            double d = random.uniform(-1, 1);
            maxD = Math.max(maxD, Math.abs(d));
            for (int c = 0; c < n; c++) {
                j.set(r, c, d * w.get(r, c));
            }
        }
        assertTrue(Spectra.spectralNorm(j) <= maxD * Spectra.spectralNorm(w) * (1 + 1e-12) + 1e-15);
    }

    @Property(tries = 1000)
    void clippedNormIsTheSmallerOfNormAndThreshold(@ForAll @DoubleRange(min = 0.01, max = 100) double norm,
                                                   @ForAll @DoubleRange(min = 0.01, max = 100) double theta,
                                                   @ForAll long seed) {
        double[] out = Claims.clipOutcome(norm, theta, seed);
        assertEquals(Math.min(norm, theta), out[0], 1e-9 * Math.max(norm, theta));
        assertEquals(1.0, out[1], 1e-9);
    }

    @Property(tries = 1000)
    void tanhDerivativeLiesInTheUnitIntervalAndPeaksAtZero(@ForAll @DoubleRange(min = -20, max = 20) double z) {
        double d = Claims.tanhDerivative(z);
        assertTrue(d >= 0 && d <= Claims.tanhDerivative(0));
        assertTrue(Claims.sigmoidDerivative(z) <= 0.25);
    }
}
