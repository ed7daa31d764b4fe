package org.rnngradients.bptt.clip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PascanuCliffTest {
    private final PascanuCliff cliff = PascanuCliff.PASCANU_2013;

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @ParameterizedTest
    @CsvSource({"4.5, -2.6", "6.0, -3.0", "-1.0, 0.5", "4.5, -2.3"})
    void theCellComputesThePapersRecurrence(double w, double b) {
        double x = 0.5;                                     // x_t = w σ(x_{t−1}) + b, x_0 = 0.5
        for (int t = 0; t < 50; t++) {
            x = w * sigmoid(x) + b;
        }
        assertEquals(Math.pow(sigmoid(x) - 0.7, 2), cliff.loss(w, b), 1e-15);
    }

    @ParameterizedTest
    @CsvSource({
        // smooth regions on either side of the wall, and points on its face (|∇E| from 0.1 to ~10)
        "2.0, 0.0, 1e-5", "6.0, -3.6, 1e-5", "6.0, -2.9, 1e-5", "4.5, -2.6, 1e-5", "4.5, -2.31, 1e-7",
        "4.5, -2.3, 1e-7", "3.9404, -1.9735, 1e-7"})
    void theEnginesGradientIsTheSurfacesSlope(double w, double b, double h) {
        double[] g = cliff.gradient(w, b);
        double dw = (cliff.loss(w + h, b) - cliff.loss(w - h, b)) / (2 * h);
        double db = (cliff.loss(w, b + h) - cliff.loss(w, b - h)) / (2 * h);
        // central differences: O(h²·E''') truncation and O(ε/h) rounding; the step is smaller on the steep face,
        // where E''' is large, and 1e-5 relative (with an absolute floor of 1e-9) covers both
        assertEquals(dw, g[0], 1e-5 * Math.abs(dw) + 1e-9, "∂E/∂w at (" + w + ", " + b + ")");
        assertEquals(db, g[1], 1e-5 * Math.abs(db) + 1e-9, "∂E/∂b at (" + w + ", " + b + ")");
    }

    @Test
    void theLossJumpsAcrossTheWall() {
        for (double w : new double[] {5.0, 6.0, 8.0}) {
            double b = cliff.wall(w);
            double below = cliff.loss(w, b - 0.02);
            double above = cliff.loss(w, b + 0.02);
            assertTrue(below > 0.3 && above < 0.1, "E falls from ~(0 − 0.7)² to ~(1 − 0.7)² across b = " + b);
        }
        assertThrows(IllegalArgumentException.class, () -> cliff.wall(4.0), "no bistability below w = 4.25");
    }

    @Test
    void theClippedPathNeverStepsFurtherThanTheLearningRateTimesTheThreshold() {
        double lr = 1;
        double theta = 0.5;
        List<PascanuCliff.Point> clipped = cliff.descend(4.5, -2.6, lr, 60, GradientClipper.globalNorm(theta));
        boolean anyClipped = false;
        for (PascanuCliff.Point p : clipped) {
            assertTrue(p.stepLength() <= lr * theta * (1 + 1e-12), "step " + p.step() + ": " + p.stepLength());
            anyClipped |= p.clipped();
        }
        assertTrue(anyClipped, "the path meets the wall and is clipped there");
        List<PascanuCliff.Point> free = cliff.descend(4.5, -2.6, lr, 60, GradientClipper.none(NonFinitePolicy.THROW));
        double longest = free.stream().mapToDouble(PascanuCliff.Point::stepLength).max().orElseThrow();
        assertTrue(longest > 2, "without clipping the wall throws the path: " + longest);
        assertTrue(free.get(60).loss() > 5 * clipped.get(60).loss(), "and it ends on a plateau, far from the valley");
    }

    @Test
    void aDescentPathStartsWhereAskedAndStepsDownTheGradient() {
        List<PascanuCliff.Point> path = cliff.descend(2.0, 0.0, 0.1, 3, GradientClipper.none(NonFinitePolicy.THROW));
        assertEquals(4, path.size());
        assertEquals(2.0, path.get(0).w());
        double[] g = cliff.gradient(2.0, 0.0);
        assertEquals(2.0 - 0.1 * g[0], path.get(1).w(), 1e-15);
        assertEquals(0.0 - 0.1 * g[1], path.get(1).b(), 1e-15);
        assertEquals(cliff.loss(path.get(1).w(), path.get(1).b()), path.get(1).loss(), 1e-15);
        assertEquals(0, path.get(3).stepLength());
    }

    @Test
    void badSettingsAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new PascanuCliff(0, 0.5, 0.7)).getMessage()
                .startsWith("horizon"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new PascanuCliff(5, Double.NaN, 0.7)).getMessage()
                .startsWith("initialPreActivation"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> cliff.loss(Double.POSITIVE_INFINITY, 0))
                .getMessage().startsWith("w"));
        assertThrows(IllegalArgumentException.class, () -> cliff.descend(1, 1, 0, 3, GradientClipper.globalNorm(1)));
        assertThrows(IllegalArgumentException.class, () -> cliff.descend(1, 1, 0.1, -1, GradientClipper.globalNorm(1)));
    }
}
