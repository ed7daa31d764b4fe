package org.rnngradients.bptt.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.rnngradients.bptt.Fixtures;
import org.rnngradients.bptt.FullBptt;
import org.rnngradients.bptt.GradientEngine;
import org.rnngradients.bptt.ParameterSet;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.Sequence;
import org.rnngradients.bptt.SequenceGradient;
import org.rnngradients.bptt.clip.ClipAction;
import org.rnngradients.bptt.clip.GradientClipper;
import org.rnngradients.bptt.clip.NonFiniteGradientException;
import org.rnngradients.bptt.clip.NonFinitePolicy;
import org.rnngradients.bptt.loss.MeanSquaredError;
import org.rnngradients.bptt.optim.Adam;
import org.rnngradients.bptt.tasks.AddingProblem;
import org.rnngradients.cells.CellKind;
import org.rnngradients.linalg.RandomSource;

class TrainerTest {
    private static final AddingProblem TASK = AddingProblem.sumForm(5);

    private static RnnModel model() {
        return Fixtures.model(CellKind.RNN_TANH, 2, 8, 1, new MeanSquaredError(), 71);
    }

    private static TrainingConfig config(long steps, GradientEngine engine, NonFinitePolicy policy) {
        return new TrainingConfig(steps, 4, 72, engine, new Adam(0.01), GradientClipper.globalNorm(1, policy));
    }

    private static ParameterSet trainedFor(long steps) {
        return trainedFor(steps, new FullBptt());
    }

    /** The parameters after {@code steps} steps with {@code engine} (its batched form, as the trainer uses it). */
    private static ParameterSet trainedFor(long steps, GradientEngine engine) {
        RnnModel m = model();
        Trainer.train(m, TASK, config(steps, engine, NonFinitePolicy.THROW), ProgressListener.none());
        return m.parameters().copy();
    }

    /** The failing engines below run through the per-sequence fallback; so does their reference. */
    private static ParameterSet trainedPerSequenceFor(long steps) {
        return trainedFor(steps, GradientEngine.perSequence(new FullBptt()));
    }

    /** Full BPTT that fails (or poisons the gradient with NaN) on the n-th sequence it sees. */
    private static GradientEngine failingOn(int n, boolean poison) {
        AtomicInteger calls = new AtomicInteger();
        return (model, sequence, s0) -> {
            SequenceGradient g = new FullBptt().compute(model, sequence, s0);
            if (calls.incrementAndGet() == n) {
                if (!poison) {
                    throw new IllegalStateException("engine failure");
                }
                g.gradients().all().get("weight_hh").data[0] = Double.NaN;
            }
            return g;
        };
    }

    /**
     * Five steps on the Hochreiter adding problem (sequence lengths 12..13 in one batch) through the
     * batched engine and through the per-sequence fallback: every reported loss and gradient norm and
     * every parameter agree to 1e-12 relative (absolute 1e-14 below 1e-2). The two paths differ only in
     * summation order, the batched mean being (Σ_b g_b)/B instead of Σ_b (g_b/B).
     */
    @Test
    void theBatchedPathAgreesWithThePerSequencePath() {
        AddingProblem ragged = AddingProblem.hochreiter(12);
        for (CellKind kind : new CellKind[] {CellKind.RNN_TANH, CellKind.GRU, CellKind.LSTM}) {
            for (boolean adam : new boolean[] {false, true}) {
                RnnModel batched = Fixtures.model(kind, 2, 8, 1, new MeanSquaredError(), 75);
                RnnModel perSequence = Fixtures.model(kind, 2, 8, 1, new MeanSquaredError(), 75);
                TrainingResult a = Trainer.train(batched, ragged, agreementConfig(new FullBptt(), adam), ProgressListener.none());
                TrainingResult b = Trainer.train(perSequence, ragged,
                        agreementConfig(GradientEngine.perSequence(new FullBptt()), adam), ProgressListener.none());
                String what = kind + (adam ? " Adam" : " SGD");
                for (int k = 0; k < 5; k++) {
                    assertRelative(b.history().get(k).loss(), a.history().get(k).loss(), what + " loss " + k);
                    assertRelative(b.history().get(k).gradientNorm(), a.history().get(k).gradientNorm(), what + " norm " + k);
                }
                assertTrue(Fixtures.maxRelativeError(perSequence.parameters(), batched.parameters(), 1e-2) <= 1e-12,
                        what + " parameters");
            }
        }
    }

