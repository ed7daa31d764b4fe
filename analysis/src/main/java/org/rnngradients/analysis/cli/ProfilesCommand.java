package org.rnngradients.analysis.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rnngradients.analysis.cli.csv.CsvWriter;
import org.rnngradients.bptt.AdjointProfiler;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.tasks.Task;
import org.rnngradients.cells.CellKind;
import org.rnngradients.linalg.RandomSource;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code profiles}: the mean gradient profile of several cells at initialisation over sampled task sequences. */
@Command(name = "profiles", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Gradient profiles of several cells at initialisation (PyTorch's default weights, LSTM forget-gate"
                + " bias --forget-bias, an untrained Xavier readout) on --samples sequences of --task: the mean, minimum"
                + " and maximum over the sequences of log10‖∂L/∂h_t‖ for t = 1..T, from the log-space profiler. Every"
                + " cell sees the same sequences. With --task agreement (subject, T - 2 distractors, query) the loss is"
                + " at the last step only: text 002's lab curve.",
            "Writes profiles.csv (cell, t, steps before the loss, mean, min and max log10 norm) and manifest.json."})
final class ProfilesCommand extends ExperimentCommand<Task> {
    private static final List<String> HEADER = List.of("cell", "hidden", "T", "t", "steps_before_loss",
            "mean_log10_norm", "min_log10_norm", "max_log10_norm", "samples", "seed");

    @Mixin
    TaskOptions tasks;

    @Option(names = "--cells", split = ",", defaultValue = "rnn-tanh,gru,lstm", converter = CellKindConverter.class,
            paramLabel = "KIND", description = "Cells, comma-separated.")
    List<CellKind> cells;

    @Option(names = "--steps", defaultValue = "50", paramLabel = "T", description = "Sequence length T.")
    int steps;

    @Option(names = "--hidden", defaultValue = "32", paramLabel = "H", description = "Hidden size H.")
    int hidden;

    @Option(names = "--samples", defaultValue = "20", paramLabel = "N", description = "Sequences per cell.")
    int samples;

    @Option(names = "--forget-bias", defaultValue = "1.0", paramLabel = "B", description = "LSTM forget-gate bias.")
    double forgetBias;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Seed of the weights and sequences.")
    long seed;

    @Override
    long seed() {
        return seed;
    }

    @Override
    Task prepare() {
        var cl = spec.commandLine();
        OptionChecks.positive(cl, steps, "--steps");
        OptionChecks.positive(cl, hidden, "--hidden");
        OptionChecks.positive(cl, samples, "--samples");
        Task task = tasks.create(steps);
        for (CellKind kind : cells) {
            ResourceLimits.cell(cl, kind.gates(), hidden, task.inputSize());
            ResourceLimits.profile(cl, kind, hidden, steps);
        }
        return task;
    }

    @Override
    Map<String, Object> execute(Task task, Path out) throws IOException {
        Map<String, Object> results = new LinkedHashMap<>();
        Progress progress = progress("profiles", (long) samples * cells.size());
        try (CsvWriter csv = CsvWriter.create(out.resolve("profiles.csv"), HEADER)) {
            for (CellKind kind : cells) {
                RnnModel model = ExperimentModels.create(kind, ExperimentModels.Init.pytorch, 1.0, task.inputSize(), hidden,
                        task.outputSize(), task.loss(), forgetBias, 0, seed);
                RandomSource data = RandomSource.seeded(seed).fork("profile-sequences");
                double[][] logs = new double[samples][];
                for (int s = 0; s < samples; s++) {
                    logs[s] = new AdjointProfiler().profile(model, task.sample(data), null).log10Norms();
                    progress.advance(1);
                }
                results.put("profiles." + kind.cliName() + ".meanLog10NormAtFirstStep", writeCurve(csv, kind, logs));
            }
        }
        progress.finish();
        return results;
    }

    /** One row per t: mean, min and max of log₁₀‖∂L/∂h_t‖ over the samples; returns the mean at t = 1. */
    private double writeCurve(CsvWriter csv, CellKind kind, double[][] logs) {
        int length = logs[0].length;
        for (double[] l : logs) {
            if (l.length != length) {
                throw new IllegalArgumentException("--task " + tasks.task + ": sequences of lengths " + length + " and "
                        + l.length + " cannot be averaged step by step; use a task of fixed length");
            }
        }
        double first = 0;
        for (int t = 1; t <= length; t++) {
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double[] l : logs) {
                sum += l[t - 1];
                min = Math.min(min, l[t - 1]);
                max = Math.max(max, l[t - 1]);
            }
            csv.row(kind.cliName(), hidden, length, t, length - t, sum / logs.length, min, max, logs.length, seed);
            first = t == 1 ? sum / logs.length : first;
        }
        return first;
    }
}
