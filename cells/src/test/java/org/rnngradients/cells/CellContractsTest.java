package org.rnngradients.cells;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnngradients.linalg.Initialiser;
import org.rnngradients.linalg.RandomSource;

/**
 * Contracts of the cells and passes that the derivative tests do not reach: which gate row and column an overflow
 * names, parameters reshaped behind a cell's back, output arguments whose old content must not leak into a result,
 * the bias sums of wide batches, what a refreshed pass sees, and the accessors and descriptions.
 */
class CellContractsTest {
    private static final int I = 2;
    private static final int H = 3;

    static Stream<CellKind> kinds() {
        return Stream.of(CellKind.RNN_TANH, CellKind.GRU, CellKind.LSTM);
    }

    private static RecurrentCell cell(CellKind kind) {
        RecurrentCell c = kind.create(I, H);
        Cells.initialisePyTorchDefault(c, RandomSource.seeded(4));
        return c;
    }

    /** Makes the pre-activation of gate block {@code gate}, unit 1, overflow for an input of ones (and no other). */
    private static void overflowGate(RecurrentCell c, int gate) {
        DMatrixRMaj w = c.parameters().weightIh();
        w.set(gate * H + 1, 0, Double.MAX_VALUE);
        w.set(gate * H + 1, 1, Double.MAX_VALUE);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void anOverflowNamesTheGateRowAndTheBatchColumn(CellKind kind) {
        for (int gate = 0; gate < kind.gates(); gate++) {
            RecurrentCell c = cell(kind);
            overflowGate(c, gate);
            DMatrixRMaj ones = new DMatrixRMaj(I, 1);
            ones.fill(1);
            NonFiniteActivationException single = assertThrows(NonFiniteActivationException.class,
                    () -> c.forward(new DMatrixRMaj(c.stateSize(), 1), ones, c.newCache(), null));
            assertEquals(gate * H + 1, single.row(), kind + " gate " + gate);
            assertEquals(0, single.column());
            assertEquals(Double.POSITIVE_INFINITY, single.value());
            CellPass pass = c.newPass(3);
            DMatrixRMaj inputs = new DMatrixRMaj(I, 3);
            inputs.set(0, 2, 1);
            inputs.set(1, 2, 1);
            NonFiniteActivationException batched = assertThrows(NonFiniteActivationException.class,
                    () -> pass.forward(new DMatrixRMaj(c.stateSize(), 3), inputs, pass.newCache(), null));
            assertEquals(gate * H + 1, batched.row(), kind + " gate " + gate + ", batched");
            assertEquals(2, batched.column(), "only column 2 overflows");
        }
    }

    @Test
    void aGruRecurrentPartThatOverflowsNamesItsRowToo() {
        RecurrentCell c = cell(CellKind.GRU);
        c.parameters().weightHh().set(2 * H, 0, Double.MAX_VALUE);
        c.parameters().weightHh().set(2 * H, 1, Double.MAX_VALUE);
        DMatrixRMaj h = new DMatrixRMaj(H, 1);
        h.fill(0.9);
        CellPass pass = c.newPass(1);
        NonFiniteActivationException e = assertThrows(NonFiniteActivationException.class,
                () -> pass.forward(h, new DMatrixRMaj(I, 1), pass.newCache(), null));
        assertEquals(2 * H, e.row(), "W_hn h + b_hn of unit 0");
    }

    /** Every entry point that reads the live parameters, given the cell and a cache it filled before the reshape. */
    private static List<BiConsumer<RecurrentCell, StepCache>> entryPoints() {
        return List.of(
                (c, k) -> c.forward(new DMatrixRMaj(c.stateSize(), 1), new DMatrixRMaj(I, 1), c.newCache(), null),
                (c, k) -> c.stateJacobian(k, null),
                (c, k) -> c.inputJacobian(k, null),
                (c, k) -> c.backward(k, new DMatrixRMaj(c.stateSize(), 1), null, null, CellParameters.of(kindOf(c), I, H)),
                (c, k) -> c.backwardState(k, new DMatrixRMaj(c.stateSize(), 1), null),
                (c, k) -> c.validateParameters(),
                (c, k) -> c.newPass(2));
    }

    private static CellKind kindOf(RecurrentCell c) {
        return c instanceof LstmCell ? CellKind.LSTM : c instanceof GruCell ? CellKind.GRU : CellKind.RNN_TANH;
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void parametersReshapedSinceConstructionAreRefusedByEveryEntryPointNamingTheTensor(CellKind kind) {
        for (String tensor : CellParameters.of(kind, I, H).names()) {
            for (BiConsumer<RecurrentCell, StepCache> call : entryPoints()) {
                RecurrentCell c = cell(kind);
                StepCache cache = c.newCache();
                c.forward(new DMatrixRMaj(c.stateSize(), 1), new DMatrixRMaj(I, 1), cache, null);
                c.parameters().get(tensor).reshape(1, 1);
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> call.accept(c, cache));
                assertTrue(e.getMessage().contains("parameters." + tensor + " must be"), e.getMessage());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theOldContentOfAnOutputArgumentNeverReachesTheResult(CellKind kind) {
        RecurrentCell c = cell(kind);
        int n = c.stateSize();
        DMatrixRMaj previous = BatchFixture.random(n, 1, RandomSource.seeded(1));
        DMatrixRMaj x = BatchFixture.random(I, 1, RandomSource.seeded(2));
        StepCache cache = c.newCache();
        c.forward(previous, x, cache, null);
        assertArrayEquals(c.stateJacobian(cache, null).data, c.stateJacobian(cache, nan(n, n)).data);
        assertArrayEquals(c.inputJacobian(cache, null).data, c.inputJacobian(cache, nan(n, I)).data);
        DMatrixRMaj adjoint = BatchFixture.random(n, 1, RandomSource.seeded(3));
        assertArrayEquals(c.backwardState(cache, adjoint, null).data, c.backwardState(cache, adjoint, nan(n, 1)).data);
        CellPass pass = c.newPass(2);
        BatchCache batch = pass.newCache();
        pass.forward(BatchFixture.random(n, 2, RandomSource.seeded(4)), BatchFixture.random(I, 2, RandomSource.seeded(5)),
                batch, nan(n, 2));
        DMatrixRMaj adjoints = BatchFixture.random(n, 2, RandomSource.seeded(6));
        assertArrayEquals(pass.backwardState(batch, adjoints, null).data,
                pass.backwardState(batch, adjoints, nan(n, 2)).data);
        DMatrixRMaj fresh = pass.backward(batch, adjoints, null, null, c.parameters().zerosLike());
        assertArrayEquals(fresh.data, pass.backward(batch, adjoints, nan(n, 2), nan(I, 2), c.parameters().zerosLike()).data);
    }

    private static DMatrixRMaj nan(int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        m.fill(Double.NaN);
        return m;
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theBiasGradientsOfNineColumnsAreTheSumsOfTheColumnsOwn(CellKind kind) {
        int b = 9;
        BatchFixture f = new BatchFixture(kind.create(I, H), b, 0.5, RandomSource.seeded(8));
        CellPass pass = f.cell.newPass(b);
        BatchCache cache = pass.newCache();
        pass.forward(f.previous, f.inputs, cache, null);
        DMatrixRMaj adjoints = BatchFixture.random(f.cell.stateSize(), b, RandomSource.seeded(9));
        CellParameters batched = f.cell.parameters().zerosLike();
        pass.backward(cache, adjoints, null, null, batched);
        CellParameters summed = f.cell.parameters().zerosLike();
        for (int col = 0; col < b; col++) {
            StepCache one = f.referenceStep(col, null);
            f.cell.backward(one, BatchFixture.column(adjoints, col), null, null, summed);
        }
        for (String bias : List.of(CellParameters.BIAS_IH, CellParameters.BIAS_HH)) {
            assertArrayEquals(summed.get(bias).data, batched.get(bias).data, 1e-13, kind + " " + bias);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aRefreshedPassSeesNewBiasesAndRefusesNonFiniteParameters(CellKind kind) {
        RecurrentCell c = cell(kind);
        int n = c.stateSize();
        DMatrixRMaj previous = BatchFixture.random(n, 2, RandomSource.seeded(1));
        DMatrixRMaj inputs = BatchFixture.random(I, 2, RandomSource.seeded(2));
        CellPass pass = c.newPass(2);
        c.parameters().biasIh().fill(0.3);
        c.parameters().biasHh().fill(-0.7);
        c.parameters().weightIh().fill(0.1);
        pass.refresh();
        DMatrixRMaj refreshed = pass.forward(previous, inputs, pass.newCache(), null);
        CellPass fresh = c.newPass(2);
        assertArrayEquals(fresh.forward(previous, inputs, fresh.newCache(), null).data, refreshed.data);
        c.parameters().biasHh().set(0, 0, Double.NaN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, pass::refresh);
        assertTrue(e.getMessage().contains("parameters.bias_hh"), e.getMessage());
        assertSame(c, pass.cell());
        assertEquals(2, pass.batchSize());
        pass.close();
    }

    @Test
    void cellsAndPassesDescribeThemselves() {
        assertEquals("VanillaRnnCell(2, 3, TANH)", cell(CellKind.RNN_TANH).toString());
        assertEquals("GruCell(2, 3)", cell(CellKind.GRU).toString());
        assertEquals("LstmPass(LstmCell(2, 3), B = 4)", cell(CellKind.LSTM).newPass(4).toString());
    }

    @Test
    void namedMatricesAnswerQueriesAboutNamesNormsAndFiniteness() {
        CellParameters p = CellParameters.gru(I, H);
        assertTrue(p.contains(CellParameters.WEIGHT_HH));
        assertFalse(p.contains("weight_hh_l0"));
        assertTrue(p.isFinite());
        assertEquals(0, NamedMatrices.norm(new DMatrixRMaj(2, 2)), 0);
        assertEquals(0, p.norm(), 0);
        DMatrixRMaj inf = new DMatrixRMaj(2, 1);
        inf.set(1, 0, Double.NEGATIVE_INFINITY);
        assertEquals(Double.POSITIVE_INFINITY, NamedMatrices.norm(inf));
        p.biasIh().set(2, 0, Double.POSITIVE_INFINITY);
        assertFalse(p.isFinite());
        assertEquals(Double.POSITIVE_INFINITY, p.norm());
        p.biasIh().set(2, 0, Double.NaN);
        assertTrue(Double.isNaN(p.norm()));
        assertTrue(Double.isNaN(NamedMatrices.norm(p.biasIh())));
    }

    @Test
    void initialiseDrawsBothWeightsPerBlockAndZeroesTheBiases() {
        RecurrentCell c = cell(CellKind.LSTM);
        Cells.initialise(c, Initialiser.orthogonal(1), Initialiser.xavierUniform(1), RandomSource.seeded(3));
        assertTrue(c.parameters().weightIh().get(0, 0) != 0 && c.parameters().weightHh().get(0, 0) != 0);
        assertEquals(0, NamedMatrices.norm(c.parameters().biasIh()), 0);
        assertEquals(0, NamedMatrices.norm(c.parameters().biasHh()), 0);
    }
}
