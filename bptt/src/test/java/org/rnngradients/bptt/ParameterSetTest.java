package org.rnngradients.bptt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rnngradients.bptt.loss.MeanSquaredError;
import org.rnngradients.cells.CellKind;

class ParameterSetTest {

    @Test
    void normNeitherOverflowsNorUnderflowsWhenTheNormItselfIsRepresentable() {
        ParameterSet big = new ParameterSet().with("a", new DMatrixRMaj(new double[][] {{3e200}, {4e200}}));
        assertEquals(5e200, big.norm(), 1e186);
        ParameterSet tiny = new ParameterSet().with("a", new DMatrixRMaj(new double[][] {{3e-200}, {4e-200}}));
        assertEquals(5e-200, tiny.norm(), 1e-214);
        ParameterSet nan = new ParameterSet().with("a", new DMatrixRMaj(new double[][] {{Double.NaN}}));
        assertTrue(Double.isNaN(nan.norm()));
        assertFalse(nan.isFinite());
    }

    @Test
    void modelParametersAreALiveViewInAFixedOrder() {
        RnnModel model = Fixtures.model(CellKind.LSTM, 2, 3, 1, new MeanSquaredError(), 81);
        assertEquals(java.util.List.of("weight_ih", "weight_hh", "bias_ih", "bias_hh", "readout.weight", "readout.bias"),
                model.parameters().names());
        model.parameters().get("readout.bias").data[0] = 42;
        assertEquals(42, model.readout().bias().data[0]);
        assertEquals(model.parameters().names(), model.newGradients().all().names());
        assertEquals(4 * 3 * 2 + 4 * 3 * 3 + 2 * 12 + 3 + 1, model.parameters().size());
    }

    @Test
    void duplicateNamesAndShapeMismatchesAreRejected() {
        ParameterSet a = new ParameterSet().with("w", new DMatrixRMaj(2, 2));
        assertThrows(IllegalArgumentException.class, () -> a.with("w", new DMatrixRMaj(1, 1)));
        ParameterSet b = new ParameterSet().with("w", new DMatrixRMaj(2, 3));
        assertThrows(IllegalArgumentException.class, () -> a.addScaled(1, b));
    }

    @Test
    void lstmCheckpointedStorageIsCountedFromTheCellsOwnCache() {
        RnnModel model = Fixtures.model(CellKind.LSTM, 1, 16, 1, new MeanSquaredError(), 82);
        long cache = model.cell().newCache().bytes();
        assertTrue(cache >= 8L * 6 * 16, "an LSTM step keeps at least i, f, g, o, c and tanh c: " + cache);
        CheckpointedBptt engine = new CheckpointedBptt();
        engine.compute(model, Fixtures.sequence(10_000, 1, 1, false, false, 83));
        StoredActivations s = engine.lastStored();
        assertEquals(100 + 100 + 1, s.storedStates());
        assertEquals(s.storedStates() * (16 + 8 * 32) + 100 * cache, s.bytes());
        assertTrue(s.fullStorageBytes(10_000) > 40 * s.bytes());
    }
}
