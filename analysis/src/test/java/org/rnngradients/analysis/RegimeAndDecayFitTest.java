package org.rnngradients.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rnngradients.analysis.LyapunovSpectrumTest.assertMessage;

import org.junit.jupiter.api.Test;
import org.rnngradients.linalg.RandomSource;

class RegimeAndDecayFitTest {

    @Test
    void regimeFollowsTheLargestExponentAgainstTheMargin() {
        assertEquals(Regime.VANISHING, Regime.of(-0.02));
        assertEquals(Regime.MARGINAL, Regime.of(-0.01));
        assertEquals(Regime.MARGINAL, Regime.of(0.0));
        assertEquals(Regime.MARGINAL, Regime.of(0.01));
        assertEquals(Regime.EXPLODING, Regime.of(0.011));
        assertEquals(Regime.VANISHING, Regime.of(-0.2, 0.1));
        assertEquals(Regime.MARGINAL, Regime.of(-0.05, 0.1));
        assertEquals(Regime.VANISHING, Regime.of(Double.NEGATIVE_INFINITY));
    }

    @Test
    void henonMapIsClassifiedExploding() {
        LyapunovResult r = new LyapunovSpectrum(1, 100, 5000, 1).compute(HenonMap.classical());
        assertEquals(Regime.EXPLODING, Regime.of(r, Regime.DEFAULT_EPSILON));
    }

    @Test
    void decayOfPointSevenPerStepIsAboutOnePointFiveOrdersPerTenSteps() {
        double[] norms = new double[30];
        for (int t = 0; t < norms.length; t++) {
            norms[t] = 2 * Math.pow(0.7, t);
        }
        DecayFit fit = DecayFit.ofNorms(norms);
        assertEquals(10 * Math.log10(0.7), fit.ordersPerTenSteps(), 1e-12);
        assertEquals(Math.log10(2), fit.intercept(), 1e-12);
        assertEquals(0, fit.ordersPerTenStepsStandardError(), 1e-12);
        assertEquals(30, fit.points());
    }

    @Test
    void standardErrorMatchesTheTextbookFormulaOnNoisyData() {
        RandomSource random = RandomSource.seeded(4);
        int count = 50;
        double[] x = new double[count];
        double[] y = new double[count];
        for (int i = 0; i < count; i++) {
            x[i] = 2 * i;
            y[i] = 1 - 0.3 * x[i] + 0.1 * random.gaussian();
        }
        DecayFit fit = DecayFit.of(x, y);
        double xMean = (count - 1.0);
        double sxx = 0;
        for (double xi : x) {
            sxx += (xi - xMean) * (xi - xMean);
        }
        double rss = 0;
        for (int i = 0; i < count; i++) {
            double e = y[i] - fit.intercept() - fit.slope() * x[i];
            rss += e * e;
        }
        assertEquals(-3, fit.ordersPerTenSteps(), 0.05);
        assertEquals(10 * Math.sqrt(rss / (count - 2) / sxx), fit.ordersPerTenStepsStandardError(), 1e-14);
        double sigmaOverRootSxx = 10 * 0.1 / Math.sqrt(sxx);
        assertEquals(sigmaOverRootSxx, fit.ordersPerTenStepsStandardError(), 0.3 * sigmaOverRootSxx);
    }

    @Test
    void aFitFarFromStepZeroLosesNoPrecision() {
        // the same profile at steps 0, 1, 3 and at 10⁹, 10⁹ + 1, 10⁹ + 3, with norms near 1e-300: sums of
        // deviations from the means keep the slope to rounding (Σ(x + x̄)(x − x̄), equal in exact arithmetic,
        // would not). x̄ = 10⁹ + 4/3 is rounded by up to ulp(10⁹)/2 ≈ 6e-8, which the slope does not feel (a common
        // shift of every x − x̄) and the residuals of a three-point fit feel at about 1e-7 relative
        double[] y = {-300.1, -300.4, -301.6};
        DecayFit near = DecayFit.of(new double[] {0, 1, 3}, y);
        DecayFit far = DecayFit.of(new double[] {1e9, 1e9 + 1, 1e9 + 3}, y);
        assertEquals(near.slope(), far.slope(), 1e-12 * Math.abs(near.slope()));
        assertEquals(near.ordersPerTenStepsStandardError(), far.ordersPerTenStepsStandardError(),
                1e-6 * near.ordersPerTenStepsStandardError());
        assertEquals(3, far.points());
    }

    @Test
    void logNormFitConvertsNaturalLogsToOrdersOfMagnitude() {
        double[] logs = {0, -Math.log(10), -2 * Math.log(10)};
        assertEquals(-10, DecayFit.ofLogNorms(logs).ordersPerTenSteps(), 1e-12);
    }

    @Test
    void linearRnnWithRhoOneHalfLosesThreeOrdersOfMagnitudePerTenSteps() {
        org.ejml.data.DMatrixRMaj w = TestMatrices.normal(new double[] {0.5}, new double[] {0.3}, RandomSource.seeded(12));
        double[] profile = JacobianProduct.record(new LinearMap(w), 60).logSpectralNormsToEnd();
        DecayFit fit = DecayFit.againstDistance(profile);
        assertEquals(10 * Math.log10(0.5), fit.ordersPerTenSteps(), 1e-10);
        assertEquals(-3.0103, fit.ordersPerTenSteps(), 1e-4);
        assertEquals(0, fit.ordersPerTenStepsStandardError(), 1e-10);
    }

    @Test
    void badInputIsRefusedWithNamedErrors() {
        assertMessage("logNormsToEnd", () -> DecayFit.againstDistance(new double[] {Double.NaN, 0, 0}));
        assertMessage("largestExponent", () -> Regime.of(Double.NaN));
        assertMessage("epsilon", () -> Regime.of(0.1, 0));
        assertMessage("epsilon", () -> Regime.of(0.1, Double.NaN));
        assertMessage("steps", () -> DecayFit.of(new double[] {0, 1}, new double[] {0, 1}));
        assertMessage("steps", () -> DecayFit.of(new double[] {1, 1, 1}, new double[] {0, 1, 2}));
        assertMessage("log10Norms", () -> DecayFit.of(new double[] {0, 1, 2}, new double[] {0, 1}));
        assertMessage("log10Norms", () -> DecayFit.of(new double[] {0, 1, 2}, new double[] {0, Double.NaN, 2}));
        assertMessage("norms[1]", () -> DecayFit.ofNorms(new double[] {1, 0, 1}));
        assertMessage("logNorms", () -> DecayFit.ofLogNorms(new double[] {1, Double.NEGATIVE_INFINITY, 1}));
    }
}
