package org.rnngradients.analysis.cli;

import org.rnngradients.analysis.cli.csv.CsvWriter;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.Sequence;
import org.rnngradients.bptt.clip.GradientClipper;
import org.rnngradients.bptt.clip.NonFinitePolicy;
import org.rnngradients.bptt.tasks.AddingProblem;
import org.rnngradients.bptt.train.Evaluation;
import org.rnngradients.bptt.train.Trainer;
import org.rnngradients.bptt.train.TrainingConfig;
import org.rnngradients.bptt.train.TrainingProgress;
import org.rnngradients.bptt.train.TrainingResult;
import org.rnngradients.linalg.RandomSource;

/**
 * One training run of the {@code adding} command on one task: a fresh seeded model, the trainer with the
 * chosen optimiser, and at every step the stopping rules — Hochreiter and Schmidhuber's ST3 over the most recent
 * training sequences ({@link RecentErrors}), a test-MSE target at evaluations, or the budget — with the curve,
 * and the diagnostics (Lyapunov spectra, gradient signal) at their schedule.
 */
final class AddingRun {
    /** How a run ended. */
    enum Stop {
        /** ST3: the recent training sequences all correct and their MSE below --stop-mse. */
        st3,
        /** A test evaluation below --target. */
        target,
        /** The budget of steps (sequences) ran out. */
        budget
    }

    /** The outcome of one run. */
    record Outcome(long steps, long sequences, Stop stoppedBy, double seconds, double trainMse, double testMse,
                   double bestTestMse, double baselineMse, String baseline, double fractionCorrect, long testWrong,
                   double recentMse, double recentFractionCorrect) {
    }

    private final AddingCommand c;
    private final AddingProblem task;
    private final CsvWriter curve;
    private final Diagnostics diagnostics;

    /** Diagnostics of a run: spectra and gradient signal at a schedule, or none. */
    record Diagnostics(TrainingSpectra spectra, GradientSignal signal, int every) {
        void record(RnnModel model, long step, long seen) {
            spectra.record(model.cell(), step, seen);
            signal.record(model, step, seen);
        }
    }

    AddingRun(AddingCommand command, AddingProblem task, CsvWriter curve, Diagnostics diagnostics) {
        this.c = command;
        this.task = task;
        this.curve = curve;
        this.diagnostics = diagnostics;
    }

    /** Trains a fresh model; {@code onStep} is called after every step (the progress bar). */
    Outcome train(RnnModel model, Runnable onStep) {
        boolean sum = task.form() == AddingProblem.Form.SUM;
        Sequence[] test = task.batch(c.testSize, RandomSource.seeded(c.seed).fork("test-set"));
        RecentErrors recent = new RecentErrors(c.stopWindow > 0 ? c.stopWindow : 2000, AddingProblem.CORRECT_TOLERANCE);
        GradientClipper clipper = c.clip == 0 ? GradientClipper.none(NonFinitePolicy.THROW)
                : GradientClipper.globalNorm(c.clip, NonFinitePolicy.THROW);
        TrainingConfig config = new TrainingConfig(c.maxSteps(), c.batch, c.seed, new RecordingEngine(recent::add),
                c.optimiser.create(c.learningRate, c.momentum), clipper);
        double[] ring = new double[100];
        double[] best = {Double.POSITIVE_INFINITY};
        Stop[] stop = {Stop.budget};
        if (diagnostics != null) {
            diagnostics.record(model, 0, 0);
            diagnostics.signal().profiles(model, 0);
        }
        long start = System.nanoTime();
        TrainingResult result = Trainer.train(model, task, config, p -> {
            onStep.run();
            ring[(int) (p.step() % ring.length)] = p.loss();
            boolean evaluate = p.step() % c.evalEvery == 0 || p.step() == c.maxSteps();
            double testMse = evaluate ? Evaluation.meanLossPerTarget(model, test) : Double.NaN;
            best[0] = evaluate ? Math.min(best[0], testMse) : best[0];
            if (c.stopWindow > 0 && recent.st3(c.stopMse)) {
                stop[0] = Stop.st3;
            } else if (evaluate && c.target > 0 && testMse < c.target) {
                stop[0] = Stop.target;
            }
            if (p.step() % c.curveEvery == 0 || evaluate || stop[0] != Stop.budget) {
                curveRow(p, evaluate ? Double.toString(testMse) : "", recent);
            }
            if (diagnostics != null && p.step() % diagnostics.every() == 0) {
                diagnostics.record(model, p.step(), p.step() * c.batch);
            }
            return stop[0] == Stop.budget;
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        long steps = result.completedSteps();
        if (diagnostics != null) {
            if (steps % diagnostics.every() != 0) {
                diagnostics.record(model, steps, steps * c.batch);
            }
            diagnostics.signal().profiles(model, steps);
        }
        double testMse = Evaluation.meanLossPerTarget(model, test);
        double baseline = sum ? AddingProblem.SUM_FORM_BASELINE_MSE : constantPredictionMse(test, 0.5);
        double within = Evaluation.fractionWithin(model, test, AddingProblem.CORRECT_TOLERANCE);
        return new Outcome(steps, steps * c.batch, stop[0], seconds, AddingCommand.meanOfRing(ring, steps), testMse,
                Math.min(best[0], testMse), baseline, sum ? "predict 1: 1/6 exactly" : "predict 0.5: MSE on the test set",
                within, test.length - Math.round(within * test.length), recent.meanSquared(), recent.fractionCorrect());
    }

    private void curveRow(TrainingProgress p, String testMse, RecentErrors recent) {
        curve.row(c.cell.cliName(), task.length(), p.step(), p.loss(), p.gradientNorm(), p.action(), testMse,
                p.step() * c.batch, recent.meanSquared(), recent.fractionCorrect());
    }

    /** The MSE of always predicting {@code value} on the test sequences. */
    static double constantPredictionMse(Sequence[] test, double value) {
        double sum = 0;
        for (Sequence s : test) {
            double e = s.target(s.length()).data[0] - value;
            sum += e * e;
        }
        return sum / test.length;
    }
}
