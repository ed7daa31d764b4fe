package org.rnngradients.analysis.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rnngradients.analysis.cli.csv.CsvWriter;
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
import org.rnngradients.bptt.train.TrainingResult;
import org.rnngradients.cells.CellKind;
import org.rnngradients.linalg.RandomSource;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code adding}: train a cell on the adding problem at one or more lengths T and compare it with the baseline. */
@Command(name = "adding", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Adding problem: for each length T of --steps, train a fresh cell and linear readout with Adam,"
                + " global-norm clipping and full BPTT, evaluate on held-out sequences every --eval-every steps, and stop"
                + " early once the test MSE falls below --target. The readout bias starts at the baseline prediction"
                + " (1 for the sum form, 0.5 for Hochreiter and Schmidhuber's form).",
            "Writes summary.csv (one row per T: test MSE against the baseline, fraction within 0.04), curves.csv"
                + " (every --curve-every steps: batch MSE, gradient norm, clipping action; the test MSE at evaluations)"
                + " and manifest.json."})
final class AddingCommand extends ExperimentCommand<List<AddingProblem>> {
    private static final List<String> SUMMARY = List.of("cell", "init", "form", "T", "hidden", "forget_bias", "max_steps",
            "steps", "batch", "learning_rate", "clip_theta", "seed", "target_test_mse", "seconds", "train_mse_last100",
            "test_mse", "best_test_mse", "baseline_mse", "baseline", "test_over_baseline", "fraction_within_0.04");
    private static final List<String> CURVE = List.of("cell", "T", "step", "train_mse", "gradient_norm", "clip_action",
            "test_mse");

    @Option(names = "--cell", defaultValue = "rnn-tanh", converter = CellKindConverter.class,
            completionCandidates = CellKindConverter.Names.class, paramLabel = "KIND", description = "Cell: ${COMPLETION-CANDIDATES}.")
    CellKind cell;

    @Option(names = "--init", defaultValue = "pytorch", paramLabel = "SCHEME",
            description = "Cell weights: ${COMPLETION-CANDIDATES} (pytorch: U[±1/√H] everywhere; orthogonal: W_hh"
                    + " Haar-orthogonal times --gain, W_ih Xavier, biases zero).")
    ExperimentModels.Init init;

    @Option(names = "--gain", defaultValue = "1.0", paramLabel = "G", description = "Gain of the orthogonal W_hh.")
    double gain;

    @Option(names = "--forget-bias", defaultValue = "1.0", paramLabel = "B", description = "LSTM forget-gate bias.")
    double forgetBias;

    @Option(names = "--hidden", defaultValue = "32", paramLabel = "H", description = "Hidden size H.")
    int hidden;

    @Option(names = "--steps", split = ",", defaultValue = "100", paramLabel = "T",
            description = "Sequence lengths T, comma-separated: one training run per length.")
    List<Integer> lengths;

    @Option(names = "--adding-form", defaultValue = "sum", paramLabel = "FORM",
            description = "Form of the adding problem: ${COMPLETION-CANDIDATES}.")
    TaskOptions.AddingForm form;

    @Option(names = "--iterations", defaultValue = "3000", paramLabel = "N", description = "Adam steps per length.")
    long iterations;

    @Option(names = "--batch", defaultValue = "16", paramLabel = "B", description = "Sequences per step.")
    int batch;

    @Option(names = "--lr", defaultValue = "0.01", paramLabel = "RATE", description = "Adam's learning rate.")
    double learningRate;

    @Option(names = "--clip", defaultValue = "1.0", paramLabel = "THETA",
            description = "Global-norm clipping threshold (0 = no clipping); a non-finite gradient stops the run.")
    double clip;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Seed of the weights, batches and test set.")
    long seed;

    @Option(names = "--target", defaultValue = "0", paramLabel = "MSE",
            description = "Stop at the first evaluation whose test MSE is below MSE (0 = train all --iterations).")
    double target;

    @Option(names = "--eval-every", defaultValue = "250", paramLabel = "N", description = "Steps between test evaluations.")
    int evalEvery;

    @Option(names = "--curve-every", defaultValue = "10", paramLabel = "N", description = "Steps between curve rows.")
    int curveEvery;

    @Option(names = "--test-size", defaultValue = "1000", paramLabel = "N", description = "Held-out test sequences.")
    int testSize;

    @Override
    long seed() {
        return seed;
    }

