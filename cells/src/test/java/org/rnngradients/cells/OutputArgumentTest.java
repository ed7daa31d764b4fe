package org.rnngradients.cells;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rnngradients.linalg.RandomSource;

/** EJML's convention on every output argument: null allocates and returns, a given output is filled and returned. */
class OutputArgumentTest {

    private static void assertSameResult(DMatrixRMaj given, DMatrixRMaj returned, DMatrixRMaj allocated, int rows, int cols) {
        assertSame(given, returned);
        assertEquals(rows, allocated.numRows);
        assertEquals(cols, allocated.numCols);
        assertArrayEquals(given.data, allocated.data, 0.0);
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void nullOutputsOfTheReferenceStepAreAllocated(CellKind kind) {
        CellFixture f = new CellFixture(kind.create(3, 4), 0.5, RandomSource.seeded(1));
        int n = f.cell.stateSize();
        DMatrixRMaj s = new DMatrixRMaj(n, 1);
        assertSameResult(s, f.cell.forward(f.previous, f.input, f.cache, s), f.cell.forward(f.previous, f.input, f.cache, null), n, 1);
        DMatrixRMaj j = new DMatrixRMaj(n, n);
        assertSameResult(j, f.cell.stateJacobian(f.cache, j), f.cell.stateJacobian(f.cache, null), n, n);
        DMatrixRMaj jx = new DMatrixRMaj(n, 3);
        assertSameResult(jx, f.cell.inputJacobian(f.cache, jx), f.cell.inputJacobian(f.cache, null), n, 3);
        DMatrixRMaj delta = CellFixture.randomVector(n, RandomSource.seeded(2));
        DMatrixRMaj p = new DMatrixRMaj(n, 1);
        assertSameResult(p, f.cell.backward(f.cache, delta, p, null, f.cell.parameters().zerosLike()),
                f.cell.backward(f.cache, delta, null, null, f.cell.parameters().zerosLike()), n, 1);
        assertSameResult(p, f.cell.backwardState(f.cache, delta, p), f.cell.backwardState(f.cache, delta, null), n, 1);
        DMatrixRMaj h = new DMatrixRMaj(4, 1);
        assertSameResult(h, f.cell.hidden(f.state, h), f.cell.hidden(f.state, null), 4, 1);
    }

    @org.junit.jupiter.api.Test
    void nullOutputsOfTheCellSpecificAccessorsAreAllocated() {
        LstmCell lstm = new LstmCell(2, 3);
        CellFixture f = new CellFixture(lstm, 0.5, RandomSource.seeded(3));
        DMatrixRMaj hh = new DMatrixRMaj(3, 3);
        assertSameResult(hh, lstm.hiddenJacobian(f.cache, hh), lstm.hiddenJacobian(f.cache, null), 3, 3);
        assertSameResult(hh, lstm.cellStateJacobian(f.cache, hh), lstm.cellStateJacobian(f.cache, null), 3, 3);
        DMatrixRMaj v = new DMatrixRMaj(3, 1);
        assertSameResult(v, lstm.forgetGate(f.cache, v), lstm.forgetGate(f.cache, null), 3, 1);
        GruCell gru = new GruCell(2, 3);
        CellFixture g = new CellFixture(gru, 0.5, RandomSource.seeded(4));
        assertSameResult(v, gru.updateGate(g.cache, v), gru.updateGate(g.cache, null), 3, 1);
        VanillaRnnCell rnn = new VanillaRnnCell(2, 3, Activation.TANH);
        CellFixture r = new CellFixture(rnn, 0.5, RandomSource.seeded(5));
        assertSameResult(v, rnn.preActivation(r.cache, v), rnn.preActivation(r.cache, null), 3, 1);
        assertSameResult(v, rnn.activationDerivative(r.cache, v), rnn.activationDerivative(r.cache, null), 3, 1);
    }
}
