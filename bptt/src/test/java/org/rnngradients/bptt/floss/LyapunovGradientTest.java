package org.rnngradients.bptt.floss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.rnngradients.cells.Activation;
import org.rnngradients.cells.CellKind;
import org.rnngradients.cells.CellParameters;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.cells.VanillaRnnCell;

/** The engine's contract: validation by name, determinism, live parameters, and where no gradient exists. */
class LyapunovGradientTest {
    private static final RecurrentCell CELL = FlossFixtures.cell(CellKind.RNN_TANH, 2, 4, 1.5, 111);

    @Test
    void settingsAreValidatedByName() {
        assertEquals("exponents must be in [1, 4], was 5",
                assertThrows(IllegalArgumentException.class, () -> new LyapunovGradient(CELL, 5, 10, 0, 1)).getMessage());
        assertEquals("exponents must be in [1, 4], was 0",
                assertThrows(IllegalArgumentException.class, () -> new LyapunovGradient(CELL, 0, 10, 0, 1)).getMessage());
        assertEquals("horizon must be > 0, was 0",
                assertThrows(IllegalArgumentException.class, () -> new LyapunovGradient(CELL, 1, 0, 0, 1)).getMessage());
        assertEquals("warmUp must be in [0, 9], was 10",
                assertThrows(IllegalArgumentException.class, () -> new LyapunovGradient(CELL, 1, 10, 10, 1)).getMessage());
        assertEquals("cell must not be null",
                assertThrows(IllegalArgumentException.class, () -> new LyapunovGradient(null, 1, 10, 0, 1)).getMessage());
        RecurrentCell other = Mockito.mock(RecurrentCell.class);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LyapunovGradient(other, 1, 10, 0, 1))
                .getMessage().startsWith("cell must be a VanillaRnnCell, GruCell or LstmCell"));
    }

    @Test
    void runsAreValidatedByName() {
        LyapunovGradient engine = new LyapunovGradient(CELL, 2, 10, 0, 1);
        DMatrixRMaj s0 = new DMatrixRMaj(4, 1);
        CellParameters g = CELL.parameters().zerosLike();
        DMatrixRMaj[] inputs = FlossFixtures.inputs(10, 2, 2);
        assertEquals("inputs must hold at least the horizon 10 steps, was 9", assertThrows(IllegalArgumentException.class,
                () -> engine.gradient(ExponentObjective.SUM, s0, FlossFixtures.inputs(9, 2, 2), 1, g)).getMessage());
        DMatrixRMaj[] wrong = inputs.clone();
        wrong[3] = new DMatrixRMaj(3, 1);
        assertEquals("inputs[3] must be a 2x1 column, was 3x1", assertThrows(IllegalArgumentException.class,
                () -> engine.gradient(ExponentObjective.SUM, s0, wrong, 1, g)).getMessage());
        wrong[3] = new DMatrixRMaj(new double[][] {{0}, {Double.NaN}});
        assertEquals("inputs[3] must be finite, entry 1 was NaN", assertThrows(IllegalArgumentException.class,
                () -> engine.gradient(ExponentObjective.SUM, s0, wrong, 1, g)).getMessage());
        assertEquals("scale must be finite, was Infinity", assertThrows(IllegalArgumentException.class,
                () -> engine.gradient(ExponentObjective.SUM, s0, inputs, Double.POSITIVE_INFINITY, g)).getMessage());
        assertEquals("initialState must be 4x1, was 3x1", assertThrows(IllegalArgumentException.class,
                () -> engine.gradient(ExponentObjective.SUM, new DMatrixRMaj(3, 1), inputs, 1, g)).getMessage());
        assertEquals("out must have length 2, was 3", assertThrows(IllegalArgumentException.class,
                () -> engine.exponents(s0, inputs, new double[3])).getMessage());
        assertEquals("objective must not be null", assertThrows(IllegalArgumentException.class,
                () -> engine.gradient(null, s0, inputs, 1, g)).getMessage());
    }

    @Test
    void nonFiniteParametersAreNamed() {
        RecurrentCell cell = FlossFixtures.cell(CellKind.GRU, 2, 3, 1.0, 112);
        cell.parameters().weightHh().set(1, 2, Double.NaN);
        LyapunovGradient engine = new LyapunovGradient(cell, 1, 5, 0, 1);
        assertEquals("parameters.weight_hh must be finite, entry (1, 2) was NaN", assertThrows(IllegalArgumentException.class,
                () -> engine.exponents(new DMatrixRMaj(3, 1), FlossFixtures.inputs(5, 2, 3), new double[1])).getMessage());
    }

    @Test
    void equalRunsGiveBitwiseEqualResultsAndTheGradientIsScaled() {
        LyapunovGradient engine = new LyapunovGradient(CELL, 3, 25, 5, 7);
        DMatrixRMaj[] inputs = FlossFixtures.inputs(25, 2, 8);
        CellParameters once = CELL.parameters().zerosLike();
        CellParameters twice = CELL.parameters().zerosLike();
        double f1 = engine.gradient(ExponentObjective.SUM_OF_SQUARES, new DMatrixRMaj(4, 1), inputs, 1.0, once);
        double f2 = engine.gradient(ExponentObjective.SUM_OF_SQUARES, new DMatrixRMaj(4, 1), inputs, 2.0, twice);
        assertEquals(f1, f2, 0.0);
        for (String name : once.names()) {
            DMatrixRMaj doubled = once.get(name).copy();
            CommonOps_DDRM.scale(2, doubled);
            assertArrayEquals(doubled.data, twice.get(name).data, 0.0, name);
        }
    }

    @Test
    void theEngineReadsTheParametersLive() {
        RecurrentCell cell = FlossFixtures.cell(CellKind.LSTM, 2, 3, 1.5, 113);
        LyapunovGradient engine = new LyapunovGradient(cell, 2, 20, 0, 9);
        DMatrixRMaj[] inputs = FlossFixtures.inputs(20, 2, 10);
        double[] before = new double[2];
        double[] after = new double[2];
        engine.exponents(new DMatrixRMaj(6, 1), inputs, before);
        CommonOps_DDRM.scale(0.5, cell.parameters().weightHh());
        engine.exponents(new DMatrixRMaj(6, 1), inputs, after);
        assertNotEquals(before[0], after[0]);
    }

    @Test
    void aLostDirectionHasExponentMinusInfinityAndNoGradient() {
        // A ReLU RNN whose units are all below threshold: J_t = 0, R_t = 0, λ = ln 0 = −∞.
        VanillaRnnCell relu = new VanillaRnnCell(2, 3, Activation.RELU);
        relu.parameters().biasIh().set(0, 0, -5);
        relu.parameters().biasIh().set(1, 0, -5);
        relu.parameters().biasIh().set(2, 0, -5);
        CommonOps_DDRM.fill(relu.parameters().weightHh(), 0.1);
        LyapunovGradient engine = new LyapunovGradient(relu, 1, 5, 0, 11);
        DMatrixRMaj[] zeros = new DMatrixRMaj[5];
        for (int t = 0; t < 5; t++) {
            zeros[t] = new DMatrixRMaj(2, 1);
        }
        double[] lambda = new double[1];
        engine.exponents(new DMatrixRMaj(3, 1), zeros, lambda);
        assertEquals(Double.NEGATIVE_INFINITY, lambda[0]);
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> engine.gradient(ExponentObjective.SUM,
                new DMatrixRMaj(3, 1), zeros, 1, relu.parameters().zerosLike()));
        assertTrue(e.getMessage().startsWith("the QR derivative needs R_ii > 0"), e.getMessage());
    }
}
