package org.rnngradients.analysis.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.rnngradients.cells.CellKind;

/** GainSummary and ZeroCrossing on results with known answers. */
class SweepStatisticsTest {

    private static SweepResult result(int n, double g, long seed, double lambda, double half) {
        return new SweepResult(new SweepPoint(CellKind.RNN_TANH, n, g, seed), lambda, half, 0.25, Double.NaN);
    }

    @Test
    void summaryGivesMeanStandardErrorCountsAndTheHalfTimeChange() {
        List<SweepResult> rs = List.of(result(8, 1.5, 1, 0.1, 0.12), result(8, 1.5, 2, 0.3, 0.3),
                result(8, 1.5, 3, -0.01, 0.0), result(8, 2.0, 1, 0.5, 0.5));
        List<GainSummary> s = GainSummary.of(rs, 0.05);
        assertEquals(2, s.size());
        GainSummary a = s.get(0);
        assertEquals(1.5, a.gain());
        assertEquals(3, a.networks());
        assertEquals(0.13, a.meanExponent(), 1e-15);
        // s² = ((−0.03)² + 0.17² + (−0.14)²)/2 = 0.0247, SE = √(0.0247/3)
        assertEquals(Math.sqrt(0.0247 / 3), a.standardError(), 1e-15);
        assertEquals(0.14, a.meanHalfTimeExponent(), 1e-15);
        assertEquals(0.02, a.largestHalfTimeChange(), 1e-15);
        assertEquals(2, a.positive());
        assertEquals(2, a.exploding());
        assertEquals(0.25, a.meanActivity(), 1e-15);
        assertTrue(Double.isNaN(a.meanSpectralRadius()));
        assertTrue(Double.isNaN(s.get(1).standardError()), "one network has no standard error");
    }

    @Test
    void countsAreStrictAndTheSpectralRadiusIsAveraged() {
        // λ = 0 is not positive and λ = ε is not exploding: both counts are strict inequalities
        List<SweepResult> rs = List.of(
                new SweepResult(new SweepPoint(CellKind.RNN_TANH, 8, 1.5, 1), 0.0, 0.0, 0.25, 1.25),
                new SweepResult(new SweepPoint(CellKind.RNN_TANH, 8, 1.5, 2), 0.05, 0.05, 0.25, 1.5),
                new SweepResult(new SweepPoint(CellKind.RNN_TANH, 8, 1.5, 3), 0.5, 0.5, 0.25, 2.0));
        GainSummary a = GainSummary.of(rs, 0.05).get(0);
        assertEquals(2, a.positive());
        assertEquals(1, a.exploding());
        assertEquals((1.25 + 1.5 + 2.0) / 3, a.meanSpectralRadius(), 1e-15);
    }

    @Test
    void twoNetworksHaveAStandardError() {
        // s² = ((−0.5)² + 0.5²)/1 = 0.5, SE = √(0.5/2) = 0.5
        assertEquals(0.5, GainSummary.standardError(new double[] {1, 2}), 1e-15);
        assertTrue(Double.isNaN(GainSummary.standardError(new double[] {1})));
        assertTrue(Double.isNaN(GainSummary.standardError(new double[] {1, Double.NEGATIVE_INFINITY})));
    }

    @Test
    void theStandardErrorIsComputedFromDeviationsSoALargeMeanCostsNoPrecision() {
        // Σ(x − x̄)² and Σx² − n·x̄² are equal in exact arithmetic; only the first survives a mean of 1e6 with a
        // spread of 1e-3. The inputs are themselves rounded to ulp(1e6)/2 ≈ 6e-11, about 6e-8 of the spread.
        double expected = GainSummary.standardError(new double[] {0.001, 0.002, 0.004});
        double shifted = GainSummary.standardError(new double[] {1e6 + 0.001, 1e6 + 0.002, 1e6 + 0.004});
        assertEquals(expected, shifted, 1e-6 * expected);
    }

    @Test
    void aCurveStartingAtTheThresholdCrossesAtItsFirstGain() {
        // y_0 ≤ threshold < y_1: the crossing is interpolated to g_0 itself
        assertEquals(OptionalDouble.of(1), ZeroCrossing.firstUpwardCrossing(new double[] {1, 2, 3},
                new double[] {0, 1, 2}, 0));
    }

