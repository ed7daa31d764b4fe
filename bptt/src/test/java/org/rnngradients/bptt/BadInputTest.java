package org.rnngradients.bptt;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnngradients.bptt.TruncatedBptt.Mode;
import org.rnngradients.bptt.loss.MeanSquaredError;
import org.rnngradients.cells.CellKind;

/** Every public entry point rejects bad input with an IllegalArgumentException that names it. */
class BadInputTest {
    private static final RnnModel MODEL = Fixtures.model(CellKind.RNN_TANH, 2, 3, 1, new MeanSquaredError(), 51);
    private static final Sequence SEQ = Fixtures.sequence(5, 2, 1, true, false, 52);

    private static void assertNamed(String name, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(name), () -> "message should name " + name + ": " + e.getMessage());
    }

    private static DMatrixRMaj col(double... v) {
        DMatrixRMaj m = new DMatrixRMaj(v.length, 1);
        System.arraycopy(v, 0, m.data, 0, v.length);
        return m;
    }

    @Test
    void emptySequenceIsRejected() {
        assertNamed("inputs", () -> Sequence.everyStep(new DMatrixRMaj[0], new DMatrixRMaj[0]));
        assertNamed("inputs", () -> Sequence.lastStep(new DMatrixRMaj[0], col(1)));
    }

    @Test
    void mismatchedLengthsAndSizesAreRejected() {
        assertNamed("targets", () -> Sequence.everyStep(new DMatrixRMaj[] {col(1), col(2)}, new DMatrixRMaj[] {col(1)}));
        assertNamed("inputs[1]", () -> Sequence.lastStep(new DMatrixRMaj[] {col(1), col(1, 2)}, col(1)));
        assertNamed("targets[1]", () -> Sequence.everyStep(new DMatrixRMaj[] {col(1), col(1)}, new DMatrixRMaj[] {col(1), col(1, 2)}));
        assertNamed("targets", () -> Sequence.of(new DMatrixRMaj[] {col(1)}, new DMatrixRMaj[] {null}));
        Sequence wrongInput = Sequence.lastStep(new DMatrixRMaj[] {col(1, 2, 3)}, col(1));
        assertNamed("inputSize", () -> new FullBptt().compute(MODEL, wrongInput));
        Sequence wrongTarget = Sequence.lastStep(new DMatrixRMaj[] {col(1, 2)}, col(1, 2));
        assertNamed("outputSize", () -> new CheckpointedBptt().compute(MODEL, wrongTarget));
        assertNamed("initialState", () -> new FullBptt().compute(MODEL, SEQ, col(1)));
    }

    @Test
    void nanDataIsRejected() {
        assertNamed("inputs[1]", () -> Sequence.lastStep(new DMatrixRMaj[] {col(1, 2), col(Double.NaN, 2)}, col(1)));
        assertNamed("targets[0]", () -> Sequence.lastStep(new DMatrixRMaj[] {col(1, 2)}, col(Double.POSITIVE_INFINITY)));
        assertNamed("initialState", () -> new FullBptt().compute(MODEL, SEQ, col(0, Double.NaN, 0)));
    }

    static Stream<int[]> badWindows() {
        return Stream.of(new int[] {0, 1}, new int[] {1, 0}, new int[] {-3, 4}, new int[] {4, -1});
    }

    @ParameterizedTest
    @MethodSource("badWindows")
    void nonPositiveK1OrK2IsRejected(int[] k) {
        assertNamed(k[0] <= 0 ? "k1" : "k2", () -> new TruncatedBptt(k[0], k[1], Mode.STATEFUL));
    }

    @Test
    void nullArgumentsAreRejected() {
        assertNamed("model", () -> new FullBptt().compute(null, SEQ));
        assertNamed("sequence", () -> new TruncatedBptt(2, 2, Mode.STATELESS).compute(MODEL, null));
        assertNamed("mode", () -> new TruncatedBptt(2, 2, null));
        assertNamed("segmentLength", () -> new CheckpointedBptt(0));
        assertNamed("readout", () -> new RnnModel(MODEL.cell(), null, new MeanSquaredError()));
        assertNamed("readout hiddenSize", () -> new RnnModel(MODEL.cell(), new Readout(4, 1), new MeanSquaredError()));
    }

    @Test
    void profilerValidatesLikeTheEngines() {
        assertNamed("model", () -> new AdjointProfiler().profile(null, SEQ, null));
        assertNamed("sequence", () -> new AdjointProfiler().profile(MODEL, null, null));
        Sequence wrongInput = Sequence.lastStep(new DMatrixRMaj[] {col(1, 2, 3)}, col(1));
        assertNamed("inputSize", () -> new AdjointProfiler().profile(MODEL, wrongInput, null));
        assertNamed("initialState", () -> new AdjointProfiler().profile(MODEL, SEQ, col(0, Double.NaN, 0)));
    }

    @Test
    void truncationBiasRejectsMissingOrMisshapenGradients() {
        ParameterSet g = MODEL.newGradients().all();
        assertNamed("full", () -> TruncationBias.between(g, null));
        assertNamed("truncated", () -> TruncationBias.between(null, g));
    }

    @Test
    void evaluationRejectsAnEmptyBatchInsteadOfReturningNaN() {
        assertNamed("sequences", () -> org.rnngradients.bptt.train.Evaluation.meanLossPerTarget(MODEL, new Sequence[0]));
        assertNamed("sequences", () -> org.rnngradients.bptt.train.Evaluation.accuracy(MODEL, new Sequence[0]));
        assertNamed("model", () -> org.rnngradients.bptt.train.Evaluation.meanLossPerTarget(null, new Sequence[] {SEQ}));
    }

    @Test
    void readoutRejectsMisshapenVectors() {
        Readout r = new Readout(3, 2);
        assertNamed("h", () -> r.forward(col(1, 2), new DMatrixRMaj(2, 1)));
        assertNamed("output", () -> r.forward(col(1, 2, 3), new DMatrixRMaj(3, 1)));
        assertNamed("dWeight", () -> r.backward(col(1, 2, 3), col(1, 1), new DMatrixRMaj(3, 2), new DMatrixRMaj(2, 1),
                new DMatrixRMaj(3, 1)));
        assertNamed("dh", () -> r.backward(col(1, 2, 3), col(1, 1), new DMatrixRMaj(2, 3), new DMatrixRMaj(2, 1),
                new DMatrixRMaj(2, 1)));
    }
}
