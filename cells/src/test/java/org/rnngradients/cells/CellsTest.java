package org.rnngradients.cells;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rnngradients.linalg.Initialiser;
import org.rnngradients.linalg.RandomSource;

/** Kinds, names and initialisers. */
class CellsTest {

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void cliNameRoundTripsAndCreatesACellWithTheKindsGateCount(CellKind kind) {
        assertEquals(kind, CellKind.fromCliName(kind.cliName()));
        RecurrentCell cell = kind.create(3, 5);
        assertEquals(kind.gates() * 5, cell.parameters().weightHh().numRows);
        assertEquals(3, cell.inputSize());
        assertEquals(5, cell.hiddenSize());
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void pyTorchDefaultDrawsEveryTensorFromPlusMinusOneOverRootHAndIsReproducible(CellKind kind) {
        RecurrentCell a = kind.create(3, 16);
        RecurrentCell b = kind.create(3, 16);
        Cells.initialisePyTorchDefault(a, RandomSource.seeded(5));
        Cells.initialisePyTorchDefault(b, RandomSource.seeded(5));
        for (String name : a.parameters().names()) {
            DMatrixRMaj m = a.parameters().get(name);
            assertTrue(CommonOps_DDRM.elementMaxAbs(m) <= 0.25, name);
            assertTrue(CommonOps_DDRM.elementMaxAbs(m) > 0.2, name);
            assertArrayEquals(b.parameters().get(name).data, m.data, 0.0);
        }
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void orthogonalInitialisationIsOrthogonalPerGateBlockWithZeroBiases(CellKind kind) {
        int h = 6;
        RecurrentCell cell = kind.create(4, h);
        Cells.initialise(cell, Initialiser.orthogonal(1.0), Initialiser.xavierUniform(1.0), RandomSource.seeded(9));
        DMatrixRMaj w = cell.parameters().weightHh();
        for (int g = 0; g < kind.gates(); g++) {
            DMatrixRMaj block = CommonOps_DDRM.extract(w, g * h, (g + 1) * h, 0, h);
            DMatrixRMaj gram = new DMatrixRMaj(h, h);
            CommonOps_DDRM.multTransA(block, block, gram);
            CommonOps_DDRM.subtractEquals(gram, CommonOps_DDRM.identity(h));
            assertTrue(CommonOps_DDRM.elementMaxAbs(gram) < 1e-12, "block " + g);
        }
        assertEquals(0.0, CommonOps_DDRM.elementMaxAbs(cell.parameters().biasIh()));
        assertEquals(0.0, CommonOps_DDRM.elementMaxAbs(cell.parameters().biasHh()));
    }

    @Test
    void supActivationDerivativeIsComputedFromTheActivation() {
        assertEquals(1.0, CellKind.RNN_TANH.create(1, 1).supActivationDerivative());
        assertEquals(0.25, CellKind.RNN_SIGMOID.create(1, 1).supActivationDerivative());
        assertEquals(1.0, CellKind.RNN_RELU.create(1, 1).supActivationDerivative());
        assertEquals(1.0, CellKind.RNN_IDENTITY.create(1, 1).supActivationDerivative());
        assertEquals(1.0, CellKind.GRU.create(1, 1).supActivationDerivative());
        assertEquals(1.0, CellKind.LSTM.create(1, 1).supActivationDerivative());
    }

    @Test
    void initialisersRejectNullArguments() {
        RecurrentCell cell = CellKind.GRU.create(2, 2);
        BadInputTest.assertRejects("recurrent", () -> Cells.initialise(cell, null, Initialiser.zeros(), RandomSource.seeded(1)));
        BadInputTest.assertRejects("input", () -> Cells.initialise(cell, Initialiser.zeros(), null, RandomSource.seeded(1)));
        BadInputTest.assertRejects("random", () -> Cells.initialise(cell, Initialiser.zeros(), Initialiser.zeros(), null));
        BadInputTest.assertRejects("cell", () -> Cells.initialisePyTorchDefault(null, RandomSource.seeded(1)));
        BadInputTest.assertRejects("random", () -> Cells.initialisePyTorchDefault(cell, null));
    }
}
