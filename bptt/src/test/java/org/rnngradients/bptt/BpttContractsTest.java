package org.rnngradients.bptt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rnngradients.bptt.clip.ClipAction;
import org.rnngradients.bptt.clip.ClipOutcome;
import org.rnngradients.bptt.clip.GradientClipper;
import org.rnngradients.bptt.clip.GradientClipping;
import org.rnngradients.bptt.clip.NonFinitePolicy;
import org.rnngradients.bptt.loss.MeanSquaredError;
import org.rnngradients.bptt.loss.SoftmaxCrossEntropy;
import org.rnngradients.bptt.optim.Adam;
import org.rnngradients.bptt.optim.Sgd;
import org.rnngradients.bptt.tasks.AddingProblem;
import org.rnngradients.bptt.tasks.AgreementTask;
import org.rnngradients.bptt.tasks.CopyTask;
import org.rnngradients.bptt.train.Evaluation;
import org.rnngradients.bptt.train.Trainer;
import org.rnngradients.bptt.train.TrainingConfig;
import org.rnngradients.bptt.train.TrainingProgress;
import org.rnngradients.bptt.train.TrainingResult;
import org.rnngradients.cells.CellKind;
import org.rnngradients.linalg.FiniteDifferences;

/**
 * Contracts of bptt that the gradient checks do not reach: losses with several outputs and soft targets, the loss
 * a truncated engine still counts, reused workspaces and initial states, profiles with several losses, clipping at
 * its thresholds, the stopping rule of training, evaluation at its tolerance, and what tasks, engines, clippers and
 * optimisers say about themselves.
 */
class BpttContractsTest {
    private static final int I = 2;
    private static final int H = 4;

    private static RnnModel model(int outputs) {
        return Fixtures.model(CellKind.GRU, I, H, outputs, new MeanSquaredError(), 3);
    }

    @Test
    void theMseGradientOfSeveralOutputsMatchesFiniteDifferences() {
        MeanSquaredError mse = new MeanSquaredError();
        DMatrixRMaj y = new DMatrixRMaj(new double[][] {{0.5}, {-1}, {2}});
        DMatrixRMaj out = new DMatrixRMaj(new double[][] {{1}, {0.25}, {-0.5}});
        DMatrixRMaj analytic = new DMatrixRMaj(3, 1);
        double value = mse.gradient(out, y, analytic);
        assertEquals(mse.value(out, y), value, 0);
        DMatrixRMaj numeric = FiniteDifferences.gradient(o -> mse.value(o, y), out, 1e-6, new DMatrixRMaj(3, 1));
        assertTrue(FiniteDifferences.maxRelativeError(analytic, numeric, 1e-3) < 1e-8);
    }

    @Test
    void theSoftmaxGradientOfATargetOfMassTwoMatchesFiniteDifferences() {
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        DMatrixRMaj y = new DMatrixRMaj(new double[][] {{0.5}, {1.5}, {0}});
        DMatrixRMaj logits = new DMatrixRMaj(new double[][] {{0.3}, {-1}, {2}});
        DMatrixRMaj analytic = new DMatrixRMaj(3, 1);
        ce.gradient(logits, y, analytic);
        DMatrixRMaj numeric = FiniteDifferences.gradient(o -> ce.value(o, y), logits, 1e-6, new DMatrixRMaj(3, 1));
        assertTrue(FiniteDifferences.maxRelativeError(analytic, numeric, 1e-3) < 1e-8);
        assertEquals(1, SoftmaxCrossEntropy.argmax(new DMatrixRMaj(new double[][] {{1}, {3}, {3}})), "ties: the first");
        assertEquals("SoftmaxCrossEntropy", ce.toString());
        assertEquals("MSE", new MeanSquaredError().toString());
    }

