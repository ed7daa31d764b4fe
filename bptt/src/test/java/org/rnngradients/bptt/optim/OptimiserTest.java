package org.rnngradients.bptt.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rnngradients.bptt.ParameterSet;

class OptimiserTest {

    private static ParameterSet vector(double... v) {
        DMatrixRMaj m = new DMatrixRMaj(v.length, 1);
        System.arraycopy(v, 0, m.data, 0, v.length);
        return new ParameterSet().with("w", m);
    }

    @Test
    void sgdWithMomentumAccumulatesTheVelocity() {
        ParameterSet theta = vector(1, -2);
        Sgd sgd = new Sgd(0.1, 0.9);
        sgd.step(theta, vector(1, 2));      // v = g, θ = θ − 0.1 g
        assertArrayEquals(new double[] {0.9, -2.2}, theta.get("w").data, 1e-15);
        sgd.step(theta, vector(1, 2));      // v = 0.9 g + g = 1.9 g
        assertArrayEquals(new double[] {0.9 - 0.19, -2.2 - 0.38}, theta.get("w").data, 1e-15);
        assertEquals(2, sgd.steps());
    }

    @Test
    void adamsFirstStepMovesEachParameterByTheLearningRateAgainstItsGradientSign() {
        ParameterSet theta = vector(0, 0, 0);
        new Adam(0.01).step(theta, vector(3, -1e-3, 50));
        assertArrayEquals(new double[] {-0.01, 0.01, -0.01}, theta.get("w").data, 1e-7);
    }

    @Test
    void adamMatchesTheBiasCorrectedMomentsOverTwoSteps() {
        ParameterSet theta = vector(1);
        Adam adam = new Adam(0.1, 0.5, 0.75, 1e-8);
        adam.step(theta, vector(2));
        adam.step(theta, vector(4));
        double m = 0.5 * (0.5 * 2) + 0.5 * 4;            // 3
        double v = 0.75 * (0.25 * 4) + 0.25 * 16;         // 4.75
        double mHat = m / (1 - 0.25);
        double vHat = v / (1 - 0.5625);
        double expected = 1 - 0.1 * 2 / (2 + 1e-8) - 0.1 * mHat / (Math.sqrt(vHat) + 1e-8);
        assertEquals(expected, theta.get("w").data[0], 1e-12);
    }

    @Test
    void badConstantsAndShapesAreRejectedBeforeAnyChange() {
        assertThrows(IllegalArgumentException.class, () -> new Sgd(0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Adam(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Adam(0.1, 1, 0.9, 1e-8));
        ParameterSet theta = vector(1, 2);
        assertThrows(IllegalArgumentException.class, () -> new Sgd(0.1, 0).step(theta, vector(1)));
        assertArrayEquals(new double[] {1, 2}, theta.get("w").data);
    }
}
