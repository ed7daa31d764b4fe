package org.rnngradients.cells;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** φ′ against central differences, sup|φ′| against a grid search, and the sigmoid's far tails. */
class ActivationTest {

    @ParameterizedTest
    @EnumSource(Activation.class)
    void derivativeMatchesCentralDifferencesAwayFromTheReluKink(Activation a) {
        // h = 1e-5: truncation h²|φ‴|/6 < 1e-10 and rounding ε/h ≈ 2e-11, so 1e-9 absolute is tight
        double h = 1e-5;
        for (double z : new double[] {-3, -0.7, -0.1, 0.2, 1.1, 4}) {
            double numeric = (a.apply(z + h) - a.apply(z - h)) / (2 * h);
            assertEquals(numeric, a.derivative(z, a.apply(z)), 1e-9, a + " at z = " + z);
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void supDerivativeIsTheLargestDerivativeOnAFineGrid(Activation a) {
        double largest = 0;
        for (int k = -10_000; k <= 10_000; k++) {           // z = −10 … 10 in steps of 1e-3, z = 0 included exactly
            double z = k / 1000.0;
            largest = Math.max(largest, Math.abs(a.derivative(z, a.apply(z))));
        }
        assertEquals(largest, a.supDerivative(), 0.0, a.toString());
    }

    @Test
    void reluDerivativeAtTheKinkIsZeroAsInPyTorch() {
        assertEquals(0.0, Activation.RELU.derivative(0, 0), 0.0);
        assertEquals(0.0, Activation.RELU.apply(-2), 0.0);
        assertEquals(1.0, Activation.RELU.derivative(1e-300, 1e-300), 0.0);
    }

    @Test
    void sigmoidIsAccurateInBothTailsWhereOneOverOnePlusExpIsNot() {
        // 1/(1 + e^710) is 1/∞ = 0; the stable form keeps e^−710 ≈ 4.5e-309 (subnormal)
        assertTrue(Activation.sigmoid(-710) > 0);
        assertEquals(Math.exp(-710), Activation.sigmoid(-710), 0.0);
        assertEquals(Math.exp(-40), Activation.sigmoid(-40), 1e-15 * Math.exp(-40));
        assertEquals(1.0, Activation.sigmoid(40), 0.0);
        for (double z : new double[] {0.3, 2, 17}) {
            assertEquals(1.0, Activation.sigmoid(z) + Activation.sigmoid(-z), 2 * Math.ulp(1.0), "symmetry at " + z);
        }
    }
}
