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
        RnnModel m = model();
        Trainer.train(m, TASK, config(steps, new FullBptt(), NonFinitePolicy.THROW), ProgressListener.none());
        return m.parameters().copy();
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
        assertEquals(0.0, Fixtures.maxAbsDifference(m.parameters(), trainedFor(2)));
    }

    @Test
    void aNonFiniteGradientUnderThrowFailsTheStepWithoutTouchingTheModel() {
        RnnModel m = model();
        TrainingFailedException e = assertThrows(TrainingFailedException.class,
                () -> Trainer.train(m, TASK, config(10, failingOn(9, true), NonFinitePolicy.THROW), ProgressListener.none()));
        assertInstanceOf(NonFiniteGradientException.class, e.getCause());
        assertEquals(2, e.completedSteps());
        assertEquals(0.0, Fixtures.maxAbsDifference(m.parameters(), trainedFor(2)));
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