    @Test
    void truncationDropsGradientPathsButCountsEveryStepsLoss() {
        RnnModel m = model(1);
        Sequence every = Fixtures.sequence(7, I, 1, true, false, 5);
        double exact = new FullBptt().compute(m, every).loss();
        for (TruncatedBptt.Mode mode : TruncatedBptt.Mode.values()) {
            TruncatedBptt truncated = new TruncatedBptt(3, 1, mode);
            assertEquals(3, truncated.k1());
            assertEquals(1, truncated.k2());
            assertSame(mode, truncated.mode());
            if (mode == TruncatedBptt.Mode.STATEFUL) {
                assertEquals(exact, truncated.compute(m, every).loss(), 1e-12, mode.toString());
            }
        }
    }

    @Test
    void checkpointingAtALengthThatIsAMultipleOfTheSegmentEndsInTheFullEnginesState() {
        RnnModel m = model(1);
        Sequence nine = Fixtures.sequence(9, I, 1, false, false, 6);
        SequenceGradient full = new FullBptt().compute(m, nine);
        SequenceGradient checkpointed = new CheckpointedBptt(3).compute(m, nine);
        assertArrayEquals(full.finalState().data, checkpointed.finalState().data, 0);
        assertEquals(full.loss(), checkpointed.loss(), 0);
    }

    @Test
    void aReusedBatchedEngineForgetsThePreviousCallsInitialStates() {
        RnnModel m = model(1);
        Sequence[] batch = {Fixtures.sequence(4, I, 1, false, false, 7), Fixtures.sequence(5, I, 1, false, false, 8)};
        BatchedBptt reused = new BatchedBptt();
        DMatrixRMaj s0 = new DMatrixRMaj(H, 2);
        s0.fill(0.5);
        reused.compute(m, batch, s0);
        BatchGradient again = reused.compute(m, batch);
        BatchGradient fresh = new BatchedBptt().compute(m, batch);
        assertEquals(fresh.loss(), again.loss(), 0);
        assertEquals(2, fresh.size());
        assertSame(fresh.inputGradients(1), fresh.inputGradients(1));
        assertEquals(5, fresh.inputGradients(1).numCols);
        assertEquals("batched full BPTT", reused.toString());
    }

    @Test
    void profilesWithALossAtEveryStepOrAZeroLossGradientEqualTheExactEnginesProfile() {
        RnnModel m = new RnnModel(Fixtures.cell(CellKind.RNN_TANH, I, H, 9), new MeanSquaredError());
        Sequence every = Fixtures.sequence(6, I, H, true, false, 10);
        DMatrixRMaj s0 = Fixtures.state(H, 11);
        GradientProfile exact = new FullBptt().compute(m, every, s0).profile();
        for (AdjointProfiler profiler : List.of(new AdjointProfiler(), AdjointProfiler.timeBatched())) {
            assertArrayEquals(exact.logNorms(), profiler.profile(m, every, s0).logNorms(), 1e-12);
        }
        DMatrixRMaj[] x = new DMatrixRMaj[6];
        DMatrixRMaj[] y = new DMatrixRMaj[6];
        for (int t = 1; t <= 6; t++) {
            x[t - 1] = every.input(t);
        }
        Sequence plain = Sequence.lastStep(x, every.target(6));
        y[2] = Fixtures.stateAfter(m, plain, 3);                      // ŷ_3 = h_3 exactly: a zero loss gradient
        y[5] = every.target(6);
        GradientProfile withZero = new AdjointProfiler().profile(m, Sequence.of(x, y), null);
        assertArrayEquals(new AdjointProfiler().profile(m, plain, null).logNorms(), withZero.logNorms(), 0);
        assertEquals(6, withZero.length());
        assertEquals(Math.exp(withZero.logNorm(2)), withZero.norm(2), 0);
        assertEquals(withZero.logNorm(4) / Math.log(10), withZero.log10Norms()[3], 1e-15);
    }

