package org.rnngradients.bptt.experiments;

import java.nio.file.Path;
import java.util.Locale;

import org.rnngradients.bptt.FullBptt;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.Sequence;
import org.rnngradients.bptt.clip.GradientClipper;
import org.rnngradients.bptt.clip.NonFinitePolicy;
import org.rnngradients.bptt.optim.Adam;
import org.rnngradients.bptt.tasks.AddingProblem;
import org.rnngradients.bptt.train.Evaluation;
import org.rnngradients.bptt.train.Trainer;
import org.rnngradients.bptt.train.TrainingConfig;
import org.rnngradients.linalg.RandomSource;

/**
 * The adding problem (U[0,1]/sum form, baseline MSE 1/6) as an experiment, run on purpose:
 * <ul>
 * <li>{@code vanilla}: a tanh RNN trained at increasing T, to find the length at which its test MSE
 * stops beating the baseline;</li>
 * <li>{@code lstm}: an LSTM (forget-gate bias 1) trained at T = 100 until its test MSE falls below a
 * target or the step budget runs out.</li>
 * </ul>
 * Options are {@code key=value}; results go to CSV files under {@code out} (see the README there).
 */
public final class AddingProblemExperiment {
    private AddingProblemExperiment() {
    }

    /** Entry point: {@code vanilla|lstm [key=value…]}. */
    public static void main(String[] args) {
        String mode = args.length > 0 ? args[0] : "vanilla";
        Args a = new Args(args, 1);
        Path out = a.outputDirectory();
        switch (mode) {
            case "vanilla" -> vanillaSweep(a, out);
            case "lstm" -> lstm(a, out);
            default -> throw new IllegalArgumentException("mode must be vanilla or lstm, was " + mode);
        }
    }

    /** The settings and outcome of one training run. */
    record Outcome(long steps, double seconds, double trainMse, double testMse, double bestTestMse, double baselineMse,
                   String baseline, double fractionCorrect) {
    }

    private static void vanillaSweep(Args a, Path out) {
        int[] lengths = a.integers("lengths", "5,10,20,40,80");
        int hidden = a.integer("hidden", 32);
        int steps = a.integer("steps", 3000);
        int batch = a.integer("batch", 16);
        double lr = a.real("lr", 0.003);
        double theta = a.real("theta", 1.0);
        long seed = a.longValue("seed", 1);
        String init = a.string("init", "pytorch");
        String[] header = {"cell", "init", "T", "hidden", "max_steps", "steps", "batch", "learning_rate", "clip_theta", "seed",
            "seconds", "train_mse_last100", "test_mse", "best_test_mse", "baseline_mse", "test_over_baseline"};
        String name = init.equals("pytorch") ? "adding-vanilla" : "adding-vanilla-" + init;
        try (Csv summary = new Csv(out.resolve(name + "-length-sweep.csv"), header);
             Csv curve = curveFile(out.resolve(name + "-curves.csv"))) {
            for (int length : lengths) {
                var loss = AddingProblem.sumForm(length).loss();
                RnnModel model = switch (init) {
                    case "pytorch" -> Models.vanillaDefault(2, hidden, 1, loss, 1.0, seed);
                    case "orthogonal" -> Models.vanillaOrthogonal(2, hidden, 1, loss, 1.0, 1.0, seed);
                    default -> throw new IllegalArgumentException("init must be pytorch or orthogonal, was " + init);
                };
                Outcome o = train("rnn-tanh", model, AddingProblem.sumForm(length), steps, batch, lr, theta, seed, 0, a.integer("eval", 250), curve);
                summary.row("rnn-tanh", init, length, hidden, steps, o.steps(), batch, lr, theta, seed, o.seconds(), o.trainMse(),
                        o.testMse(), o.bestTestMse(), AddingProblem.SUM_FORM_BASELINE_MSE,
                        o.testMse() / AddingProblem.SUM_FORM_BASELINE_MSE);
            }
        }
    }

