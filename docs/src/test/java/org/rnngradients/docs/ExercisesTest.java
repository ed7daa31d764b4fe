package org.rnngradients.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnngradients.cells.Activation;

/** Every exercise answer against a closed form or a brute-force check that does not share its code. */
class ExercisesTest {

    /** ρ^T first drops below {@code level} at the step the exercise answers, checked by brute force. */
    private static void assertFirstBelow(double rho, double level, int expected) {
        int t = Exercises.stepsBelow(rho, level);
        assertEquals(expected, t);
        assertTrue(Math.pow(rho, t) < level && Math.pow(rho, t - 1) >= level, "first step below " + level);
    }

    @Test
    void nineTenthsFallsBelowOneThousandthAtSixtySixSteps() {
        assertFirstBelow(0.9, 1e-3, 66);
    }

    @Test
    void transientOfTheNonNormalMatrixEndsWhereItsPowersFirstDropBelowOne() {
        double[] r = Exercises.transientEnd(0.9, 10, 0.8);
        int k = (int) r[0];
        // closed form of J^k for J = (a, c; 0, b): (a^k, c (a^k − b^k)/(a − b); 0, b^k)
        assertTrue(norm(k) < 1 && norm(k - 1) >= 1, "k = " + k);
        double peak = 0;
        for (int i = 1; i < k; i++) {
            peak = Math.max(peak, norm(i));
        }
        assertEquals(peak, r[1], 1e-9 * peak);
    }

    private static double norm(int k) {
        double a = Math.pow(0.9, k);
        double b = Math.pow(0.8, k);
        double c = 10 * (a - b) / (0.9 - 0.8);
        // spectral norm of (a, c; 0, b): sqrt of the larger eigenvalue of its Gram matrix
        double t = a * a + b * b + c * c;
        double d = Math.sqrt(t * t - 4 * a * a * b * b);
        return Math.sqrt((t + d) / 2);
    }

    @Test
    void keepingHalfTheSignalOverThirteenStepsNeedsAFactorOfAboutPointNineFourEight() {
        double f = Exercises.factorKeeping(0.5, 13);
        assertEquals(0.5, Math.pow(f, 13), 1e-12);
        assertEquals(0.9481, f, 1e-4);
    }

    @Test
    void aGatePassingNineTenthsLosesAboutHalfAnOrderPerTenSteps() {
        assertEquals(0.4576, Exercises.ordersPerTenSteps(0.9), 1e-4);
        assertEquals(10 * Math.log10(10.0 / 9), Exercises.ordersPerTenSteps(0.9), 1e-12);
    }

    @Test
    void sigmoidNetworkWithWeightNormThreeHasGammaThreeQuartersAndIsGuaranteedToVanish() {
        assertEquals(0.75, Exercises.sigmoidGamma(3), 0);
        assertFirstBelow(0.75, 1e-3, 25);
        assertEquals(4, Exercises.largestVanishingNorm(Activation.SIGMOID), 0);
        assertEquals(1, Exercises.largestVanishingNorm(Activation.TANH), 0);
    }

    @Test
    void stepNormsOfNinetyFivePercentGuaranteeAMillionfoldDecayAfter270Steps() {
        assertFirstBelow(0.95, 1e-6, 270);
    }

    @Test
    void aTopExponentOfMinusFiveHundredthsLosesThreeOrdersIn139Steps() {
        int t = Exercises.stepsForExponent(-0.05, 1e-3);
        assertEquals(139, t);
        assertTrue(Math.exp(-0.05 * t) < 1e-3 && Math.exp(-0.05 * (t - 1)) >= 1e-3);
    }

    @Test
    void checkpointingAThousandStepsKeepsSixtyFourRecords() {
        assertEquals(64, Exercises.checkpointRecords(1000));
        assertEquals(2 * 10, Exercises.checkpointRecords(100), "exactly 2√T for a square T");
    }

    @Test
    void statefulBpttWithWindowTenCarriesALossBackFiveAndAHalfStepsOnAverage() {
        double sum = 0;
        for (int i = 1; i <= 10; i++) {
            sum += i;
        }
        assertEquals(sum / 10, Exercises.meanHistory(10), 0);
    }

    @Test
    void everyAnswerIsWrittenAsAnAttribute() {
        Attributes a = new Attributes();
        new Exercises().contribute(a);
        assertEquals("66", a.get("exercise-nine-tenths-below-1e-3"));
        assertEquals("25", a.get("exercise-sigmoid-gamma-steps"));
        assertEquals("139", a.get("exercise-exponent-steps"));
        assertEquals("−1.623", a.get("exercise-henon-second"));
    }
}
