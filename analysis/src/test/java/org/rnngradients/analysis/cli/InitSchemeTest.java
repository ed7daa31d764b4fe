package org.rnngradients.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.rnngradients.cells.CellKind;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.linalg.RandomSource;
import org.rnngradients.linalg.Spectra;

/** --init and --gain give the stated weight ensembles. */
class InitSchemeTest {

    private static RecurrentCell cell(CellKind kind, int hidden, InitScheme scheme, double gain) {
        RecurrentCell c = kind.create(3, hidden);
        scheme.initialise(c, gain, RandomSource.seeded(4));
        return c;
    }

    @Test
    void gaussianHasStandardDeviationGainOverRootH() {
        int h = 300;
        DMatrixRMaj w = cell(CellKind.RNN_TANH, h, InitScheme.gaussian, 2.0).parameters().weightHh();
        double sum = 0;
        double squares = 0;
        for (double x : w.data) {
            sum += x;
            squares += x * x;
        }
        int n = w.getNumElements();
        double std = Math.sqrt(squares / n - (sum / n) * (sum / n));
        assertEquals(2.0 / Math.sqrt(h), std, 0.02 * 2.0 / Math.sqrt(h), "std within 2% (sampling error ~0.24%)");
    }

    @Test
    void orthogonalGivesEverySingularValueOfEveryGateBlockEqualToGain() {
        int h = 5;
        DMatrixRMaj w = cell(CellKind.LSTM, h, InitScheme.orthogonal, 1.5).parameters().weightHh();
        for (int gate = 0; gate < 4; gate++) {
            DMatrixRMaj block = CommonOps_DDRM.extract(w, gate * h, (gate + 1) * h, 0, h);
            for (double s : Spectra.singularValues(block)) {
                assertEquals(1.5, s, 1e-12, "gate " + gate);
            }
        }
    }

    @Test
    void identityIsGainTimesTheIdentityWithZeroBiases() {
        RecurrentCell c = cell(CellKind.RNN_RELU, 4, InitScheme.identity, 0.9);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(i == j ? 0.9 : 0.0, c.parameters().weightHh().get(i, j));
            }
        }
        assertEquals(0.0, CommonOps_DDRM.elementMaxAbs(c.parameters().biasIh()));
        assertEquals(0.0, CommonOps_DDRM.elementMaxAbs(c.parameters().biasHh()));
    }

    @Test
    void pytorchDrawsEverythingFromItsUniformRangeAndScalesOnlyTheRecurrentWeights() {
        int h = 16;
        RecurrentCell c = cell(CellKind.GRU, h, InitScheme.pytorch, 3.0);
        double bound = 1 / Math.sqrt(h);
        assertTrue(CommonOps_DDRM.elementMaxAbs(c.parameters().weightHh()) <= 3 * bound);
        assertTrue(CommonOps_DDRM.elementMaxAbs(c.parameters().weightHh()) > bound, "the gain reaches W_hh");
        assertTrue(CommonOps_DDRM.elementMaxAbs(c.parameters().weightIh()) <= bound);
        assertTrue(CommonOps_DDRM.elementMaxAbs(c.parameters().biasHh()) <= bound);
        assertTrue(CommonOps_DDRM.elementMaxAbs(c.parameters().biasHh()) > 0);
    }
}