    @Override
    List<AddingProblem> prepare() {
        var cl = spec.commandLine();
        OptionChecks.positive(cl, hidden, "--hidden");
        OptionChecks.positive(cl, gain, "--gain");
        OptionChecks.positive(cl, iterations, "--iterations");
        OptionChecks.positive(cl, batch, "--batch");
        OptionChecks.positive(cl, learningRate, "--lr");
        OptionChecks.nonNegative(cl, clip, "--clip");
        OptionChecks.nonNegative(cl, target, "--target");
        OptionChecks.positive(cl, evalEvery, "--eval-every");
        OptionChecks.positive(cl, curveEvery, "--curve-every");
        OptionChecks.positive(cl, testSize, "--test-size");
        List<AddingProblem> tasks = new ArrayList<>();
        for (int length : lengths) {
            tasks.add(task(length));
        }
        ResourceLimits.training(cl, cell, 2, hidden, tasks.stream().mapToInt(AddingProblem::length).max().orElse(1),
                batch, testSize);
        return tasks;
    }

    private AddingProblem task(int length) {
        try {
            return form == TaskOptions.AddingForm.sum ? AddingProblem.sumForm(length) : AddingProblem.hochreiter(length);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--steps " + length + ": " + e.getMessage());
        }
    }

    @Override
    Map<String, Object> execute(List<AddingProblem> tasks, Path out) throws IOException {
        Map<String, Object> results = new LinkedHashMap<>();
        Progress progress = progress("adding", iterations * tasks.size());
        try (CsvWriter summary = CsvWriter.create(out.resolve("summary.csv"), SUMMARY);
             CsvWriter curve = CsvWriter.create(out.resolve("curves.csv"), CURVE)) {
            for (AddingProblem task : tasks) {
                Outcome o = train(task, curve, progress);
                summary.row(cell.cliName(), init.name(), form.name(), task.length(), hidden,
                        cell == CellKind.LSTM ? (Object) forgetBias : "", iterations, o.steps(), batch, learningRate,
                        clip, seed, target, o.seconds(), o.trainMse(), o.testMse(), o.bestTestMse(), o.baselineMse(),
                        o.baseline(), o.testMse() / o.baselineMse(), o.fractionCorrect());
                results.put("adding.T" + task.length() + ".testOverBaseline", o.testMse() / o.baselineMse());
            }
        }
        progress.finish();
        return results;
    }

    /** The outcome of one training run. */
    private record Outcome(long steps, double seconds, double trainMse, double testMse, double bestTestMse,
                           double baselineMse, String baseline, double fractionCorrect) {
    }

    /** Trains a fresh model on {@code task}, writing its curve; evaluates on the held-out set every --eval-every steps. */
    private Outcome train(AddingProblem task, CsvWriter curve, Progress progress) {
        boolean sum = task.form() == AddingProblem.Form.SUM;
        RnnModel model = ExperimentModels.create(cell, init, gain, 2, hidden, 1, task.loss(), forgetBias,
                sum ? 1.0 : 0.5, seed);
        Sequence[] test = task.batch(testSize, RandomSource.seeded(seed).fork("test-set"));
        GradientClipper clipper = clip == 0 ? GradientClipper.none(NonFinitePolicy.THROW)
                : GradientClipper.globalNorm(clip, NonFinitePolicy.THROW);
        TrainingConfig config = new TrainingConfig(iterations, batch, seed, new FullBptt(), new Adam(learningRate), clipper);
        double[] recent = new double[100];
        double[] best = {Double.POSITIVE_INFINITY};
        long start = System.nanoTime();
        TrainingResult result = Trainer.train(model, task, config, p -> {
            progress.advance(1);
            recent[(int) (p.step() % recent.length)] = p.loss();
            boolean evaluate = p.step() % evalEvery == 0 || p.step() == iterations;
            double testMse = evaluate ? Evaluation.meanLossPerTarget(model, test) : Double.NaN;
            best[0] = evaluate ? Math.min(best[0], testMse) : best[0];
            if (p.step() % curveEvery == 0 || evaluate) {
                curve.row(cell.cliName(), task.length(), p.step(), p.loss(), p.gradientNorm(), p.action(),
                        evaluate ? Double.toString(testMse) : "");
            }
            return !(evaluate && target > 0 && testMse < target);
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        double testMse = Evaluation.meanLossPerTarget(model, test);
        double baseline = sum ? AddingProblem.SUM_FORM_BASELINE_MSE : constantPredictionMse(test, 0.5);
        return new Outcome(result.completedSteps(), seconds, meanOfRing(recent, result.completedSteps()), testMse,
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

    /** The mean of the last min(filled, ring length) losses, kept in a ring indexed by step. */
    static double meanOfRing(double[] ring, long filled) {
        double s = 0;
        for (double v : ring) {
            s += v;
        }
        return s / Math.min(filled, ring.length);
    }
}
