package org.rnngradients.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.rnngradients.linalg.Initialiser;
import org.rnngradients.linalg.RandomSource;

class LyapunovSpectrumTest {

    /** Σλ_i against the time average of ln|det J_t| over the same steps, replayed from an identical source. */
    static void assertSumEqualsAverageLogDeterminant(Supplier<JacobianSource> sources, int warmUp, int steps) {
        JacobianSource first = sources.get();
        int n = first.dimension();
        LyapunovResult result = new LyapunovSpectrum(n, warmUp, steps, 1).compute(first);
        JacobianSource replay = sources.get();
        DMatrixRMaj j = new DMatrixRMaj(n, n);
        LogDeterminant logDet = new LogDeterminant(n);
        for (int t = 0; t < warmUp; t++) {
            replay.advance(j);
        }
        double sum = 0;
        for (int t = 0; t < steps; t++) {
            replay.advance(j);
            sum += logDet.logAbsDeterminant(j);
        }
        assertEquals(sum / steps, result.sum(), 1e-10);
    }

    @Test
    void linearMapWithNormalMatrixHasExponentsLnAbsEigenvalues() {
        DMatrixRMaj w = TestMatrices.normal(new double[] {1.1, 0.6}, new double[] {0.9, -0.3, 0.05}, RandomSource.seeded(5));
        double[] expected = {Math.log(1.1), Math.log(1.1), Math.log(0.9), Math.log(0.6), Math.log(0.6),
            Math.log(0.3), Math.log(0.05)};
        LyapunovResult result = new LyapunovSpectrum(7, 2000, 2000, 1).compute(new LinearMap(w));
        assertArrayEquals(expected, result.exponents(), 1e-9);
    }

    @Test
    void intervalOfTenStepsGivesTheSameExponentsAsEveryStep() {
        DMatrixRMaj w = TestMatrices.normal(new double[] {1.1}, new double[] {0.7, 0.2}, RandomSource.seeded(6));
        double[] everyStep = new LyapunovSpectrum(4, 1000, 1000, 1).compute(new LinearMap(w)).exponents();
        double[] everyTen = new LyapunovSpectrum(4, 1000, 1000, 10).compute(new LinearMap(w)).exponents();
        assertArrayEquals(everyStep, everyTen, 1e-9);
    }

    @Test
    void orthogonalMatrixHasAllExponentsZero() {
        DMatrixRMaj w = new DMatrixRMaj(6, 6);
        Initialiser.orthogonal(1.0).initialise(w, RandomSource.seeded(2));
        assertArrayEquals(new double[6], new LyapunovSpectrum(6, 0, 500, 1).compute(new LinearMap(w)).exponents(), 1e-10);
    }

    @Test
    void henonMapHasThePublishedExponents() {
        LyapunovResult result = new LyapunovSpectrum(2, 1000, 200_000, 1).compute(HenonMap.classical());
        assertEquals(0.419, result.exponents()[0], 0.005);
        assertEquals(-1.623, result.exponents()[1], 0.005);
        assertEquals(Math.log(0.3), result.sum(), 1e-10);
    }

    @Test
    void sumOfExponentsEqualsAverageLogDeterminantForTimeVaryingJacobians() {
        assertSumEqualsAverageLogDeterminant(
                () -> JacobianSequence.of(TestMatrices.gaussianFactors(5, 97, 0.5, RandomSource.seeded(9))), 50, 3000);
    }

    @Test
    void largestExponentOfSomeExponentsMatchesTheFullSpectrum() {
        DMatrixRMaj w = TestMatrices.normal(new double[] {0.95}, new double[] {1.3, 0.4, 0.1}, RandomSource.seeded(8));
        double[] full = new LyapunovSpectrum(5, 500, 2000, 1).compute(new LinearMap(w)).exponents();
        double[] top2 = new LyapunovSpectrum(2, 500, 2000, 1).compute(new LinearMap(w)).exponents();
        assertArrayEquals(new double[] {full[0], full[1]}, top2, 1e-9);
    }

    @Test
    void runningEstimatesEndAtTheExponentsAndLocalExponentsAverageToThem() {
        LyapunovResult result = new LyapunovSpectrum(2, 100, 1005, 10).compute(HenonMap.classical());
        assertEquals(1005, result.stepsAt(result.records() - 1));
        assertArrayEquals(result.frameOrderExponents(), result.runningEstimate(result.records() - 1), 0);
        double[] weighted = new double[2];
        int counted = 0;
        for (int r = 0; r < result.records(); r++) {
            int m = result.intervalAt(r);
            assertTrue(m >= 1 && m <= 10, "interval " + m + " at record " + r);
            counted += m;
            for (int i = 0; i < 2; i++) {
                weighted[i] += result.localExponents(r)[i] * m;
            }
        }
        assertEquals(1005, counted);
        assertArrayEquals(result.frameOrderExponents(), new double[] {weighted[0] / 1005, weighted[1] / 1005}, 1e-12);
        assertEquals(result.records(), result.runningEstimateOf(0).length);
    }

