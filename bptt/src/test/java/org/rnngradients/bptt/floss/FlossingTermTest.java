package org.rnngradients.bptt.floss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.rnngradients.bptt.FullBptt;
import org.rnngradients.bptt.ModelGradients;
import org.rnngradients.bptt.Readout;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.Sequence;
import org.rnngradients.bptt.clip.GradientClipper;
import org.rnngradients.bptt.clip.NonFinitePolicy;
import org.rnngradients.bptt.optim.Adam;
import org.rnngradients.bptt.tasks.AddingProblem;
import org.rnngradients.bptt.train.ProgressListener;
import org.rnngradients.bptt.train.Trainer;
import org.rnngradients.bptt.train.TrainingConfig;
import org.rnngradients.bptt.train.TrainingProgress;
import org.rnngradients.cells.CellKind;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.linalg.FiniteDifferences;
import org.rnngradients.linalg.Initialiser;
import org.rnngradients.linalg.RandomSource;

class FlossingTermTest {
    private static final AddingProblem TASK = AddingProblem.sumForm(8);

    private static RnnModel model(CellKind kind, int hidden, double gain, long seed) {
        RecurrentCell cell = FlossFixtures.cell(kind, 2, hidden, gain, seed);
        Readout readout = Readout.initialised(hidden, 1, Initialiser.xavierUniform(1.0), RandomSource.seeded(seed).fork("readout"));
        return new RnnModel(cell, readout, TASK.loss());
    }

    @Test
    void theTermsGradientEqualsFiniteDifferencesOfR() {
        // R = weight·Σλ² over the batch's inputs back to back (3 sequences of 8, horizon 20); FD oracle as in
        // LyapunovGradientFiniteDifferenceTest (Richardson, h = 1e-4), tolerance 1e-6 relative, 1e-3 absolute.
        RnnModel model = model(CellKind.GRU, 4, 2.0, 121);
        FlossingTerm term = new FlossingTerm(new FlossingTarget(2, 20, 4), new FlossingSchedule(0.7, 1, 5));
        Sequence[] batch = TASK.batch(3, RandomSource.seeded(122));
        ModelGradients g = model.newGradients();
        double r = term.accumulate(model, batch, 1, g);
        double[] lambda = term.lastExponents();
        double worst = 0;
        for (String name : g.cell().names()) {
            DMatrixRMaj theta = model.cell().parameters().get(name);
            DMatrixRMaj numeric = LyapunovGradientFiniteDifferenceTest.richardson(
                    m -> term.accumulate(model, batch, 1, model.newGradients()), theta);
            worst = Math.max(worst, FiniteDifferences.maxRelativeError(g.cell().get(name), numeric, 1e-3));
        }
        assertEquals(0.7 * (lambda[0] * lambda[0] + lambda[1] * lambda[1]), r, 1e-15);
        assertTrue(worst < 1e-6, "worst relative error " + worst);
        assertEquals(0, CommonOps_DDRM.elementMaxAbs(g.readoutWeight()), 0.0, "the readout does not enter R");
    }

    @Test
    void withAnIntervalTheTermActsExactlyOnTheScheduledSteps() {
        RnnModel model = model(CellKind.RNN_TANH, 4, 1.5, 123);
        FlossingTerm term = new FlossingTerm(new FlossingTarget(2, 16, 0), new FlossingSchedule(1.0, 3, 2));
        TrainingConfig config = new TrainingConfig(10, 2, 124, new FullBptt(), new Adam(0.01),
                GradientClipper.none(NonFinitePolicy.THROW)).withTerm(term);
        List<Long> active = new ArrayList<>();
        Trainer.train(model, TASK, config, p -> {
            if (p.termLoss() != 0) {
                active.add(p.step());
            }
            return true;
        });
        assertEquals(List.of(3L, 6L), active);                      // steps 3, 6; the third episode (9) is past the limit
        ModelGradients g = model.newGradients();
        assertEquals(0.0, term.accumulate(model, TASK.batch(2, RandomSource.seeded(1)), 4, g));
        assertEquals(0.0, g.all().maxAbs(), "an inactive step adds nothing");
    }

    @Test
    void flossingPhaseStepsLowerTheSumOfSquaredExponentsOnHeldOutInputs() {
        // W_hh ~ N(0, 9/H), H = 16, driven by adding-problem inputs: Σλ² of the top 4 exponents is about 2.4;
        // 60 Adam steps (lr 0.002) on Σλ² alone, each on a fresh 40-step stream, more than halve it (measured 0.90).
        RecurrentCell cell = new org.rnngradients.cells.VanillaRnnCell(2, 16, org.rnngradients.cells.Activation.TANH);
        org.rnngradients.cells.Cells.initialise(cell, Initialiser.scaledGaussian(3.0), Initialiser.pytorchDefault(16),
                RandomSource.seeded(1));
        RnnModel model = new RnnModel(cell, TASK.loss());
        FlossingTarget target = new FlossingTarget(4, 40, 10);
        double before = heldOutSumOfSquares(model, target);
        List<FlossingPhase.Step> steps = new FlossingPhase(target, 60, new Adam(0.002)).run(model, TASK,
                RandomSource.seeded(126));
        double after = heldOutSumOfSquares(model, target);
        System.out.println("phase: Σλ² " + before + " -> " + after);
        assertEquals(60, steps.size());
        assertTrue(after < 0.5 * before, "Σλ² on held-out inputs went from " + before + " to " + after);
    }