    private static TrainingConfig agreementConfig(GradientEngine engine, boolean adam) {
        return new TrainingConfig(5, 6, 76, engine, adam ? new Adam(0.01) : new org.rnngradients.bptt.optim.Sgd(0.1, 0.9),
                GradientClipper.globalNorm(1, NonFinitePolicy.THROW));
    }

    private static void assertRelative(double expected, double actual, String what) {
        assertTrue(Math.abs(expected - actual) <= 1e-12 * Math.max(1e-2, Math.abs(expected)), what + ": " + expected
                + " vs " + actual);
    }

    @Test
    void aRunIsReproducibleFromItsSeed() {
        assertEquals(0.0, Fixtures.maxAbsDifference(trainedFor(6), trainedFor(6)));
    }

    @Test
    void aListenerThatStopsLeavesTheModelAtThatStep() {
        RnnModel m = model();
        TrainingResult r = Trainer.train(m, TASK, config(10, new FullBptt(), NonFinitePolicy.THROW), p -> p.step() < 3);
        assertEquals(3, r.completedSteps());
        assertTrue(r.stoppedEarly());
        assertEquals(0.0, Fixtures.maxAbsDifference(m.parameters(), trainedFor(3)));
    }

    @Test
    void anExceptionMidStepLeavesTheModelAtTheLastCompletedStep() {
        RnnModel m = model();
        TrainingFailedException e = assertThrows(TrainingFailedException.class,
                () -> Trainer.train(m, TASK, config(10, failingOn(10, false), NonFinitePolicy.THROW), ProgressListener.none()));
        assertEquals(2, e.completedSteps());                      // sequence 10 is the 2nd of step 3's batch of 4
        assertEquals(0.0, Fixtures.maxAbsDifference(m.parameters(), trainedPerSequenceFor(2)));
    }

    @Test
    void aNonFiniteGradientUnderThrowFailsTheStepWithoutTouchingTheModel() {
        RnnModel m = model();
        TrainingFailedException e = assertThrows(TrainingFailedException.class,
                () -> Trainer.train(m, TASK, config(10, failingOn(9, true), NonFinitePolicy.THROW), ProgressListener.none()));
        assertInstanceOf(NonFiniteGradientException.class, e.getCause());
        assertEquals(2, e.completedSteps());
        assertEquals(0.0, Fixtures.maxAbsDifference(m.parameters(), trainedPerSequenceFor(2)));
    }

    @Test
    void aSkippedStepIsReportedAndCountedAsAClippingEvent() {
        RnnModel m = model();
        TrainingResult r = Trainer.train(m, TASK, config(4, failingOn(9, true), NonFinitePolicy.SKIP), ProgressListener.none());
        assertEquals(ClipAction.SKIPPED, r.history().get(2).action());
        assertTrue(Double.isNaN(r.history().get(2).gradientNorm()));
        assertTrue(r.history().get(3).clipEvents() >= 1);
        assertTrue(m.parameters().isFinite());
    }

    @Test
    void trainingBeatsTheAddingBaselineOnShortSequences() {
        RnnModel m = model();
        TrainingConfig cfg = new TrainingConfig(2000, 8, 73, new FullBptt(), new Adam(0.01), GradientClipper.globalNorm(1, NonFinitePolicy.THROW));
        Trainer.train(m, TASK, cfg, ProgressListener.none());
        Sequence[] test = TASK.batch(500, RandomSource.seeded(74));
        double mse = Evaluation.meanLossPerTarget(m, test);
        assertTrue(mse < AddingProblem.SUM_FORM_BASELINE_MSE / 4, "test MSE " + mse);
    }

    @Test
    void badConfigIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> config(0, new FullBptt(), NonFinitePolicy.THROW));
        assertThrows(IllegalArgumentException.class,
                () -> new TrainingConfig(1, 0, 1, new FullBptt(), new Adam(0.1), GradientClipper.none(NonFinitePolicy.THROW)));
        assertThrows(IllegalArgumentException.class, () -> Trainer.train(model(), TASK, null, ProgressListener.none()));
    }
}
