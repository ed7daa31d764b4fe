package org.rnngradients.bptt.clip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnngradients.bptt.ParameterSet;
import org.rnngradients.cells.CellParameters;

class GradientClipperTest {

    private static ParameterSet set(double hh, double other) {
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{hh, 2 * hh}, {0, hh}});
        DMatrixRMaj b = new DMatrixRMaj(new double[][] {{other}, {other}});
        return new ParameterSet().with(CellParameters.WEIGHT_HH, w).with(CellParameters.BIAS_HH, b);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
    void nonPositiveOrNaNThresholdIsRejected(double theta) {
        assertThrows(IllegalArgumentException.class, () -> GradientClipper.globalNorm(theta, NonFinitePolicy.THROW));
        assertThrows(IllegalArgumentException.class, () -> GradientClipper.perParameter(theta, NonFinitePolicy.THROW));
        assertThrows(IllegalArgumentException.class, () -> GradientClipper.value(theta, NonFinitePolicy.THROW));
        assertThrows(IllegalArgumentException.class, () -> GradientClipping.clipGlobalNorm(set(1, 1), theta));
        assertThrows(IllegalArgumentException.class, () -> GradientClipping.clipPerParameter(set(1, 1), theta));
        assertThrows(IllegalArgumentException.class, () -> GradientClipping.clipValues(set(1, 1), theta));
    }

    @Test
    void theDefaultPolicyIsThrow() {
        assertEquals(NonFinitePolicy.THROW, GradientClipper.globalNorm(1).policy());
        assertEquals(NonFinitePolicy.THROW, GradientClipper.perParameter(1).policy());
        assertEquals(NonFinitePolicy.THROW, GradientClipper.value(1).policy());
        assertThrows(NonFiniteGradientException.class, () -> GradientClipper.value(1).apply(set(Double.NaN, 0), null));
    }

    @Test
    void globalClippingReturnsTheNormBeforeClipping() {
        ParameterSet g = set(3, 0);   // entries 3, 6, 0, 3 → norm √54
        assertEquals(Math.sqrt(54), GradientClipping.clipGlobalNorm(g, 1), 1e-15);
        assertEquals(1, g.norm(), 1e-15);
    }

    @Test
    void throwPolicyThrowsAndLeavesTheGradientAsItWas() {
        ParameterSet g = set(Double.NaN, 1);
        NonFiniteGradientException e = assertThrows(NonFiniteGradientException.class,
                () -> GradientClipper.globalNorm(1, NonFinitePolicy.THROW).apply(g, null));
        assertTrue(Double.isNaN(e.norm()));
        assertEquals(1, g.get(CellParameters.BIAS_HH).data[0]);
    }

    @Test
    void skipPolicyTellsTheCallerNotToUpdate() {
        ClipOutcome out = GradientClipper.globalNorm(1, NonFinitePolicy.SKIP).apply(set(Double.POSITIVE_INFINITY, 1), null);
        assertEquals(ClipAction.SKIPPED, out.action());
        assertFalse(out.action().applyUpdate());
    }

    @Test
    void zeroPolicyZeroesTheGradient() {
        ParameterSet g = set(Double.NaN, 1);
        ClipOutcome out = GradientClipper.none(NonFinitePolicy.ZERO).apply(g, null);
        assertEquals(ClipAction.ZEROED, out.action());
        assertEquals(0, g.maxAbs());
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, 2e10})
    void pascanuRescueReplacesTheRecurrentGradientByTwoHundredthsOfTheWeights(double bad) {
        ParameterSet g = set(bad, 1);
        ParameterSet weights = set(0.5, 7);
        ClipOutcome out = GradientClipper.globalNorm(1, NonFinitePolicy.PASCANU_RESCUE).apply(g, weights);
        assertEquals(ClipAction.RESCUED, out.action());
        assertArrayEquals(new double[] {0.01, 0.02, 0, 0.01}, g.get(CellParameters.WEIGHT_HH).data, 1e-17);
        assertArrayEquals(new double[] {0, 0}, g.get(CellParameters.BIAS_HH).data);
    }

    @Test
    void pascanuRescueLeavesAFiniteModestGradientToTheClippingRule() {
        ParameterSet g = set(1e9, 0);
        ClipOutcome out = GradientClipper.globalNorm(1, NonFinitePolicy.PASCANU_RESCUE).apply(g, set(1, 1));
        assertEquals(ClipAction.CLIPPED, out.action());
        assertEquals(1, g.norm(), 1e-15);
    }

    @Test
    void perParameterAndValueRulesReportClipping() {
        ParameterSet g = set(3, 0.5);
        assertEquals(ClipAction.CLIPPED, GradientClipper.perParameter(1, NonFinitePolicy.THROW).apply(g, null).action());
        assertEquals(1, new ParameterSet().with("w", g.get(CellParameters.WEIGHT_HH)).norm(), 1e-15);
        assertEquals(0.5, g.get(CellParameters.BIAS_HH).data[0]);
        ParameterSet v = set(3, 0.5);
        assertEquals(3, GradientClipping.clipValues(v, 1));
        assertArrayEquals(new double[] {1, 1, 0, 1}, v.get(CellParameters.WEIGHT_HH).data);
        assertEquals(ClipAction.NONE, GradientClipper.none(NonFinitePolicy.THROW).apply(set(1e8, 1), null).action());
    }
}