    @Test
    void sameSeedGivesTheSameSpectrum() {
        double[] a = new LyapunovSpectrum(2, 10, 500, 1).compute(HenonMap.classical()).exponents();
        double[] b = new LyapunovSpectrum(2, 10, 500, 1).compute(HenonMap.classical()).exponents();
        assertArrayEquals(a, b, 0);
    }

    @Test
    void anIntervalThatCannotResolveTheExponentsIsRefusedNamingTheIntervalAndTheSpread() {
        // From a random frame, one step of diag(1e10, 1e-10) collapses the second direction to e^-46 of its
        // length, beyond double precision: the counted interval is refused, however short.
        LinearMap map = new LinearMap(CommonOps_DDRM.diag(1e10, 1e-10));
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> new LyapunovSpectrum(2, 0, 100, 100).compute(map));
        assertTrue(e.getMessage().contains("after 1 step(s) (interval at most 100)"), e.getMessage());
        assertTrue(e.getMessage().contains("nats per step"), e.getMessage());
        assertTrue(e.getMessage().contains("largest safe interval is below one step"), e.getMessage());
    }

    @Test
    void afterWarmUpAlignsTheFrameTheSameMapIsResolvedWithTheIntervalShortened() {
        LyapunovResult result = new LyapunovSpectrum(2, 5, 100, 100).compute(new LinearMap(CommonOps_DDRM.diag(1e10, 1e-10)));
        assertArrayEquals(new double[] {Math.log(1e10), Math.log(1e-10)}, result.exponents(), 1e-12);
        for (int r = 0; r < result.records(); r++) {
            assertEquals(1, result.intervalAt(r), "46 nats of spread per step allow no longer interval");
        }
    }

    @Test
    void badArgumentsAreRefusedWithNamedErrors() {
        assertMessage("exponents", () -> new LyapunovSpectrum(0, 0, 10, 1));
        assertMessage("warmUpSteps", () -> new LyapunovSpectrum(1, -1, 10, 1));
        assertMessage("steps", () -> new LyapunovSpectrum(1, 0, 0, 1));
        assertMessage("steps", () -> new LyapunovSpectrum(1, 0, -5, 1));
        assertMessage("interval", () -> new LyapunovSpectrum(1, 0, 10, 0));
        assertMessage("interval", () -> new LyapunovSpectrum(1, 0, 10, -2));
        assertMessage("exponents", () -> new LyapunovSpectrum(3, 0, 10, 1).compute(HenonMap.classical()));
        assertMessage("source", () -> new LyapunovSpectrum(1, 0, 10, 1).compute(null));
        assertMessage("a", () -> new HenonMap(Double.NaN, 0.3, 0, 0));
        assertMessage("b", () -> new HenonMap(1.4, Double.POSITIVE_INFINITY, 0, 0));
        assertMessage("a", () -> new LinearMap(new DMatrixRMaj(new double[][] {{Double.NaN}})));
        assertMessage("jacobians[1]", () -> JacobianSequence.of(List.of(new DMatrixRMaj(2, 2), new DMatrixRMaj(3, 3))));
    }

    @Test
    void resultRecordsOutsideTheRunAreRefusedWithNamedErrors() {
        LyapunovResult result = new LyapunovSpectrum(2, 0, 20, 5).compute(HenonMap.classical());
        int records = result.records();
        assertMessage("r", () -> result.runningEstimate(records));
        assertMessage("r", () -> result.localExponents(-1));
        assertMessage("r", () -> result.stepsAt(records));
        assertMessage("r", () -> result.intervalAt(records));
        assertMessage("i", () -> result.runningEstimateOf(2));
        assertMessage("largestExponent", () -> Regime.of(Double.NaN));
    }

    static void assertMessage(String name, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().startsWith(name), "message should name " + name + ": " + e.getMessage());
    }

    @Test
    void lostDirectionHasExponentMinusInfinity() {
        LyapunovResult result = new LyapunovSpectrum(2, 1, 10, 1).compute(new LinearMap(CommonOps_DDRM.diag(2, 0)));
        assertEquals(Math.log(2), result.exponents()[0], 1e-14);
        assertEquals(Double.NEGATIVE_INFINITY, result.exponents()[1]);
    }
}
