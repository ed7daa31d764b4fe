package org.rnngradients.bptt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnngradients.bptt.loss.Loss;
import org.rnngradients.bptt.loss.MeanSquaredError;
import org.rnngradients.bptt.loss.SoftmaxCrossEntropy;
import org.rnngradients.bptt.tasks.AddingProblem;
import org.rnngradients.cells.CellKind;
import org.rnngradients.linalg.FiniteDifferences;
import org.rnngradients.linalg.RandomSource;

/**
 * The batched engine against B independent runs of the batch-1 reference {@link FullBptt}: mean loss,
 * every mean parameter gradient, and per sequence its loss, input gradients, initial-state gradient,
 * final state and profile. Metric: |a − b| / max(|a|, |b|, 1e-2) ≤ 1e-12 — relative error 1e-12 above
 * 1e-2 and absolute 1e-14 below; the paths differ only in the summation order of their products (GEMM
 * over columns and steps against one matrix–vector product at a time, and the mean taken as
 * (Σ_b g_b)/B against Σ_b g_b/B). Profiles compare log-norms to 1e-12 absolute (a relative 1e-12 of
 * the norm).
 */
class BatchedBpttTest {
    static final double TOLERANCE = 1e-12;
    static final double FLOOR = 1e-2;
    static final int I = 3;
    static final int H = 5;

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (CellKind kind : CellKind.values()) {
            b.add(Arguments.of(kind, new MeanSquaredError(), true, true));
            b.add(Arguments.of(kind, new SoftmaxCrossEntropy(), false, true));
            b.add(Arguments.of(kind, new MeanSquaredError(), true, false));
        }
        return b.build();
    }

    static RnnModel model(CellKind kind, Loss loss, boolean readout) {
        RnnModel m = Fixtures.model(kind, I, H, 2, loss, 31);
        return readout ? m : new RnnModel(m.cell(), loss);
    }

    /** Sequences of the given lengths with targets at every step or only at the last. */
    static Sequence[] batch(RnnModel model, int[] lengths, boolean every, long seed) {
        Sequence[] batch = new Sequence[lengths.length];
        for (int b = 0; b < lengths.length; b++) {
            batch[b] = Fixtures.sequence(lengths[b], I, model.outputSize(), every,
                    model.loss() instanceof SoftmaxCrossEntropy, seed + b);
        }
        return batch;
    }

    static DMatrixRMaj initialStates(RnnModel model, int batch, long seed) {
        DMatrixRMaj s0 = new DMatrixRMaj(model.cell().stateSize(), batch);
        org.rnngradients.linalg.RandomMatrices.uniform(s0, 0.5, RandomSource.seeded(seed));
        return s0;
    }

    static DMatrixRMaj column(DMatrixRMaj m, int b) {
        DMatrixRMaj v = new DMatrixRMaj(m.numRows, 1);
        for (int r = 0; r < m.numRows; r++) {
            v.data[r] = m.data[r * m.numCols + b];
        }
        return v;
    }

    static void assertAgrees(DMatrixRMaj expected, DMatrixRMaj actual, String what) {
        double e = FiniteDifferences.maxRelativeError(expected, actual, FLOOR);
        assertTrue(e <= TOLERANCE, what + ": max relative error " + e);
    }

    static void assertClose(double expected, double actual, String what) {
        assertTrue(Math.abs(expected - actual) <= TOLERANCE * Math.max(FLOOR, Math.abs(expected)),
                what + ": " + expected + " vs " + actual);
    }

    /** The batched result against {@link FullBptt} on each sequence from its column of {@code s0}. */
    static void assertEqualsPerSequence(RnnModel model, Sequence[] batch, DMatrixRMaj s0, BatchGradient g, String what) {
        int n = batch.length;
        ModelGradients mean = model.newGradients();
        double loss = 0;
        for (int b = 0; b < n; b++) {
            SequenceGradient r = new FullBptt().compute(model, batch[b], s0 == null ? null : column(s0, b));
            mean.all().addScaled(1.0 / n, r.gradients().all());
            loss += r.loss() / n;
            assertClose(r.loss(), g.loss(b), what + " loss of sequence " + b);
            assertAgrees(r.initialStateGradient(), g.initialStateGradient(b), what + " ds0 of sequence " + b);
            assertAgrees(r.finalState(), g.finalState(b), what + " final state of sequence " + b);
            for (int t = 1; t <= batch[b].length(); t++) {
                assertAgrees(r.inputGradient(t), g.inputGradient(b, t), what + " dx_" + t + " of sequence " + b);
                assertEquals(r.profile().logNorm(t), g.profile(b).logNorm(t), TOLERANCE, what + " profile " + b + " at " + t);
            }
        }
        assertClose(loss, g.loss(), what + " mean loss");
        for (String name : mean.all().names()) {
            assertAgrees(mean.all().get(name), g.gradients().all().get(name), what + " mean " + name);
        }
    }

    @ParameterizedTest(name = "{0} {1} everyStep={2} readout={3}")
    @MethodSource("cases")
    void batchedGradientsEqualPerSequenceGradients(CellKind kind, Loss loss, boolean every, boolean readout) {
        RnnModel model = model(kind, loss, readout);
        BatchedBptt engine = new BatchedBptt();
        for (int[] lengths : new int[][] {{7}, {6, 6, 6}, {5, 9, 1, 9, 3}}) {
            Sequence[] batch = batch(model, lengths, every, 40);
            DMatrixRMaj s0 = initialStates(model, lengths.length, 41);
            assertEqualsPerSequence(model, batch, s0, engine.compute(model, batch, s0),
                    kind + " lengths " + java.util.Arrays.toString(lengths));
        }
    }

    @Test
    void raggedAddingProblemBatchesEqualPerSequenceGradients() {
        AddingProblem task = AddingProblem.hochreiter(30);
        RnnModel model = Fixtures.model(CellKind.LSTM, 2, 8, 1, task.loss(), 42);
        Sequence[] batch = task.batch(12, RandomSource.seeded(43));
        assertTrue(java.util.Arrays.stream(batch).mapToInt(Sequence::length).distinct().count() > 1, "lengths differ");
        assertEqualsPerSequence(model, batch, null, new BatchedBptt().compute(model, batch), "adding T=30..33");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void oneSequenceThroughTheTimeBatchedPathEqualsFullBptt(CellKind kind) {
        RnnModel model = model(kind, new MeanSquaredError(), true);
        Sequence seq = Fixtures.sequence(20, I, 2, true, false, 44);
        DMatrixRMaj s0 = Fixtures.state(model.cell().stateSize(), 45);
        SequenceGradient expected = new FullBptt().compute(model, seq, s0);
        SequenceGradient actual = new BatchedBptt().compute(model, seq, s0);
        assertClose(expected.loss(), actual.loss(), kind + " loss");
        for (String name : model.parameters().names()) {
            assertAgrees(expected.gradients().all().get(name), actual.gradients().all().get(name), kind + " " + name);
        }
        assertAgrees(expected.initialStateGradient(), actual.initialStateGradient(), kind + " ds0");
        for (int t = 1; t <= 20; t++) {
            assertAgrees(expected.inputGradient(t), actual.inputGradient(t), kind + " dx_" + t);
            assertEquals(expected.profile().logNorm(t), actual.profile().logNorm(t), TOLERANCE, kind + " profile at " + t);
        }
        assertAgrees(expected.finalState(), actual.finalState(), kind + " final state");
    }

    static Stream<CellKind> kinds() {
        return Stream.of(CellKind.values());
    }

    /**
     * ∂/∂θ of the mean loss of a ragged batch against central differences of the mean of
     * {@link ForwardPass} losses (h = 1e-5, floor 1e-3, tolerance 1e-7, as {@link FullBpttFiniteDifferenceTest}).
     */
    @ParameterizedTest
    @MethodSource("kinds")
    void batchedGradientsEqualCentralDifferencesOfTheMeanLoss(CellKind kind) {
        RnnModel model = model(kind, new MeanSquaredError(), true);
        Sequence[] batch = batch(model, new int[] {4, 7, 2}, true, 46);
        ParameterSet analytic = new BatchedBptt().compute(model, batch).gradients().all();
        for (String name : model.parameters().names()) {
            DMatrixRMaj p = model.parameters().get(name);
            DMatrixRMaj numeric = FiniteDifferences.gradient(x -> {
                double sum = 0;
                for (Sequence s : batch) {
                    sum += ForwardPass.run(model, s).loss();
                }
                return sum / batch.length;
            }, p, 1e-5, new DMatrixRMaj(p.numRows, p.numCols));
            double e = FiniteDifferences.maxRelativeError(analytic.get(name), numeric, 1e-3);
            assertTrue(e <= 1e-7, kind + " " + name + ": max relative error " + e);
        }
    }

    @Test
    void anEngineFollowsParameterChangesAndSwitchesBetweenModelsAndBatchSizes() {
        RnnModel gru = model(CellKind.GRU, new MeanSquaredError(), true);
        RnnModel lstm = model(CellKind.LSTM, new MeanSquaredError(), true);
        BatchedBptt engine = new BatchedBptt();
        Sequence[] three = batch(gru, new int[] {4, 5, 3}, true, 47);
        Sequence[] two = batch(gru, new int[] {6, 2}, false, 48);
        engine.compute(gru, three);
        gru.cell().parameters().weightHh().data[3] += 0.25;
        assertEqualsPerSequence(gru, three, null, engine.compute(gru, three), "after a parameter change");
        assertEqualsPerSequence(lstm, two, null, engine.compute(lstm, two), "another model and batch size");
        assertEqualsPerSequence(gru, two, null, engine.compute(gru, two), "back to the first model");
    }

    @Test
    void fullBpttBatchesThroughTheBatchedEngineAndOthersFallBackToPerSequence() {
        assertTrue(new FullBptt().batched() instanceof BatchedBptt);
        BatchedBptt batched = new BatchedBptt();
        assertSame(batched, batched.batched());
        GradientEngine perSequence = GradientEngine.perSequence(new FullBptt());
        assertSame(perSequence, perSequence.batched());
        assertTrue(new CheckpointedBptt().batched() instanceof PerSequenceEngine);
        RnnModel model = model(CellKind.RNN_TANH, new MeanSquaredError(), true);
        Sequence[] batch = batch(model, new int[] {3, 5}, true, 49);
        BatchGradient fallback = perSequence.batched().compute(model, batch);
        assertEqualsPerSequence(model, batch, null, fallback, "per-sequence fallback");
        assertEquals(new FullBptt().compute(model, batch[1]).inputGradient(4).get(1, 0), fallback.inputGradient(1, 4).get(1, 0));
    }

    @Test
    void parameterGradientHasExactlyTheLossesAndParameterGradientOfTheFullComputation() {
        for (CellKind kind : CellKind.values()) {
            RnnModel model = model(kind, new MeanSquaredError(), true);
            Sequence[] batch = batch(model, new int[] {4, 6, 3}, true, 51);
            BatchGradient full = new BatchedBptt().compute(model, batch);
            BatchGradient lean = new BatchedBptt().parameterGradient(model, batch);
            assertEquals(full.loss(), lean.loss(), 0.0, kind + " mean loss");
            for (int b = 0; b < batch.length; b++) {
                assertEquals(full.loss(b), lean.loss(b), 0.0, kind + " loss of sequence " + b);
            }
            ParameterSet expected = full.gradients().all();
            ParameterSet actual = lean.gradients().all();
            assertEquals(expected.names(), actual.names());
            for (String name : expected.names()) {
                assertArrayEquals(expected.get(name).data, actual.get(name).data, 0.0,
                        kind + " " + name + ": skipping the per-sequence parts changes no bit of dθ");
            }
        }
    }

    @Test
    void aParameterGradientRefusesThePartsItDidNotCollect() {
        RnnModel model = model(CellKind.GRU, new MeanSquaredError(), true);
        BatchGradient lean = new BatchedBptt().parameterGradient(model, batch(model, new int[] {3, 2}, true, 52));
        for (Map.Entry<String, Executable> part : List.<Map.Entry<String, Executable>>of(
                Map.entry("input gradients", () -> lean.inputGradients(0)),
                Map.entry("input gradients", () -> lean.inputGradient(1, 1)),
                Map.entry("initial-state gradients", () -> lean.initialStateGradient(0)),
                Map.entry("final states", () -> lean.finalState(1)),
                Map.entry("profiles", () -> lean.profile(0)))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, part.getValue());
            assertTrue(e.getMessage().startsWith(part.getKey() + " were not collected"), e.getMessage());
        }
        assertMessage("b", () -> lean.profile(2));
        BatchGradient viaDefault = GradientEngine.perSequence(new FullBptt()).batched()
                .parameterGradient(model, batch(model, new int[] {3, 2}, true, 52));
        assertEquals(lean.loss(), viaDefault.loss(), 1e-12, "the default is the full computation");
        assertTrue(viaDefault.profile(0) != null, "the per-sequence fallback still collects every part");
    }

    @Test
    void badBatchesAreRejectedByName() {
        RnnModel model = model(CellKind.LSTM, new MeanSquaredError(), true);
        BatchedBptt engine = new BatchedBptt();
        Sequence[] batch = batch(model, new int[] {3, 4}, true, 50);
        assertMessage("model", () -> engine.compute(null, batch));
        assertMessage("batch", () -> engine.compute(model, (Sequence[]) null));
        assertMessage("batch must not be empty", () -> engine.compute(model, new Sequence[0]));
        assertMessage("batch[1]", () -> engine.compute(model, new Sequence[] {batch[0], null}));
        Sequence wide = Fixtures.sequence(3, I + 1, 2, true, false, 51);
        assertMessage("batch[1] inputSize", () -> engine.compute(model, new Sequence[] {batch[0], wide}));
        Sequence narrow = Fixtures.sequence(3, I, 1, true, false, 52);
        assertMessage("batch[0] target size", () -> engine.compute(model, new Sequence[] {narrow, batch[1]}));
        assertMessage("initialStates", () -> engine.compute(model, batch, new DMatrixRMaj(2 * H, 3)));
        DMatrixRMaj nan = new DMatrixRMaj(2 * H, 2);
        nan.data[5] = Double.NaN;
        assertMessage("initialStates", () -> engine.compute(model, batch, nan));
        BatchGradient g = engine.compute(model, batch);
        assertMessage("b", () -> g.loss(2));
        assertMessage("t", () -> g.inputGradient(0, 4));
    }

    static void assertMessage(String start, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().startsWith(start), "message should start with " + start + ": " + e.getMessage());
    }
}
