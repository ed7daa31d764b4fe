package org.rnngradients.bptt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.rnngradients.bptt.TruncatedBptt.Mode;
import org.rnngradients.bptt.loss.MeanSquaredError;
import org.rnngradients.cells.CellKind;
import org.rnngradients.linalg.FiniteDifferences;

class TruncatedBpttTest {
    static final int T = 12;

    private static RnnModel model(CellKind kind) {
        return Fixtures.model(kind, 3, 4, 2, new MeanSquaredError(), 31);
    }

    @ParameterizedTest(name = "{0} k2={1} {2}")
    @CsvSource({"RNN_TANH,12,STATEFUL", "RNN_TANH,40,STATELESS", "GRU,12,STATELESS", "GRU,13,STATEFUL"})
    void truncatedWithOneChunkAndK2AtLeastTEqualsFullBptt(CellKind kind, int k2, Mode mode) {
        RnnModel model = model(kind);
        Sequence seq = Fixtures.sequence(T, 3, 2, true, false, 32);
        DMatrixRMaj s0 = Fixtures.state(model.cell().stateSize(), 33);
        SequenceGradient full = new FullBptt().compute(model, seq, s0);
        SequenceGradient truncated = new TruncatedBptt(T, k2, mode).compute(model, seq, s0);
        assertTrue(Fixtures.maxAbsDifference(full.gradients().all(), truncated.gradients().all()) <= 1e-12);
        assertEquals(full.loss(), truncated.loss(), 1e-12);
        assertTrue(FiniteDifferences.maxRelativeError(full.initialStateGradient(), truncated.initialStateGradient(), 1e-300) <= 1e-12);
        for (int t = 1; t <= T; t++) {
            assertTrue(FiniteDifferences.maxRelativeError(full.inputGradient(t), truncated.inputGradient(t), 1e-300) <= 1e-12);
        }
        assertEquals(0.0, TruncationBias.between(truncated.gradients().all(), full.gradients().all()).norm(), 1e-12);
    }

    /**
     * Stateful BPTT(k1, k2 ≥ T) with several chunks drops nothing either: every chunk's window reaches
     * s_0, so the chunk sums of parameter, input and initial-state gradients add up to the full ones.
     * This pins the accumulation across overlapping windows (a step's ∂L/∂x_t gets one term per chunk).
     */
    @ParameterizedTest(name = "{0} k1={1}")
    @CsvSource({"RNN_TANH,1", "RNN_TANH,5", "GRU,3", "LSTM,4"})
    void statefulChunksWithK2AtLeastTAddUpToFullBptt(CellKind kind, int k1) {
        RnnModel model = model(kind);
        Sequence seq = Fixtures.sequence(T, 3, 2, true, false, 35);
        DMatrixRMaj s0 = Fixtures.state(model.cell().stateSize(), 36);
        SequenceGradient full = new FullBptt().compute(model, seq, s0);
        SequenceGradient truncated = new TruncatedBptt(k1, T, Mode.STATEFUL).compute(model, seq, s0);
        assertTrue(Fixtures.maxAbsDifference(full.gradients().all(), truncated.gradients().all()) <= 1e-12);
        assertEquals(full.loss(), truncated.loss(), 1e-12);
        assertTrue(FiniteDifferences.maxRelativeError(full.initialStateGradient(), truncated.initialStateGradient(), 1e-12) <= 1e-10);
        for (int t = 1; t <= T; t++) {
            assertTrue(FiniteDifferences.maxRelativeError(full.inputGradient(t), truncated.inputGradient(t), 1e-12) <= 1e-10,
                    "input gradient at t=" + t);
        }
    }

    /** Σ over chunks of exact BPTT on each chunk, each chunk started from the state {@code stateful} says. */
    private static ParameterSet chunkwiseFull(RnnModel model, Sequence seq, int k, boolean stateful) {
        ParameterSet sum = model.newGradients().all();
        DMatrixRMaj carried = model.zeroState();
        for (int from = 1; from <= seq.length(); from += k) {
            int to = Math.min(from + k - 1, seq.length());
            SequenceGradient g = new FullBptt().compute(model, seq.slice(from, to), stateful ? carried : null);
            sum.addScaled(1, g.gradients().all());
            carried = g.finalState();
        }
        return sum;
    }

