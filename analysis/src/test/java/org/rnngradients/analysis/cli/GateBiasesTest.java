package org.rnngradients.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.loss.MeanSquaredError;
import org.rnngradients.cells.CellKind;
import org.rnngradients.cells.CellParameters;
import org.rnngradients.cells.RecurrentCell;

/** The gate-bias settings of the adding command: chrono initialisation and closed input gates. */
class GateBiasesTest {
    private static final int H = 6;

    private static RecurrentCell cell(CellKind kind, ExperimentModels.GateBiases biases) {
        RnnModel m = ExperimentModels.create(kind, ExperimentModels.Init.pytorch, 1, 2, H, 1, new MeanSquaredError(),
                1, 1, 5);
        ExperimentModels.applyGateBiases(m.cell(), biases, 5);
        return m.cell();
    }

    private static double effective(CellParameters p, int block, int k) {
        return p.biasIh().data[block * H + k] + p.biasHh().data[block * H + k];
    }

    @Test
    void chronoGivesLstmForgetBiasesLnUOfOneToTMaxAndInputBiasesTheirNegatives() {
        double tMax = 1000;
        CellParameters p = cell(CellKind.LSTM, new ExperimentModels.GateBiases(Double.NaN, tMax)).parameters();
        for (int k = 0; k < H; k++) {
            double bf = effective(p, 1, k);
            assertTrue(bf >= 0 && bf < Math.log(tMax - 1), "b_f = " + bf);
            assertEquals(-bf, effective(p, 0, k), "b_i = -b_f");
            assertEquals(0, p.biasHh().data[H + k], "b_hf = 0");
        }
        assertNotEquals(effective(p, 1, 0), effective(p, 1, 1), "each unit draws its own time scale");
    }

    @Test
    void chronoSetsTheGruUpdateGateAndLeavesItsOtherBiasesAsDrawn() {
        CellParameters plain = cell(CellKind.GRU, ExperimentModels.GateBiases.NONE).parameters();
        CellParameters p = cell(CellKind.GRU, new ExperimentModels.GateBiases(Double.NaN, 50)).parameters();
        for (int k = 0; k < H; k++) {
            double bz = effective(p, 1, k);
            assertTrue(bz >= 0 && bz < Math.log(49), "b_z = " + bz);
            assertEquals(plain.biasIh().data[k], p.biasIh().data[k], "reset gate untouched");
            assertEquals(plain.biasIh().data[2 * H + k], p.biasIh().data[2 * H + k], "candidate untouched");
        }
    }

    @Test
    void anInputBiasClosesEveryLstmInputGateAndNoneLeavesTheDrawnBiases() {
        CellParameters p = cell(CellKind.LSTM, new ExperimentModels.GateBiases(-3, 0)).parameters();
        CellParameters plain = cell(CellKind.LSTM, ExperimentModels.GateBiases.NONE).parameters();
        for (int k = 0; k < H; k++) {
            assertEquals(-3, effective(p, 0, k));
            assertEquals(1, effective(plain, 1, k), "the forget-gate bias of create()");
        }
        assertEquals(plain.biasIh().data[2 * H], p.biasIh().data[2 * H], "the cell input g untouched");
    }

    @Test
    void gateBiasesOnACellWithoutThoseGatesAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> cell(CellKind.RNN_TANH, new ExperimentModels.GateBiases(Double.NaN, 10))).getMessage()
                .contains("chrono"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> cell(CellKind.GRU, new ExperimentModels.GateBiases(-3, 0))).getMessage()
                .contains("input-gate bias"));
    }
}
