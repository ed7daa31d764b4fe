package org.rnngradients.analysis.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rnngradients.bptt.FullBptt;
import org.rnngradients.bptt.Readout;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.Sequence;
import org.rnngradients.bptt.clip.GradientClipper;
import org.rnngradients.bptt.clip.NonFinitePolicy;
import org.rnngradients.bptt.optim.Optimiser;
import org.rnngradients.bptt.tasks.AddingProblem;
import org.rnngradients.bptt.tasks.Task;
import org.rnngradients.bptt.train.Evaluation;
import org.rnngradients.bptt.train.Trainer;
import org.rnngradients.bptt.train.TrainingConfig;
import org.rnngradients.bptt.train.TrainingProgress;
import org.rnngradients.bptt.train.TrainingResult;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.linalg.Initialiser;
import org.rnngradients.linalg.RandomSource;

import org.rnngradients.analysis.cli.csv.CsvWriter;
import org.rnngradients.analysis.plot.Chart;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code train}: train a cell with a linear readout on a long-range task by full BPTT. */
@Command(name = "train", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Train the cell and a linear readout on a long-range task (adding problem, agreement task,"
                + " memory/copy task) with full BPTT, gradient clipping and Adam or SGD; sequences have length T.",
            "Writes training.csv (step, loss, gradient_norm, clip_action, clip_events), training.svg, the trained"
                + " parameters (state_dict .npy plus readout.weight.npy, readout.bias.npy), the initial ones in"
                + " initial/, the test set (test_*.npy), initial_state.npy, loss.txt and manifest.json."})
final class TrainCommand extends ExperimentCommand<TrainCommand.Setup> {
    /** What to do with a non-finite (or, for rescue, enormous) gradient. */
    enum NonFinite {
        /** Stop the run with an error. */
        fail,
        /** Skip the update. */
        skip,
        /** Update with a zero gradient. */
        zero,
        /** Pascanu et al.'s rescue: the W_hh gradient becomes 0.02·W_hh. */
        rescue
    }

    @Mixin
    ModelOptions model;

    @Mixin
    TaskOptions task;

    @Option(names = "--steps", defaultValue = "50", paramLabel = "T", description = "Sequence length T.")
    int steps;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Seed of every random draw (weights, batches, test set).")
    long seed;

    @Option(names = "--iterations", defaultValue = "300", paramLabel = "N", description = "Optimiser steps.")
    long iterations;

    @Option(names = "--batch", defaultValue = "16", paramLabel = "B", description = "Sequences per optimiser step.")
    int batch;

    @Option(names = "--optimiser", defaultValue = "adam", paramLabel = "NAME",
            description = "Optimiser: ${COMPLETION-CANDIDATES}.")
    OptimiserKind optimiser;

    @Option(names = "--lr", defaultValue = "0.01", paramLabel = "RATE", description = "Learning rate.")
    double learningRate;

    @Option(names = "--momentum", defaultValue = "0.9", paramLabel = "M", description = "SGD momentum.")
    double momentum;

    @Option(names = "--clip", defaultValue = "1.0", paramLabel = "THETA",
            description = "Rescale the gradient when its global norm exceeds THETA (0 = no clipping).")
    double clip;

    @Option(names = "--non-finite", defaultValue = "skip", paramLabel = "POLICY",
            description = "Non-finite gradient: ${COMPLETION-CANDIDATES}.")
    NonFinite nonFinite;

    @Option(names = "--test-size", defaultValue = "256", paramLabel = "N", description = "Test sequences.")
    int testSize;

    /** Everything a training run needs, built before anything is written. */
    record Setup(Task task, RnnModel model, TrainingConfig config, Sequence[] test) {
    }

    @Override
    Setup prepare() throws IOException {
        model.validate();
        validate();
        Task t = task.create(steps);
        RandomSource random = RandomSource.seeded(seed);
        if (model.weights == null) {
            ResourceLimits.training(spec.commandLine(), model.cell, t.inputSize(), model.hidden, steps, batch, testSize);
        }
        RecurrentCell cell = model.create(t.inputSize(), random);
        if (model.weights != null) {
            ResourceLimits.training(spec.commandLine(), model.cell, t.inputSize(), cell.hiddenSize(), steps, batch,
                    testSize);
        }
        Readout readout = Readout.initialised(cell.hiddenSize(), t.outputSize(), Initialiser.xavierUniform(1.0),
                random.fork("readout"));
        RnnModel m = new RnnModel(cell, readout, t.loss());
        TrainingConfig config = new TrainingConfig(iterations, batch, random.fork("batches").seed(), new FullBptt(),
                optimiser(), clipper());
        return new Setup(t, m, config, t.batch(testSize, random.fork("test")));
    }