    private static void lstm(Args a, Path out) {
        int length = a.integer("length", 100);
        int hidden = a.integer("hidden", 32);
        int steps = a.integer("steps", 4000);
        int batch = a.integer("batch", 16);
        double lr = a.real("lr", 0.01);
        double theta = a.real("theta", 1.0);
        long seed = a.longValue("seed", 1);
        double target = a.real("target", 0.01);
        String form = a.string("form", "sum");
        AddingProblem task = switch (form) {
            case "sum" -> AddingProblem.sumForm(length);
            case "hochreiter" -> AddingProblem.hochreiter(length);
            default -> throw new IllegalArgumentException("form must be sum or hochreiter, was " + form);
        };
        String[] header = {"cell", "form", "T", "hidden", "forget_bias", "max_steps", "steps", "batch", "learning_rate",
            "clip_theta", "seed", "target_test_mse", "seconds", "train_mse_last100", "test_mse", "best_test_mse",
            "baseline_mse", "baseline", "test_over_baseline", "fraction_within_0.04"};
        String name = form.equals("sum") ? "adding-lstm-T" + length : "adding-hochreiter-lstm-T" + length;
        try (Csv summary = new Csv(out.resolve(name + ".csv"), header);
             Csv curve = curveFile(out.resolve(name + "-curve.csv"))) {
            RnnModel model = Models.lstm(2, hidden, 1, task.loss(), 1.0, form.equals("sum") ? 1.0 : 0.5, seed);
            Outcome o = train("lstm", model, task, steps, batch, lr, theta, seed, target, a.integer("eval", 250), curve);
            summary.row("lstm", form, length, hidden, 1.0, steps, o.steps(), batch, lr, theta, seed, target, o.seconds(),
                    o.trainMse(), o.testMse(), o.bestTestMse(), o.baselineMse(), Csv.quoted(o.baseline()),
                    o.testMse() / o.baselineMse(), o.fractionCorrect());
        }
    }

    static Csv curveFile(Path file) {
        return new Csv(file, "cell", "T", "step", "train_mse", "gradient_norm", "clip_action", "test_mse");
    }

    /** Trains with Adam and global-norm clipping; evaluates on 1000 held-out sequences every {@code evalEvery} steps. */
    private static Outcome train(String cell, RnnModel model, AddingProblem task, int steps, int batch, double lr,
                                 double theta, long seed, double targetMse, int evalEvery, Csv curve) {
        int length = task.length();
        Sequence[] test = task.batch(1000, RandomSource.seeded(seed).fork("test-set"));
        TrainingConfig config = new TrainingConfig(steps, batch, seed, new FullBptt(), new Adam(lr),
                GradientClipper.globalNorm(theta, NonFinitePolicy.THROW));
        double[] recent = new double[100];
        double[] best = {Double.POSITIVE_INFINITY};
        long start = System.nanoTime();
        var result = Trainer.train(model, task, config, p -> {
            recent[(int) (p.step() % recent.length)] = p.loss();
            boolean evaluate = p.step() % evalEvery == 0 || p.step() == steps;
            double testMse = evaluate ? Evaluation.meanLossPerTarget(model, test) : Double.NaN;
            if (evaluate) {
                best[0] = Math.min(best[0], testMse);
                System.out.printf(Locale.ROOT, "%s T=%d step=%d train=%.5f test=%.5f%n", cell, length, p.step(), p.loss(), testMse);
            }
            if (p.step() % 10 == 0 || evaluate) {
                curve.row(cell, length, p.step(), p.loss(), p.gradientNorm(), p.action(), evaluate ? Double.toString(testMse) : "");
            }
            return !(evaluate && targetMse > 0 && testMse < targetMse);
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        double testMse = Evaluation.meanLossPerTarget(model, test);
        boolean sum = task.form() == AddingProblem.Form.SUM;
        double baseline = sum ? AddingProblem.SUM_FORM_BASELINE_MSE : constantPredictionMse(test, 0.5);
        return new Outcome(result.completedSteps(), seconds, mean(recent, result.completedSteps()), testMse,
                Math.min(best[0], testMse), baseline, sum ? "predict 1: 1/6 exactly" : "predict 0.5: MSE on the test set",
                Evaluation.fractionWithin(model, test, AddingProblem.CORRECT_TOLERANCE));
    }

    /** The MSE of always predicting {@code c} on the test sequences. */
    private static double constantPredictionMse(Sequence[] test, double c) {
        double sum = 0;
        for (Sequence s : test) {
            double e = s.target(s.length()).data[0] - c;
            sum += e * e;
        }
        return sum / test.length;
    }

    /** The mean of the last min(filled, 100) training losses, kept in a ring indexed by step. */
    private static double mean(double[] ring, long filled) {
        double s = 0;
        for (double v : ring) {
            s += v;
        }
        return s / Math.min(filled, ring.length);
    }
}