    @ParameterizedTest(name = "k={0}")
    @CsvSource({"1", "3", "4", "6", "12"})
    void statefulAndStatelessDifferExactlyByTheCarriedState(int k) {
        RnnModel model = model(CellKind.RNN_TANH);
        Sequence seq = Fixtures.sequence(T, 3, 2, true, false, 34);
        ParameterSet stateful = new TruncatedBptt(k, k, Mode.STATEFUL).compute(model, seq).gradients().all();
        ParameterSet stateless = new TruncatedBptt(k, k, Mode.STATELESS).compute(model, seq).gradients().all();
        assertTrue(Fixtures.maxAbsDifference(stateful, chunkwiseFull(model, seq, k, true)) <= 1e-12);
        assertTrue(Fixtures.maxAbsDifference(stateless, chunkwiseFull(model, seq, k, false)) <= 1e-12);
        if (k < T) {
            assertTrue(Fixtures.maxAbsDifference(stateful, stateless) > 1e-6);
        }
    }

    @ParameterizedTest(name = "k1={0} k2={1}")
    @CsvSource({"3,5", "4,4", "5,2", "1,7", "12,6"})
    void aLossAtTheLastStepReachesBackExactlyK2Steps(int k1, int k2) {
        RnnModel model = model(CellKind.GRU);
        Sequence seq = Fixtures.sequence(T, 3, 2, false, false, 35);
        SequenceGradient full = new FullBptt().compute(model, seq);
        SequenceGradient truncated = new TruncatedBptt(k1, k2, Mode.STATEFUL).compute(model, seq);
        // the window starts at step T − k2 + 1, from the true state there
        DMatrixRMaj start = Fixtures.stateAfter(model, seq, T - k2);
        ParameterSet window = new FullBptt().compute(model, seq.slice(T - k2 + 1, T), start).gradients().all();
        assertTrue(Fixtures.maxAbsDifference(truncated.gradients().all(), window) <= 1e-12);
        for (int t = 1; t <= T - k2; t++) {
            assertEquals(0.0, truncated.inputGradient(t).data[0]);
        }
        TruncationBias bias = TruncationBias.between(truncated.gradients().all(), full.gradients().all());
        assertTrue(bias.norm() > 0 && bias.relative() > 0 && bias.relative() < 1, bias.toString());
    }

    @Test
    void aStatefulEngineCarriesTheFinalStateIntoTheNextCall() {
        RnnModel model = model(CellKind.RNN_TANH);
        Sequence first = Fixtures.sequence(T, 3, 2, true, false, 36);
        Sequence second = Fixtures.sequence(T, 3, 2, true, false, 37);
        TruncatedBptt engine = new TruncatedBptt(4, 4, Mode.STATEFUL);
        DMatrixRMaj carried = engine.compute(model, first).finalState();
        SequenceGradient next = engine.compute(model, second);
        SequenceGradient expected = new TruncatedBptt(4, 4, Mode.STATEFUL).compute(model, second, carried);
        assertEquals(0.0, Fixtures.maxAbsDifference(next.gradients().all(), expected.gradients().all()));
        engine.resetState();
        SequenceGradient fromZero = engine.compute(model, second);
        assertNotEquals(next.loss(), fromZero.loss());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void partialFinalChunkIsBackpropagated(Mode mode) {
        RnnModel model = model(CellKind.RNN_TANH);
        Sequence seq = Fixtures.sequence(T, 3, 2, true, false, 38);  // 12 = 5 + 5 + 2
        SequenceGradient g = new TruncatedBptt(5, 5, mode).compute(model, seq);
        double expectedLoss = mode == Mode.STATEFUL ? new FullBptt().compute(model, seq).loss()
                : new FullBptt().compute(model, seq.slice(1, 5)).loss() + new FullBptt().compute(model, seq.slice(6, 10)).loss()
                + new FullBptt().compute(model, seq.slice(11, 12)).loss();
        assertEquals(expectedLoss, g.loss(), 1e-12);
        assertTrue(g.inputGradient(T).data[0] != 0 && g.inputGradient(11).data[0] != 0);
    }
}
