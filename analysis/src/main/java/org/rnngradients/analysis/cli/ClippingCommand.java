package org.rnngradients.analysis.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rnngradients.analysis.cli.csv.CsvWriter;
import org.rnngradients.bptt.FullBptt;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.Sequence;
import org.rnngradients.bptt.clip.GradientClipper;
import org.rnngradients.bptt.clip.NonFinitePolicy;
import org.rnngradients.bptt.optim.Sgd;
import org.rnngradients.bptt.tasks.AddingProblem;
import org.rnngradients.bptt.train.Evaluation;
import org.rnngradients.bptt.train.Trainer;
import org.rnngradients.bptt.train.TrainingConfig;
import org.rnngradients.bptt.train.TrainingFailedException;
import org.rnngradients.bptt.train.TrainingResult;
import org.rnngradients.cells.CellKind;
import org.rnngradients.linalg.RandomSource;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code clipping}: training from an exploding initialisation without clipping, with clipping, and with Pascanu's rescue. */
@Command(name = "clipping", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Exploding gradients and clipping: a tanh RNN with W_hh orthogonal times --gain (> 1 explodes),"
                + " trained with plain SGD on the sum-form adding problem three times from the same seed: without"
                + " clipping, with global-norm clipping at --clip, and with clipping plus Pascanu's rescue policy (the"
                + " W_hh gradient becomes 0.02·W_hh when the norm is not finite or above 1e10). A non-finite gradient"
                + " stops a run that has no rescue; the summary records where.",
            "Writes summary.csv (one row per variant), curves.csv (every step: loss, gradient norm before clipping,"
                + " clipping action) and manifest.json."})
final class ClippingCommand extends ExperimentCommand<AddingProblem> {
    private static final List<String> SUMMARY = List.of("variant", "T", "hidden", "gain", "learning_rate", "clip_theta",
            "policy", "max_steps", "completed_steps", "failed", "failure", "final_train_loss", "max_gradient_norm",
            "clip_events", "test_mse", "parameters_finite");
    private static final List<String> CURVE = List.of("variant", "step", "train_loss", "gradient_norm", "clip_action");

    @Option(names = "--steps", defaultValue = "50", paramLabel = "T", description = "Sequence length T.")
    int length;

    @Option(names = "--hidden", defaultValue = "32", paramLabel = "H", description = "Hidden size H.")
    int hidden;

    @Option(names = "--gain", defaultValue = "3.0", paramLabel = "G", description = "Singular values of W_hh.")
    double gain;

    @Option(names = "--lr", defaultValue = "0.05", paramLabel = "RATE", description = "SGD learning rate (no momentum).")
    double learningRate;

    @Option(names = "--clip", defaultValue = "1.0", paramLabel = "THETA", description = "Global-norm clipping threshold.")
    double clip;

    @Option(names = "--iterations", defaultValue = "300", paramLabel = "N", description = "SGD steps per variant.")
    long iterations;

    @Option(names = "--batch", defaultValue = "8", paramLabel = "B", description = "Sequences per step.")
    int batch;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Seed of the weights, batches and test set.")
    long seed;

    @Option(names = "--test-size", defaultValue = "500", paramLabel = "N", description = "Held-out test sequences.")
    int testSize;

    @Override
    long seed() {
        return seed;
    }

    @Override
    AddingProblem prepare() {
        var cl = spec.commandLine();
        OptionChecks.positive(cl, hidden, "--hidden");
        OptionChecks.positive(cl, gain, "--gain");
        OptionChecks.positive(cl, learningRate, "--lr");
        OptionChecks.positive(cl, clip, "--clip");
        OptionChecks.positive(cl, iterations, "--iterations");
        OptionChecks.positive(cl, batch, "--batch");
        OptionChecks.positive(cl, testSize, "--test-size");
        AddingProblem task;
        try {
            task = AddingProblem.sumForm(length);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cl, "--steps " + length + ": " + e.getMessage());
        }
        ResourceLimits.training(cl, CellKind.RNN_TANH, 2, hidden, length, batch, testSize);
        return task;
    }

    @Override
    Map<String, Object> execute(AddingProblem task, Path out) throws IOException {
        GradientClipper[] clippers = {
            GradientClipper.none(NonFinitePolicy.THROW),
            GradientClipper.globalNorm(clip, NonFinitePolicy.THROW),
            GradientClipper.globalNorm(clip, NonFinitePolicy.PASCANU_RESCUE)};
        String[] names = {"no-clipping", "global-norm", "global-norm+rescue"};
        Sequence[] test = task.batch(testSize, RandomSource.seeded(seed).fork("test-set"));
        Map<String, Object> results = new LinkedHashMap<>();
        Progress progress = progress("clipping", iterations * clippers.length);
        try (CsvWriter summary = CsvWriter.create(out.resolve("summary.csv"), SUMMARY);
             CsvWriter curve = CsvWriter.create(out.resolve("curves.csv"), CURVE)) {
            for (int v = 0; v < clippers.length; v++) {
                results.put("clipping." + names[v] + ".completedSteps",
                        variant(names[v], clippers[v], task, test, summary, curve, progress));
            }
        }
        progress.finish();
        return results;
    }

    /** Trains one variant from the same exploding initialisation, writes its rows; returns its completed steps. */
    private long variant(String name, GradientClipper clipper, AddingProblem task, Sequence[] test, CsvWriter summary,
                         CsvWriter curve, Progress progress) {
        RnnModel model = ExperimentModels.create(CellKind.RNN_TANH, ExperimentModels.Init.orthogonal, gain, 2, hidden, 1,
                task.loss(), 0, 1.0, seed);
        TrainingConfig config = new TrainingConfig(iterations, batch, seed, new FullBptt(), new Sgd(learningRate, 0), clipper);
        double[] maxNorm = {0};
        long[] events = {0};
        long completed;
        String failure = "";
        double finalLoss = Double.NaN;
        try {
            TrainingResult r = Trainer.train(model, task, config, p -> {
                progress.advance(1);
                curve.row(name, p.step(), p.loss(), p.gradientNorm(), p.action());
                maxNorm[0] = Math.max(maxNorm[0], p.gradientNorm());
                events[0] = p.clipEvents();
                return true;
            });
            completed = r.completedSteps();
            finalLoss = r.finalLoss();
        } catch (TrainingFailedException e) {
            completed = e.completedSteps();
            failure = e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage();
            curve.row(name, completed + 1, "", "", "FAILED");
            progress.advance(iterations - completed);
        }
        boolean finite = model.parameters().isFinite();
        double testMse = finite ? Evaluation.meanLossPerTarget(model, test) : Double.NaN;
        summary.row(name, task.length(), hidden, gain, learningRate, clip, clipper.policy(), iterations, completed,
                !failure.isEmpty(), failure, finalLoss, maxNorm[0], events[0], testMse, finite);
        return completed;
    }
}