    @Test
    void aBootstrapSpreadNeedsTwoResamples() {
        List<SweepResult> rs = linearCurves(new double[] {1.1, 1.3, 1.2});
        assertTrue(Double.isNaN(ZeroCrossing.of(rs, 0, 1, 3).get(0).bootstrapStandardError()), "one resample");
        double two = ZeroCrossing.of(rs, 0, 2, 3).get(0).bootstrapStandardError();
        assertTrue(Double.isFinite(two) && two >= 0, "two resamples give a spread: " + two);
    }

    /** Seeds s = 1..k with λ_s(g) = 0.2 (g − c_s) on the gains 0.5, 0.6, …, 3.0. */
    private static List<SweepResult> linearCurves(double[] crossings) {
        List<SweepResult> rs = new ArrayList<>();
        for (int i = 0; i <= 25; i++) {
            double g = 0.5 + 0.1 * i;
            for (int s = 0; s < crossings.length; s++) {
                double lambda = 0.2 * (g - crossings[s]);
                rs.add(result(64, g, s + 1, lambda, lambda));
            }
        }
        return rs;
    }

    @Test
    void crossingsOfLinearCurvesAreTheirRootsAndTheMeanRoot() {
        double[] c = {1.03, 1.21, 1.4, 1.17, 1.55, 1.09, 1.3, 1.26};
        ZeroCrossing z = ZeroCrossing.of(linearCurves(c), 0, 2000, 7).get(0);
        double mean = GainSummary.mean(c);
        assertEquals(mean, z.meanCurveGain().getAsDouble(), 1e-12, "equal slopes: the mean curve's root is the mean root");
        assertEquals(mean, z.perNetworkMean().getAsDouble(), 1e-12);
        assertEquals(GainSummary.standardError(c), z.perNetworkStandardError(), 1e-12);
        assertEquals(8, z.networksCrossing());
        assertEquals(0, z.bootstrapMisses());
        // the bootstrap SE of a mean is about √((n−1)/n) times the usual SE; 2000 resamples estimate it to ~3%
        double expected = GainSummary.standardError(c) * Math.sqrt(7.0 / 8);
        assertEquals(expected, z.bootstrapStandardError(), 0.1 * expected);
        assertEquals(z, ZeroCrossing.of(linearCurves(c), 0, 2000, 7).get(0), "deterministic for a bootstrap seed");
    }

    @Test
    void aThresholdShiftsTheCrossing() {
        ZeroCrossing z = ZeroCrossing.of(linearCurves(new double[] {1.2, 1.2}), 0.02, 10, 1).get(0);
        assertEquals(1.3, z.meanCurveGain().getAsDouble(), 1e-12);
    }

    @Test
    void firstUpwardCrossingIgnoresLaterDipsAndCurvesThatStartAbove() {
        double[] g = {1, 2, 3, 4, 5};
        assertEquals(OptionalDouble.of(1.5), ZeroCrossing.firstUpwardCrossing(g, new double[] {-1, 1, -1, 2, 3}, 0));
        assertFalse(ZeroCrossing.firstUpwardCrossing(g, new double[] {0.1, 1, 2, 3, 4}, 0).isPresent());
        assertFalse(ZeroCrossing.firstUpwardCrossing(g, new double[] {-1, -1, -1, 0, 0}, 0).isPresent(), "0 is not above 0");
        assertEquals(OptionalDouble.of(2), ZeroCrossing.firstUpwardCrossing(g,
                new double[] {Double.NEGATIVE_INFINITY, 1, 2, 3, 4}, 0));
    }

    @Test
    void anIncompleteSweepIsRefusedNamingTheMissingPoint() {
        List<SweepResult> rs = new ArrayList<>(linearCurves(new double[] {1.1, 1.2}));
        rs.remove(5);                                              // g = 0.7, seed 2
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ZeroCrossing.of(rs, 0, 10, 1));
        assertTrue(e.getMessage().contains("g=0.7") && e.getMessage().contains("seed=2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ZeroCrossing.of(rs, Double.NaN, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> GainSummary.of(rs, -1));
    }
}
