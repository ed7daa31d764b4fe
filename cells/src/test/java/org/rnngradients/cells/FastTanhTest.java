package org.rnngradients.cells;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnngradients.linalg.RandomSource;

/**
 * The batched kernels' tanh against {@link Math#tanh}: at most 4 ulps anywhere (3 measured, near
 * |x| = 0.42 on the exponential branch), exact at ±0, ±∞ and NaN.
 */
class FastTanhTest {

    private static double ulps(double x) {
        double expected = Math.tanh(x);
        return Math.abs(FastTanh.tanh(x) - expected) / Math.ulp(expected);
    }

    @Test
    void agreesWithMathTanhToFourUlpsOverEveryScale() {
        RandomSource random = RandomSource.seeded(1);
        double worst = 0;
        for (int k = 0; k < 200_000; k++) {
            double x = Math.copySign(Math.pow(10, random.uniform(-12, 1.5)), random.uniform(-1, 1));
            worst = Math.max(worst, ulps(x));
        }
        for (double x = -20; x <= 20; x += 1e-3) {
            worst = Math.max(worst, ulps(x));
        }
        for (double edge : new double[] {0.25, Math.nextDown(0.25), 19.1, Math.nextUp(19.1), 1e-300, Double.MIN_VALUE}) {
            worst = Math.max(worst, Math.max(ulps(edge), ulps(-edge)));
        }
        System.out.printf("FastTanh: worst error %.2f ulp%n", worst);
        assertTrue(worst <= 4, "worst error " + worst + " ulp");
    }

    @Test
    void specialValuesAreExact() {
        assertEquals(0.0, FastTanh.tanh(0.0), 0.0);
        assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(FastTanh.tanh(-0.0)));
        assertEquals(1.0, FastTanh.tanh(Double.POSITIVE_INFINITY), 0.0);
        assertEquals(-1.0, FastTanh.tanh(-1e308), 0.0);
        assertTrue(Double.isNaN(FastTanh.tanh(Double.NaN)));
    }
}
