package org.rnngradients.cells;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnngradients.linalg.RandomSource;

/** Wrong shapes and non-finite values at every public entry fail with a message naming the argument. */
class BadInputTest {
    static final int I = 3;
    static final int H = 4;

    static Stream<CellKind> kinds() {
        return Stream.of(CellKind.values());
    }

    /** Asserts that {@code call} throws an IllegalArgumentException whose message names {@code argument}. */
    static void assertRejects(String argument, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(argument), "message should name " + argument + ": " + e.getMessage());
    }

    private static CellFixture fixture(CellKind kind) {
        return new CellFixture(kind.create(I, H), 0.5, RandomSource.seeded(3));
    }

    private static DMatrixRMaj withEntry(DMatrixRMaj m, double value) {
        DMatrixRMaj c = m.copy();
        c.data[c.getNumElements() - 1] = value;
        return c;
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void forwardRejectsWrongShapesNamingTheArgument(CellKind kind) {
        CellFixture f = fixture(kind);
        int n = f.cell.stateSize();
        assertRejects("previous", () -> f.cell.forward(new DMatrixRMaj(n + 1, 1), f.input, f.cache, f.state));
        assertRejects("previous", () -> f.cell.forward(null, f.input, f.cache, f.state));
        assertRejects("input", () -> f.cell.forward(f.previous, new DMatrixRMaj(I, 2), f.cache, f.state));
        assertRejects("state", () -> f.cell.forward(f.previous, f.input, f.cache, new DMatrixRMaj(1, n)));
        assertRejects("cache", () -> f.cell.forward(f.previous, f.input, null, f.state));
        assertRejects("cache", () -> f.cell.forward(f.previous, f.input, kind.create(I, H).newCache(), f.state));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void forwardRejectsNonFiniteStateAndInputNamingTheArgument(CellKind kind) {
        CellFixture f = fixture(kind);
        assertRejects("previous", () -> f.cell.forward(withEntry(f.previous, Double.NaN), f.input, f.cache, f.state));
        assertRejects("previous", () -> f.cell.forward(withEntry(f.previous, Double.POSITIVE_INFINITY), f.input,
                f.cache, f.state));
        assertRejects("input", () -> f.cell.forward(f.previous, withEntry(f.input, Double.NaN), f.cache, f.state));
        assertRejects("input", () -> f.cell.forward(f.previous, withEntry(f.input, Double.NEGATIVE_INFINITY),
                f.cache, f.state));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void backwardAndJacobiansRejectWrongShapesNamingTheArgument(CellKind kind) {
        CellFixture f = fixture(kind);
        int n = f.cell.stateSize();
        DMatrixRMaj v = new DMatrixRMaj(n, 1);
        DMatrixRMaj p = new DMatrixRMaj(n, 1);
        CellParameters g = f.cell.parameters().zerosLike();
        assertRejects("adjoint", () -> f.cell.backward(f.cache, new DMatrixRMaj(n + 1, 1), p, null, g));
        assertRejects("previousAdjoint", () -> f.cell.backward(f.cache, v, new DMatrixRMaj(n - 1, 1), null, g));
        assertRejects("inputAdjoint", () -> f.cell.backward(f.cache, v, p, new DMatrixRMaj(I + 1, 1), g));
        assertRejects("gradients", () -> f.cell.backward(f.cache, v, p, null, null));
        assertRejects("gradients.weight_ih", () -> f.cell.backward(f.cache, v, p, null,
                CellParameters.of(kind, I + 1, H)));
        assertRejects("cache", () -> f.cell.backward(f.cell.newCache(), v, p, null, g));
        assertRejects("out", () -> f.cell.stateJacobian(f.cache, new DMatrixRMaj(n, n + 1)));
        assertRejects("out", () -> f.cell.inputJacobian(f.cache, new DMatrixRMaj(n, I + 1)));
        assertRejects("inputAdjoint", () -> f.cell.backward(f.cache, v, p, new DMatrixRMaj(1, I), g));
        assertRejects("cache", () -> f.cell.stateJacobian(f.cell.newCache(), new DMatrixRMaj(n, n)));
        assertRejects("cache", () -> f.cell.inputJacobian(null, new DMatrixRMaj(n, I)));
    }

    @Test
    void backwardRejectsOneBufferForBothThePreviousAndTheInputAdjoint() {
        VanillaRnnCell cell = new VanillaRnnCell(H, H, Activation.TANH);
        CellFixture f = new CellFixture(cell, 0.5, RandomSource.seeded(53));
        DMatrixRMaj both = new DMatrixRMaj(H, 1);
        assertRejects("inputAdjoint must not be the same object as previousAdjoint",
                () -> cell.backward(f.cache, f.state, both, both, cell.parameters().zerosLike()));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void hiddenRejectsWrongShapesAndCopiesTheFirstHEntries(CellKind kind) {
        CellFixture f = fixture(kind);
        assertRejects("state", () -> f.cell.hidden(new DMatrixRMaj(f.cell.stateSize() + 1, 1), new DMatrixRMaj(H, 1)));
        assertRejects("state", () -> f.cell.hidden(null, new DMatrixRMaj(H, 1)));
        assertRejects("hidden", () -> f.cell.hidden(f.state, new DMatrixRMaj(H + 1, 1)));
        DMatrixRMaj h = new DMatrixRMaj(H, 1);
        f.cell.hidden(f.state, h);
        assertArrayEquals(java.util.Arrays.copyOf(f.state.data, H), h.data, 0.0);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void parametersWithWrongShapesOrNonFiniteValuesAreRejected(CellKind kind) {
        CellFixture f = fixture(kind);
        assertRejects("source.weight_ih", () -> f.cell.setParameters(CellParameters.of(kind, I + 1, H)));
        assertRejects("source", () -> f.cell.setParameters(null));
        CellParameters bad = f.cell.parameters().copy();
        bad.biasHh().data[0] = Double.NaN;
        assertRejects("source.bias_hh", () -> f.cell.setParameters(bad));
        f.cell.parameters().weightHh().data[1] = Double.POSITIVE_INFINITY;
        assertRejects("parameters.weight_hh", f.cell::validateParameters);
        f.cell.parameters().weightIh().reshape(H, I + 2);
        assertRejects("parameters.weight_ih", () -> f.cell.forward(f.previous, f.input, f.cache, f.state));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void forwardRejectsNonFiniteParametersNamingTheTensor(CellKind kind) {
        CellFixture f = fixture(kind);
        f.cell.parameters().weightHh().data[2] = Double.NaN;
        assertRejects("parameters.weight_hh", () -> f.cell.forward(f.previous, f.input, f.cache, f.state));
        f.cell.parameters().weightHh().data[2] = 0.1;
        f.cell.parameters().biasIh().data[0] = Double.NEGATIVE_INFINITY;
        assertRejects("parameters.bias_ih", () -> f.cell.forward(f.previous, f.input, f.cache, f.state));
        f.cell.parameters().biasIh().data[0] = 0.1;
        f.cell.parameters().weightIh().data[0] = Double.POSITIVE_INFINITY;
        java.util.Arrays.fill(f.input.data, 0.0);        // ∞·0 is NaN: still caught
        assertRejects("parameters.weight_ih", () -> f.cell.forward(f.previous, f.input, f.cache, f.state));
        assertRejects("cache", () -> f.cell.backward(f.cache, f.state, f.state.copy(), null,
                f.cell.parameters().zerosLike()));
    }

    @Test
    void cellSpecificAccessorsRejectWrongShapesAndEmptyCaches() {
        VanillaRnnCell rnn = new VanillaRnnCell(I, H, Activation.TANH);
        CellFixture fr = new CellFixture(rnn, 0.5, RandomSource.seeded(41));
        assertRejects("out", () -> rnn.preActivation(fr.cache, new DMatrixRMaj(H + 1, 1)));
        assertRejects("out", () -> rnn.activationDerivative(fr.cache, new DMatrixRMaj(1, H)));
        assertRejects("cache", () -> rnn.preActivation(rnn.newCache(), new DMatrixRMaj(H, 1)));
        GruCell gru = new GruCell(I, H);
        CellFixture fg = new CellFixture(gru, 0.5, RandomSource.seeded(43));
        assertRejects("out", () -> gru.updateGate(fg.cache, new DMatrixRMaj(H - 1, 1)));
        LstmCell lstm = new LstmCell(I, H);
        CellFixture fl = new CellFixture(lstm, 0.5, RandomSource.seeded(47));
        assertRejects("out", () -> lstm.hiddenJacobian(fl.cache, new DMatrixRMaj(2 * H, 2 * H)));
        assertRejects("out", () -> lstm.cellStateJacobian(fl.cache, new DMatrixRMaj(H, H + 1)));
        assertRejects("out", () -> lstm.forgetGate(fl.cache, new DMatrixRMaj(2 * H, 1)));
        assertRejects("cache", () -> lstm.hiddenJacobian(fg.cache, new DMatrixRMaj(H, H)));
        assertRejects("bias", () -> lstm.setForgetGateBias(Double.POSITIVE_INFINITY));
    }

    @Test
    void constructorsRejectNonPositiveSizesAndNullActivation() {
        assertRejects("inputSize", () -> new VanillaRnnCell(0, H, Activation.TANH));
        assertRejects("hiddenSize", () -> new VanillaRnnCell(I, -1, Activation.TANH));
        assertRejects("activation", () -> new VanillaRnnCell(I, H, null));
        assertRejects("inputSize", () -> new GruCell(-2, H));
        assertRejects("hiddenSize", () -> new LstmCell(I, 0));
    }

    @Test
    void unknownCliNameIsRejectedWithTheListOfValidNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CellKind.fromCliName("rnn"));
        for (CellKind k : CellKind.values()) {
            assertTrue(e.getMessage().contains(k.cliName()), e.getMessage());
        }
        assertRejects("name", () -> CellKind.fromCliName(null));
    }
}