    @Test
    void clippingAtExactlyTheThresholdChangesNothingAndCountsNoEntry() {
        ParameterSet g = new ParameterSet().with("w", new DMatrixRMaj(new double[][] {{3, -4}}));
        assertEquals(0, GradientClipping.clipValues(g, 4));
        assertEquals(1, GradientClipping.clipValues(g, 3.5));
        for (GradientClipper.Rule rule : GradientClipper.Rule.values()) {
            GradientClipper small = rule == GradientClipper.Rule.NONE ? GradientClipper.none(NonFinitePolicy.THROW)
                    : clipper(rule, 100);
            ParameterSet copy = g.copy();
            assertEquals(ClipAction.NONE, small.apply(copy, null).action(), rule.toString());
            if (rule != GradientClipper.Rule.NONE) {
                ClipOutcome clipped = clipper(rule, 1).apply(g.copy(), null);
                assertEquals(ClipAction.CLIPPED, clipped.action(), rule.toString());
                assertTrue(clipped.normAfter() < clipped.normBefore());
                assertSame(rule, clipper(rule, 1).rule());
                assertEquals(1, clipper(rule, 1).theta(), 0);
                assertEquals(rule + "(1.0)/THROW", clipper(rule, 1).toString());
            }
        }
        assertEquals("NONE/ZERO", GradientClipper.none(NonFinitePolicy.ZERO).toString());
        assertFalse(NonFinitePolicy.PASCANU_RESCUE.triggers(NonFinitePolicy.RESCUE_THRESHOLD));
        assertTrue(NonFinitePolicy.PASCANU_RESCUE.triggers(Math.nextUp(NonFinitePolicy.RESCUE_THRESHOLD)));
        assertFalse(ClipAction.NONE.isEvent());
        assertTrue(ClipAction.SKIPPED.isEvent());
    }

    private static GradientClipper clipper(GradientClipper.Rule rule, double theta) {
        return switch (rule) {
            case GLOBAL_NORM -> GradientClipper.globalNorm(theta);
            case PER_PARAMETER -> GradientClipper.perParameter(theta);
            case VALUE -> GradientClipper.value(theta);
            case NONE -> GradientClipper.none(NonFinitePolicy.THROW);
        };
    }

    @Test
    void aRunStoppedAtItsLastStepWasNotStoppedEarly() {
        TrainingConfig config = new TrainingConfig(3, 2, 1, new FullBptt(), new Sgd(0.01, 0), GradientClipper.globalNorm(1));
        TrainingResult atLast = Trainer.train(model(1), AddingProblem.sumForm(5), config, p -> p.step() < 3);
        assertFalse(atLast.stoppedEarly());
        assertEquals(3, atLast.completedSteps());
        assertEquals(atLast.history().get(2).loss(), atLast.finalLoss(), 0);
        TrainingResult early = Trainer.train(model(1), AddingProblem.sumForm(5), config, p -> p.step() < 2);
        assertTrue(early.stoppedEarly());
        assertTrue(Double.isNaN(new TrainingResult(0, false, List.of()).finalLoss()));
        assertEquals(List.of(new TrainingProgress(1, 0.5, 2, ClipAction.NONE, 0)),
                new TrainingResult(1, false, List.of(new TrainingProgress(1, 0.5, 2, ClipAction.NONE, 0))).history());
    }

