package org.rnngradients.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MeanFieldTheoryTest {
    private final MeanFieldTheory theory = new MeanFieldTheory();

    /**
     * An independent reference: the trapezoidal rule on |z| ≤ 12 with step h (exponentially accurate for
     * integrands analytic in a strip, error ~ exp(−2πd/h) with d = π/(2√q) the distance to the nearest
     * pole of tanh(√q z); the Gaussian tail beyond 12 is below 1e-31).
     */
    private static double trapezoid(DoubleUnaryOperator f, double h) {
        int m = (int) Math.ceil(12 / h);
        double sum = 0;
        for (int k = -m; k <= m; k++) {
            double z = k * h;
            sum += h * Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI) * f.applyAsDouble(z);
        }
        return sum;
    }

    /** {q*, λ} by plain fixed-point iteration q ← g² E[tanh²(√q z)] from q = g² (a different root finder). */
    private static double[] reference(double g, double h) {
        double q = g * g;
        for (int it = 0; it < 100_000; it++) {
            double s = Math.sqrt(q);
            double next = g * g * trapezoid(z -> Math.pow(Math.tanh(s * z), 2), h);
            if (Math.abs(next - q) <= 1e-15 * q) {
                q = next;
                break;
            }
            q = next;
        }
        double s = Math.sqrt(q);
        double chi = g * g * trapezoid(z -> Math.pow(1 / Math.cosh(s * z), 4), h);
        return new double[] {q, 0.5 * Math.log(chi)};
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.05, 0.5, 0.9, 0.999, 1.0})
    void atOrBelowOneTheVarianceIsZeroAndTheExponentIsLnGExactly(double g) {
        MeanFieldTheory.Solution s = theory.solve(g);
        assertEquals(0.0, s.variance());
        assertEquals(Math.log(g), s.largestExponent(), 0.0);
        assertEquals(0, s.order());
    }

    @Test
    void theExponentIsContinuousAtOne() {
        for (double eps : new double[] {1e-2, 1e-4, 1e-6}) {
            double above = theory.largestExponent(1 + eps);
            double below = theory.largestExponent(1 - eps);
            assertTrue(above >= 0 && above <= eps * eps, "0 ≤ λ(1+ε) ≤ ε² at ε = " + eps + ": " + above);
            assertTrue(below < 0 && below >= -1.01 * eps, "λ(1−ε) = ln(1−ε) ≈ −ε: " + below);
        }
    }

    @Test
    void justAboveOneTheExponentRisesAsTwoThirdsOfTheSquaredDistance() {
        // series: q* = ε + O(ε²) and χ = 1 + (4/3)q*² + O(q*³), so λ/ε² = 2/3 + O(ε) and q*/ε = 1 + O(ε)
        for (double eps : new double[] {1e-2, 1e-3, 1e-4}) {
            MeanFieldTheory.Solution s = theory.solve(1 + eps);
            assertEquals(2.0 / 3, s.largestExponent() / (eps * eps), 3 * eps, "λ/ε² at ε = " + eps);
            assertEquals(1, s.variance() / eps, 2 * eps, "q*/ε at ε = " + eps);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.2, 2.0, 3.0})
    void theFixedPointSatisfiesItsEquationUnderTheHighestOrderRule(double g) {
        double q = theory.variance(g);
        double s = Math.sqrt(q);
        double rhs = g * g * GaussHermite.of(GaussHermite.MAX_ORDER).expectation(z -> Math.pow(Math.tanh(s * z), 2));
        assertEquals(q, rhs, 1e-10 * q);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.05, 1.5, 2.0, 2.5, 3.0})
    void quadratureAgreesWithAnIndependentHighResolutionReference(double g) {
        double h = 0.1 / g;                    // exp(−2π·(π/(2g))/h) = exp(−10π²) ≈ 1e-43 (q* < g²)
        double[] ref = reference(g, h);
        double[] halved = reference(g, h / 2);
        assertEquals(ref[1], halved[1], 1e-14, "the reference itself has converged");
        MeanFieldTheory.Solution s = theory.solve(g);
        // the sweep compares simulations whose standard errors are ~1e-3; 1e-8 is far below what matters
        assertEquals(ref[1], s.largestExponent(), 1e-8, "λ at g = " + g + " (order " + s.order() + ")");
        assertEquals(ref[0], s.variance(), 1e-8 * ref[0], "q* at g = " + g);
        assertTrue(s.quadratureError() <= MeanFieldTheory.DEFAULT_TOLERANCE);
        assertTrue(Math.abs(ref[1] - s.largestExponent()) <= Math.max(s.quadratureError(), 1e-13),
                "the reported error estimate bounds the actual error");
    }

    @Test
    void largeGainsApproachTheAsymptote() {
        // q* → g² − g√(2/π) and g² E[sech⁴(√q* z)] → g · 4/(3√(2π)) · (1 + 1/(√(2π) g)), so
        // λ = ½ ln g + ½ ln(4/(3√(2π))) + 1/(2√(2π) g) + O(1/g²)
        double c = 0.5 * Math.log(4 / (3 * Math.sqrt(2 * Math.PI)));
        double previous = Double.POSITIVE_INFINITY;
        for (double g : new double[] {2.0, 2.5, 3.0}) {
            double lambda = theory.largestExponent(g);
            double oneTerm = lambda - (0.5 * Math.log(g) + c);
            double twoTerms = oneTerm - 1 / (2 * Math.sqrt(2 * Math.PI) * g);
            assertTrue(Math.abs(oneTerm) > 3 * Math.abs(twoTerms), "the 1/g term accounts for most of the gap at g = " + g);
            double scaled = Math.abs(twoTerms) * g * g;
            assertTrue(scaled < 0.1 && scaled < previous, "remainder ≈ 0.09/g², shrinking: " + scaled + " at g = " + g);
            previous = scaled;
        }
    }

    @Test
    void theStretchIsBelowTheLinearGainAboveOne() {
        // saturation: E[tanh′²] < 1 for q* > 0, so λ < ln g, and λ > 0 for every g > 1
        for (double g : new double[] {1.01, 1.3, 2.0, 3.0}) {
            double lambda = theory.largestExponent(g);
            assertTrue(lambda > 0 && lambda < Math.log(g), "0 < λ < ln g at g = " + g);
        }
    }

    @Test
    void theGainForAnExponentInvertsTheCurve() {
        assertEquals(1.0, theory.gainForExponent(0), 0.0);
        assertEquals(Math.exp(-0.2), theory.gainForExponent(-0.2), 0.0);
        for (double lambda : new double[] {1e-4, 0.01, 0.2}) {
            double g = theory.gainForExponent(lambda);
            assertEquals(lambda, theory.largestExponent(g), 1e-12, "λ(g(λ)) at λ = " + lambda);
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> theory.gainForExponent(0.5)).getMessage()
                .startsWith("lambda must be <="));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.05, 0.5, 1.0})
    void atOrBelowOneTheStretchIsTheSquaredGain(double g) {
        // q* = 0: tanh′(0) = 1, so χ = g² exactly
        assertEquals(g * g, theory.solve(g).stretch(), 0.0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.2, 2.0})
    void theVarianceIsThatOfTheSolution(double g) {
        double q = theory.variance(g);
        assertTrue(q > 0, "q* > 0 above g = 1: " + q);
        assertEquals(theory.solve(g).variance(), q, 0.0);
    }

    @Test
    void theExponentAtTheTopOfTheRangeIsInvertedToThatGain() {
        // λ_max(3) itself is in range (the bound is inclusive); bisection ends within a few ulp of 3
        double top = theory.largestExponent(3);
        assertEquals(3, theory.gainForExponent(top), 1e-12);
    }

    /** The documented stopping rule between two successive orders. */
    private static boolean agree(MeanFieldTheory.Solution next, MeanFieldTheory.Solution previous, double tolerance) {
        return Math.abs(next.largestExponent() - previous.largestExponent()) <= tolerance
                && Math.abs(next.variance() - previous.variance()) <= tolerance * Math.max(1, next.variance());
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-3, 7e-4, 1e-6, 1e-8})
    void theQuadratureStopsAtTheFirstPairOfOrdersThatAgree(double tolerance) {
        // at g = 3, τ = 7e-4 orders 256 and 128 agree (dλ ≈ 4.9e-4, dq ≈ 1.6e-4 ≤ τ·q*, q* ≈ 6.3), but would not
        // under a q* criterion that shrank with q* (τ/q* ≈ 1.1e-4): the case that tells the scaling apart
        for (double g : new double[] {1.5, 2.0, 3.0}) {
            MeanFieldTheory.Solution s = new MeanFieldTheory(tolerance).solve(g);
            int n = s.order();
            MeanFieldTheory.Solution last = MeanFieldTheory.atOrder(g, GaussHermite.of(n));
            MeanFieldTheory.Solution before = MeanFieldTheory.atOrder(g, GaussHermite.of(n / 2));
            assertTrue(agree(last, before, tolerance), "orders " + n + " and " + n / 2 + " agree at g = " + g);
            if (n / 2 > 64) {
                assertFalse(agree(before, MeanFieldTheory.atOrder(g, GaussHermite.of(n / 4)), tolerance),
                        "orders " + n / 2 + " and " + n / 4 + " do not, at g = " + g + " and τ = " + tolerance);
            }
            assertEquals(last.largestExponent(), s.largestExponent(), 0.0);
            assertEquals(Math.abs(last.largestExponent() - before.largestExponent()), s.quadratureError(), 0.0);
        }
    }

    @Test
    void rejectsANonPositiveOrNonFiniteGain() {
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> theory.solve(bad));
            assertTrue(e.getMessage().startsWith("g must be") && e.getMessage().contains(Double.toString(bad)),
                    e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new MeanFieldTheory(0));
    }

    @Test
    void aGainBeyondTheQuadratureIsRefusedByName() {
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> theory.solve(10));
        assertTrue(e.getMessage().contains("g = 10.0"), e.getMessage());
    }
}