    @Test
    void asATrainingTermItLowersTheSumOfSquaredExponentsComparedWithTrainingWithoutIt() {
        FlossingTarget target = new FlossingTarget(4, 40, 10);
        RnnModel plain = model(CellKind.RNN_TANH, 8, 3.0, 127);
        RnnModel flossed = model(CellKind.RNN_TANH, 8, 3.0, 127);
        TrainingConfig config = new TrainingConfig(20, 5, 128, new FullBptt(), new Adam(0.02),
                GradientClipper.globalNorm(1.0, NonFinitePolicy.THROW));
        Trainer.train(plain, TASK, config, ProgressListener.none());
        Trainer.train(flossed, TASK, config.withTerm(new FlossingTerm(target, new FlossingSchedule(1.0, 1, 20))),
                ProgressListener.none());
        double withTerm = heldOutSumOfSquares(flossed, target);
        double without = heldOutSumOfSquares(plain, target);
        // measured: 0.35 with the term, 0.67 without
        assertTrue(withTerm < 0.75 * without, "Σλ² " + withTerm + " with the term, " + without + " without");
    }

    /** Σλ_i² of the k exponents over a long held-out stream (400 steps after a warm-up of 100), a stable estimate. */
    private static double heldOutSumOfSquares(RnnModel model, FlossingTarget target) {
        int horizon = 500;
        LyapunovGradient engine = new LyapunovGradient(model.cell(), target.exponents(), horizon, 100, 129);
        double[] lambda = new double[target.exponents()];
        Sequence[] stream = FlossingInputs.draw(TASK, horizon, RandomSource.seeded(130));
        engine.exponents(model.zeroState(), new FlossingInputs(horizon).fill(stream), lambda);
        return ExponentObjective.SUM_OF_SQUARES.value(lambda);
    }

    @Test
    void settingsAreValidatedByName() {
        assertEquals("exponents must be > 0, was 0",
                assertThrows(IllegalArgumentException.class, () -> new FlossingTarget(0, 10, 0)).getMessage());
        assertEquals("horizon must be > 0, was -1",
                assertThrows(IllegalArgumentException.class, () -> new FlossingTarget(1, -1, 0)).getMessage());
        assertEquals("warmUp must be in [0, 9], was 10",
                assertThrows(IllegalArgumentException.class, () -> new FlossingTarget(1, 10, 10)).getMessage());
        assertEquals("weight must be finite and > 0, was NaN",
                assertThrows(IllegalArgumentException.class, () -> new FlossingSchedule(Double.NaN, 1, 1)).getMessage());
        assertEquals("weight must be finite and > 0, was 0.0",
                assertThrows(IllegalArgumentException.class, () -> new FlossingSchedule(0, 1, 1)).getMessage());
        assertEquals("interval must be > 0, was 0",
                assertThrows(IllegalArgumentException.class, () -> new FlossingSchedule(1, 0, 1)).getMessage());
        assertEquals("episodes must be > 0, was 0",
                assertThrows(IllegalArgumentException.class, () -> new FlossingSchedule(1, 1, 0)).getMessage());
        assertEquals("step must be >= 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> new FlossingSchedule(1, 1, 1).activeAt(0)).getMessage());
        assertEquals("steps must be > 0, was 0", assertThrows(IllegalArgumentException.class,
                () -> new FlossingPhase(new FlossingTarget(1, 5, 0), 0, new Adam(0.1))).getMessage());
    }

    @Test
    void aBatchTooShortForTheHorizonOrTooManyExponentsAreNamed() {
        RnnModel model = model(CellKind.RNN_TANH, 4, 1.5, 131);
        FlossingTerm longHorizon = new FlossingTerm(new FlossingTarget(1, 30, 0), new FlossingSchedule(1, 1, 1));
        assertEquals("batch must hold at least the flossing horizon 30 inputs in total, held 16",
                assertThrows(IllegalArgumentException.class, () -> longHorizon.accumulate(model,
                        TASK.batch(2, RandomSource.seeded(2)), 1, model.newGradients())).getMessage());
        assertEquals("batch[1] must not be null", assertThrows(IllegalArgumentException.class,
                () -> longHorizon.accumulate(model, new Sequence[] {TASK.batch(1, RandomSource.seeded(3))[0], null}, 1,
                        model.newGradients())).getMessage());
        FlossingTerm tooMany = new FlossingTerm(new FlossingTarget(5, 8, 0), new FlossingSchedule(1, 1, 1));
        assertEquals("exponents must be <= the state size 4, was 5", assertThrows(IllegalArgumentException.class,
                () -> tooMany.accumulate(model, TASK.batch(1, RandomSource.seeded(2)), 1, model.newGradients())).getMessage());
    }

    @Test
    void theProgressRecordsTheTermLoss() {
        RnnModel model = model(CellKind.LSTM, 3, 1.0, 132);
        FlossingTerm term = new FlossingTerm(new FlossingTarget(2, 8, 0), new FlossingSchedule(0.5, 1, 1));
        TrainingConfig config = new TrainingConfig(1, 1, 133, new FullBptt(), new Adam(0.01),
                GradientClipper.none(NonFinitePolicy.THROW)).withTerm(term);
        TrainingProgress p = Trainer.train(model, TASK, config, ProgressListener.none()).history().get(0);
        double[] l = term.lastExponents();
        assertEquals(0.5 * (l[0] * l[0] + l[1] * l[1]), p.termLoss(), 1e-15);
    }
}