    private void validate() {
        OptionChecks.positive(spec.commandLine(), steps, "--steps");
        OptionChecks.positive(spec.commandLine(), iterations, "--iterations");
        OptionChecks.positive(spec.commandLine(), batch, "--batch");
        OptionChecks.positive(spec.commandLine(), testSize, "--test-size");
        OptionChecks.positive(spec.commandLine(), learningRate, "--lr");
        OptionChecks.nonNegative(spec.commandLine(), clip, "--clip");
    }

    private Optimiser optimiser() {
        return optimiser.create(learningRate, momentum);
    }

    private GradientClipper clipper() {
        NonFinitePolicy policy = switch (nonFinite) {
            case fail -> NonFinitePolicy.THROW;
            case skip -> NonFinitePolicy.SKIP;
            case zero -> NonFinitePolicy.ZERO;
            case rescue -> NonFinitePolicy.PASCANU_RESCUE;
        };
        return clip == 0 ? GradientClipper.none(policy) : GradientClipper.globalNorm(clip, policy);
    }

    @Override
    List<Path> inputs() {
        return model.weights == null ? List.of() : List.of(model.weights);
    }

    @Override
    long seed() {
        return seed;
    }

    @Override
    Map<String, Object> execute(Setup s, Path out) throws IOException {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("train.testLossBefore", Evaluation.meanLossPerTarget(s.model(), s.test()));
        RunFiles.model(Files.createDirectory(out.resolve("initial")), s.model());
        Progress progress = progress("train", s.config().steps());
        TrainingResult result = Trainer.train(s.model(), s.task(), s.config(), p -> {
            progress.advance(1);
            return true;
        });
        progress.finish();
        results.put("train.finalBatchLoss", result.finalLoss());
        results.putAll(evaluate(s));
        RunFiles.model(out, s.model());
        SequenceArrays.write(out, "test", s.test());
        RunFiles.vector(out, RunFiles.INITIAL_STATE, s.model().zeroState());
        RunFiles.text(out, RunFiles.LOSS, definition(s));
        RunFiles.csv(out, "training.csv", table(result));
        RunFiles.svg(out, "training.svg", plot(result, s));
        return results;
    }

    private static Map<String, Object> evaluate(Setup s) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("train.testLossAfter", Evaluation.meanLossPerTarget(s.model(), s.test()));
        if (s.task() instanceof AddingProblem adding) {
            if (adding.form() == AddingProblem.Form.SUM) {
                r.put("train.baselineMse", AddingProblem.SUM_FORM_BASELINE_MSE);
            }
            r.put("train.fractionWithin0.04", Evaluation.fractionWithin(s.model(), s.test(),
                    AddingProblem.CORRECT_TOLERANCE));
        } else {
            r.put("train.testAccuracy", Evaluation.accuracy(s.model(), s.test()));
        }
        return r;
    }

    private String definition(Setup s) {
        return "Training of " + model.cell.cliName() + " (H = " + s.model().cell().hiddenSize() + ", I = "
                + s.model().cell().inputSize() + ") with a linear readout y_t = readout.weight h_t + readout.bias"
                + " on the task " + s.task().name() + " (sequence length " + steps + ").\n"
                + "Per-target loss: " + s.model().loss() + " (the task's loss), averaged over a batch of " + batch
                + " sequences; the sequence loss sums the targets of a sequence.\n"
                + "Gradients by full BPTT from s_0 = initial_state.npy (zero); optimiser " + optimiser + " (lr "
                + learningRate + (optimiser == OptimiserKind.sgd ? ", momentum " + momentum : "") + "); clipping "
                + (clip == 0 ? "none" : "global norm " + clip) + "; non-finite gradients: " + nonFinite + ".\n"
                + "Training batches are drawn from --seed; the test set is in test_*.npy (see manifest.json).\n";
    }

    /** One row per optimiser step of the training history. */
    private static StringBuilder table(TrainingResult result) {
        StringBuilder text = new StringBuilder();
        CsvWriter table = new CsvWriter(text, List.of("step", "loss", "gradient_norm", "clip_action", "clip_events"));
        for (TrainingProgress p : result.history()) {
            table.row(p.step(), p.loss(), p.gradientNorm(), p.action().name(), p.clipEvents());
        }
        return text;
    }

    private Chart plot(TrainingResult result, Setup s) {
        List<TrainingProgress> h = result.history();
        double[] x = new double[h.size()];
        double[] y = new double[h.size()];
        for (int k = 0; k < x.length; k++) {
            x[k] = h.get(k).step();
            y[k] = Math.log10(h.get(k).loss());
        }
        return new Chart("step", "log₁₀ batch loss").title("Training, " + model.cell.cliName() + ", " + s.task().name())
                .line("log₁₀ loss", x, y);
    }
}
