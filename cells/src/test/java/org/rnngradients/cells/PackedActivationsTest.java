package org.rnngradients.cells;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.rnngradients.linalg.RandomSource;

/**
 * The packed σ and tanh against the scalar references ({@link Activation#sigmoid}, {@link Math#tanh}): at most
 * 4 ulps over |z| from 1e-300 to the packed limit (3 measured for both), exact at 0; writes exactly the
 * requested run, across chunk boundaries; and {@code maxAbs} sees NaN and ∞.
 */
class PackedActivationsTest {
    private static final int SAMPLES = 200_000;

    /** |z| log-uniform over [1e-300, 1e-2] and uniform over [0, LIMIT), both signs, plus a grid around 0. */
    private static double[] arguments() {
        RandomSource random = RandomSource.seeded(3);
        double[] z = new double[SAMPLES + 8001];
        for (int k = 0; k < SAMPLES; k++) {
            double magnitude = k % 2 == 0 ? Math.pow(10, random.uniform(-300, -2))
                    : random.uniform(0, PackedActivations.LIMIT);
            z[k] = Math.copySign(Math.min(magnitude, Math.nextDown(PackedActivations.LIMIT)), random.uniform(-1, 1));
        }
        for (int k = 0; k <= 8000; k++) {
            z[SAMPLES + k] = (k - 4000) * 5e-3;
        }
        return z;
    }

    private static double worstUlps(double[] expected, double[] actual) {
        double worst = 0;
        for (int k = 0; k < expected.length; k++) {
            worst = Math.max(worst, Math.abs(actual[k] - expected[k]) / Math.ulp(expected[k]));
        }
        return worst;
    }

    @Test
    void sigmoidAgreesWithTheScalarSigmoidToFourUlps() {
        double[] z = arguments();
        double[] packed = new double[z.length];
        new PackedActivations().sigmoid(z, 0, z.length, packed, 0);
        double[] expected = Arrays.stream(z).map(Activation::sigmoid).toArray();
        double worst = worstUlps(expected, packed);
        System.out.printf("packed sigmoid: worst error %.2f ulp%n", worst);
        assertTrue(worst <= 4, "worst error " + worst + " ulp");
    }

    @Test
    void tanhAgreesWithMathTanhToFourUlps() {
        double[] z = arguments();
        double[] packed = new double[z.length];
        new PackedActivations().tanh(z, 0, z.length, packed, 0);
        double[] expected = Arrays.stream(z).map(Math::tanh).toArray();
        double worst = worstUlps(expected, packed);
        System.out.printf("packed tanh: worst error %.2f ulp%n", worst);
        assertTrue(worst <= 4, "worst error " + worst + " ulp");
    }

    @Test
    void zeroAndTheEndsOfTheRangeAreAccurate() {
        double limit = Math.nextDown(PackedActivations.LIMIT);
        double[] z = {0, -0.0, limit, -limit, Double.MIN_VALUE, 1e-300};
        double[] sigma = new double[z.length];
        double[] tanh = new double[z.length];
        PackedActivations packed = new PackedActivations();
        packed.sigmoid(z, 0, z.length, sigma, 0);
        packed.tanh(z, 0, z.length, tanh, 0);
        assertEquals(0.5, sigma[0], 0.0);
        assertEquals(0.5, sigma[1], 0.0);
        assertEquals(1.0, sigma[2], 0.0);
        assertEquals(Math.exp(-limit), sigma[3], 4 * Math.ulp(Math.exp(-limit)));
        assertEquals(0.0, tanh[0], 0.0);
        assertEquals(1.0, tanh[2], 0.0);
        assertEquals(-1.0, tanh[3], 0.0);
        assertEquals(Double.MIN_VALUE, tanh[4], 0.0);
        assertEquals(1e-300, tanh[5], Math.ulp(1e-300));
    }

    @Test
    void writesExactlyTheRequestedRunAcrossChunkBoundaries() {
        PackedActivations packed = new PackedActivations();
        for (int n : new int[] {0, 1, 7, 511, 512, 513, 1500}) {
            double[] z = new double[n + 10];
            for (int k = 0; k < z.length; k++) {
                z[k] = Math.sin(k) * 5;
            }
            double[] out = new double[n + 20];
            Arrays.fill(out, -7);
            packed.sigmoid(z, 3, n, out, 11);
            for (int k = 0; k < out.length; k++) {
                if (k < 11 || k >= 11 + n) {
                    assertEquals(-7, out[k], 0.0, "n = " + n + ": element " + k + " outside the run was written");
                } else {
                    assertEquals(Activation.sigmoid(z[k - 8]), out[k], 4 * Math.ulp(out[k]), "n = " + n + ", element " + k);
                }
            }
        }
    }

    @Test
    void maxAbsSeesTheLargestMagnitudeAndNonFiniteValues() {
        double[] z = new double[1000];
        for (int k = 0; k < z.length; k++) {
            z[k] = Math.cos(k);
        }
        z[617] = -299.5;
        assertEquals(299.5, PackedActivations.maxAbs(z, 0, z.length), 0.0);
        assertEquals(0.0, PackedActivations.maxAbs(z, 5, 0), 0.0);
        z[400] = Double.NEGATIVE_INFINITY;
        assertEquals(Double.POSITIVE_INFINITY, PackedActivations.maxAbs(z, 0, z.length), 0.0);
        z[900] = Double.NaN;
        assertTrue(Double.isNaN(PackedActivations.maxAbs(z, 0, z.length)));
        assertEquals(1.0, PackedActivations.maxAbs(new double[] {0.5, -1.0, Double.NaN}, 0, 2), 0.0);
    }
}