    @Test
    void evaluationCountsAPredictionAtExactlyTheToleranceAsWrongAndScoresAccuracy() {
        Readout readout = new Readout(H, 1);
        readout.bias().set(0, 0, 0.5);                                   // ŷ = 0.5 exactly, whatever h is
        RnnModel constant = new RnnModel(Fixtures.cell(CellKind.RNN_TANH, I, H, 2), readout, new MeanSquaredError());
        Sequence quarter = Sequence.lastStep(new DMatrixRMaj[] {new DMatrixRMaj(I, 1)},
                new DMatrixRMaj(new double[][] {{0.25}}));
        assertEquals(0, Evaluation.fractionWithin(constant, new Sequence[] {quarter}, 0.25), 0);
        assertEquals(1, Evaluation.fractionWithin(constant, new Sequence[] {quarter}, Math.nextUp(0.25)), 0);
        Readout two = new Readout(H, 2);
        two.bias().set(1, 0, 1);                                         // always predicts class 1
        RnnModel classifier = new RnnModel(Fixtures.cell(CellKind.RNN_TANH, I, H, 2), two, new SoftmaxCrossEntropy());
        Sequence[] labelled = new Sequence[4];
        for (int k = 0; k < 4; k++) {
            DMatrixRMaj label = Fixtures.oneHot(k == 0 ? 0 : 1, 2);
            labelled[k] = Sequence.lastStep(new DMatrixRMaj[] {new DMatrixRMaj(I, 1)}, label);
        }
        assertEquals(0.75, Evaluation.accuracy(classifier, labelled), 0);
    }

    @Test
    void tasksEnginesAndOptimisersDescribeThemselves() {
        AddingProblem sum = AddingProblem.sumForm(2);
        assertEquals(AddingProblem.Form.SUM, sum.form());
        assertEquals(2, sum.length());
        assertEquals("adding-sum-T2", sum.name());
        assertEquals(2, sum.inputSize());
        assertEquals(1, sum.outputSize());
        assertEquals("adding-hochreiter-T10", AddingProblem.hochreiter(10).name());
        assertFalse(AddingProblem.isCorrect(0.04, 0), "|error| must be below 0.04");
        CopyTask copy = new CopyTask(2, 3, 1);
        assertEquals("copy-K2-L3-delay1", copy.name());
        assertEquals(2, copy.outputSize());
        assertTrue(copy.loss() instanceof SoftmaxCrossEntropy);
        assertEquals(7, copy.sample(org.rnngradients.linalg.RandomSource.seeded(1)).length());
        AgreementTask agreement = new AgreementTask(3, 2);
        assertEquals(3, agreement.gap());
        assertEquals("agreement-gap3", agreement.name());
        assertEquals(2, agreement.outputSize());
        assertTrue(agreement.loss() instanceof SoftmaxCrossEntropy);
        assertEquals(List.of("he", "she", "it", "I", "you", "we", "they", "d0", "d1", "?"), agreement.vocabulary());
        Adam adam = new Adam(0.1);
        assertEquals("Adam(lr=0.1, beta1=0.9, beta2=0.999, eps=1.0E-8)", adam.toString());
        ParameterSet theta = new ParameterSet().with("w", new DMatrixRMaj(1, 1));
        adam.step(theta, theta.zerosLike());
        assertEquals(1, adam.steps());
        assertEquals("SGD(lr=0.5, momentum=0.0)", new Sgd(0.5, 0).toString());
        FullBptt engine = new FullBptt();
        GradientEngine perSequence = GradientEngine.perSequence(engine);
        assertEquals("per-sequence " + engine, perSequence.toString());
        RnnModel m = model(1);
        Sequence s = Fixtures.sequence(3, I, 1, false, false, 4);
        assertNotNull(perSequence.compute(m, s));
        assertEquals(new FullBptt().compute(m, s).loss(), perSequence.compute(m, s).loss(), 0);
        assertEquals(10 * 4 + 11 * 3, new StoredActivations(1, 2, 3, 4).fullStorageBytes(10));
    }

    @Test
    void theTruncationBiasOfAScaledGradientIsItsScaleMinusOne() {
        ParameterSet full = new ParameterSet().with("w", new DMatrixRMaj(new double[][] {{3, 4}}));
        ParameterSet doubled = full.copy();
        doubled.scale(2);
        TruncationBias bias = TruncationBias.between(doubled, full);
        assertEquals(5, bias.norm(), 1e-15);
        assertEquals(1, bias.relative(), 1e-15);
        assertEquals(1, bias.cosine(), 1e-15);
    }
}
