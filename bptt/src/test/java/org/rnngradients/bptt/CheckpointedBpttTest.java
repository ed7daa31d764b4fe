package org.rnngradients.bptt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.rnngradients.bptt.loss.MeanSquaredError;
import org.rnngradients.cells.CellKind;
import org.rnngradients.linalg.FiniteDifferences;

class CheckpointedBpttTest {

    private static void assertSameGradient(SequenceGradient full, SequenceGradient checkpointed, int length) {
        assertTrue(Fixtures.maxAbsDifference(full.gradients().all(), checkpointed.gradients().all()) <= 1e-12);
        assertEquals(0.0, Fixtures.maxAbsDifference(full.gradients().all(), checkpointed.gradients().all()));   // bit for bit
        assertEquals(full.loss(), checkpointed.loss(), 1e-12);
        assertTrue(FiniteDifferences.maxRelativeError(full.initialStateGradient(), checkpointed.initialStateGradient(), 1e-300) <= 1e-12);
        for (int t = 1; t <= length; t++) {
            assertTrue(FiniteDifferences.maxRelativeError(full.inputGradient(t), checkpointed.inputGradient(t), 1e-300) <= 1e-12);
            assertEquals(full.profile().logNorm(t), checkpointed.profile().logNorm(t), 1e-12);
        }
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void checkpointedGradientEqualsFullBpttForEveryCell(CellKind kind) {
        RnnModel model = Fixtures.model(kind, 3, 5, 2, new MeanSquaredError(), 21);
        Sequence seq = Fixtures.sequence(50, 3, 2, true, false, 22);
        DMatrixRMaj s0 = Fixtures.state(model.cell().stateSize(), 23);
        assertSameGradient(new FullBptt().compute(model, seq, s0), new CheckpointedBptt().compute(model, seq, s0), 50);
    }

    @ParameterizedTest(name = "T={0} segment={1}")
    @CsvSource({"1,0", "2,0", "17,0", "16,0", "30,7", "30,30", "30,1", "5,9"})
    void checkpointedGradientEqualsFullBpttForAnySegmentLength(int length, int segment) {
        RnnModel model = Fixtures.model(CellKind.RNN_TANH, 2, 4, 1, new MeanSquaredError(), 24);
        Sequence seq = Fixtures.sequence(length, 2, 1, false, false, 25);
        CheckpointedBptt engine = segment == 0 ? new CheckpointedBptt() : new CheckpointedBptt(segment);
        assertSameGradient(new FullBptt().compute(model, seq), engine.compute(model, seq), length);
    }

    @Test
    void storedActivationsGrowAsTheSquareRootOfTheLength() {
        RnnModel model = Fixtures.model(CellKind.GRU, 2, 8, 1, new MeanSquaredError(), 26);
        CheckpointedBptt engine = new CheckpointedBptt();
        engine.compute(model, Fixtures.sequence(100, 2, 1, false, false, 27));
        StoredActivations at100 = engine.lastStored();
        engine.compute(model, Fixtures.sequence(400, 2, 1, false, false, 28));
        StoredActivations at400 = engine.lastStored();
        assertEquals(10 + 10 + 1, at100.storedStates());      // ⌈100/10⌉ checkpoints + 11 segment states
        assertEquals(10, at100.storedCaches());
        assertEquals(2.0, (double) at400.bytes() / at100.bytes(), 0.01);   // 4× longer, 2× the memory
        assertTrue(at400.fullStorageBytes(400) > 10 * at400.bytes());
    }

    /**
     * Goal P5 of issue 15 without running 10⁵ steps: what the engine stores for an LSTM with H = 256 at
     * T = 100,000 (⌈√T⌉ = 317-step segments, 316 checkpoints) counted from the cell's own cache, is at
     * most 64 MiB (it is about 13 MiB), against about 3.7 GB for full storage.
     */
    @Test
    void anLstmOfWidth256KeepsUnder64MiBAtAHundredThousandSteps() {
        RnnModel model = Fixtures.model(CellKind.LSTM, 1, 256, 1, new MeanSquaredError(), 84);
        CheckpointedBptt engine = new CheckpointedBptt();
        int c = engine.segmentLength(100_000);
        int checkpoints = (100_000 + c - 1) / c;
        StoredActivations s = StoredActivations.measure(checkpoints, c, model.cell().stateSize(), model.cell().newCache());
        System.out.printf("P5: LSTM H=256, T=100000: %.1f MiB stored, full storage %.2f GB%n", s.bytes() / 1048576.0,
                s.fullStorageBytes(100_000) / 1e9);
        assertEquals(317, c);
        assertTrue(s.bytes() <= 64L << 20, "stored " + s.bytes() + " bytes");
        assertTrue(s.fullStorageBytes(100_000) > 3e9, "full storage " + s.fullStorageBytes(100_000));
    }
}
