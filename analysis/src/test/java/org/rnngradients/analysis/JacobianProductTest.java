package org.rnngradients.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnngradients.analysis.LyapunovSpectrumTest.assertMessage;

import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rnngradients.linalg.RandomSource;
import org.rnngradients.linalg.Spectra;

class JacobianProductTest {

    @Test
    void productToTheEndMatchesTheExplicitProductForEveryT() {
        List<DMatrixRMaj> f = TestMatrices.gaussianFactors(3, 12, 0.8, RandomSource.seeded(21));
        JacobianProduct product = JacobianProduct.record(JacobianSequence.of(f), f.size());
        double[][] all = product.logSingularValuesToEnd();
        for (int t = 0; t <= f.size(); t++) {
            double[] expected = t == f.size() ? new double[] {1, 1, 1}
                    : Spectra.singularValues(TestMatrices.explicitProduct(f.subList(t, f.size())));
            for (int i = 0; i < 3; i++) {
                assertEquals(expected[i], Math.exp(all[t][i]), 1e-10 * expected[0], "t=" + t + " i=" + i);
            }
            assertArrayEquals(all[t], product.logSingularValues(t), 1e-12);
            assertEquals(all[t][0], product.logSpectralNormsToEnd()[t], 0);
        }
    }

    @Test
    void productFromTheStartMatchesTheExplicitProductForEveryT() {
        List<DMatrixRMaj> f = TestMatrices.gaussianFactors(3, 12, 0.8, RandomSource.seeded(22));
        double[][] all = JacobianProduct.record(JacobianSequence.of(f), f.size()).logSingularValuesFromStart();
        assertArrayEquals(new double[3], all[0], 0);
        for (int t = 1; t <= f.size(); t++) {
            double[] expected = Spectra.singularValues(TestMatrices.explicitProduct(f.subList(0, t)));
            for (int i = 0; i < 3; i++) {
                assertEquals(expected[i], Math.exp(all[t][i]), 1e-10 * expected[0], "t=" + t + " i=" + i);
            }
        }
    }

    @Test
    void linearRnnProductDecaysAtLnRhoPerStepOverTenThousandSteps() {
        DMatrixRMaj w = TestMatrices.normal(new double[] {0.5}, new double[] {0.5}, RandomSource.seeded(1));
        JacobianProduct product = JacobianProduct.record(new LinearMap(w), 10_000);
        double[] logNorm = product.logSpectralNormsToEnd();
        for (int t = 0; t <= 10_000; t += 1000) {
            assertEquals((10_000 - t) * Math.log(0.5), logNorm[t], 1e-9 * 10_000);
        }
    }

    @Test
    void stepSeriesOrdersSpectralRadiusBelowSpectralNorm() {
        JacobianProduct product = JacobianProduct.record(
                JacobianSequence.of(TestMatrices.gaussianFactors(4, 20, 0.6, RandomSource.seeded(5))), 20);
        StepSeries series = StepSeries.of(product);
        for (int t = 0; t < 20; t++) {
            assertTrue(series.spectralRadius()[t] <= series.spectralNorm()[t] * (1 + 1e-12));
            assertEquals(Spectra.spectralNorm(product.stepJacobian(t + 1)), series.spectralNorm()[t], 1e-14);
        }
    }

    @Test
    void rotatingConstructionMakesTheBoundLooseByLnSigmaPerStep() {
        BoundVersusActual b = BoundVersusActual.of(JacobianProduct.record(JacobianConstructions.rotating(2.0), 40));
        assertEquals(40 * Math.log(2), b.logBound()[0], 1e-12);
        assertEquals(0, b.logActual()[0], 1e-12);
        assertEquals(40 * Math.log(2), b.logRatio()[0], 1e-12);
        assertEquals(Math.log(2), b.logActual()[39], 1e-12);
        BoundVersusActual forward = BoundVersusActual.fromStart(JacobianProduct.record(JacobianConstructions.rotating(2.0), 40));
        assertEquals(40 * Math.log(2), forward.logBound()[40], 1e-12);
        assertEquals(0, forward.logActual()[40], 1e-12);
        assertEquals(0, forward.logRatio()[1], 1e-12);
    }

    @Test
    void misalignedConstructionIsLooserThanAligned() {
        double aligned = BoundVersusActual.of(JacobianProduct.record(
                JacobianConstructions.aligned(4, 50, 0.5, 1.5, RandomSource.seeded(3)), 50)).logRatio()[0];
        double misaligned = BoundVersusActual.of(JacobianProduct.record(
                JacobianConstructions.misaligned(4, 50, 0.5, 1.5, RandomSource.seeded(3)), 50)).logRatio()[0];
        assertEquals(0, aligned, 1e-11);
        assertTrue(misaligned > 5, "misaligned log-ratio " + misaligned);
    }

    @Test
    void badInputIsRefusedWithNamedErrors() {
        assertMessage("source", () -> JacobianProduct.record(null, 3));
        assertMessage("steps", () -> JacobianProduct.record(HenonMap.classical(), 0));
        JacobianProduct p = JacobianProduct.record(HenonMap.classical(), 3);
        assertMessage("t", () -> p.stepJacobian(0));
        assertMessage("t", () -> p.stepJacobian(4));
        assertMessage("t", () -> p.logSingularValues(-1));
        assertMessage("sigma", () -> JacobianConstructions.rotating(Double.NaN));
        assertMessage("maxSingular", () -> JacobianConstructions.aligned(2, 3, 1, 0.5, RandomSource.seeded(1)));
        assertMessage("weightHh", () -> EffectiveScale.gamma(new DMatrixRMaj(2, 3), 1));
        assertMessage("supDerivative", () -> EffectiveScale.gamma(new DMatrixRMaj(2, 2), Double.NaN));
    }

    @Test
    void effectiveScaleIsSpectralNormTimesSupDerivative() {
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{0, 3}, {0.5, 0}});
        assertEquals(0.75, EffectiveScale.gamma(w, 0.25), 1e-15);
    }
}
