package org.rnngradients.analysis.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rnngradients.analysis.cli.csv.CsvWriter;
import org.rnngradients.bptt.FullBptt;
import org.rnngradients.bptt.ParameterSet;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.Sequence;
import org.rnngradients.bptt.TruncatedBptt;
import org.rnngradients.bptt.TruncationBias;
import org.rnngradients.bptt.tasks.AddingProblem;
import org.rnngradients.cells.CellKind;
import org.rnngradients.linalg.RandomSource;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code truncation}: the bias of truncated BPTT(k1 = T, k2) against full BPTT as the window k2 grows. */
@Command(name = "truncation", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Truncation bias on the sum-form adding problem (loss at the last step only) at initialisation"
                + " (PyTorch's default weights, LSTM forget-gate bias 1, readout bias 1): the relative error"
                + " ‖g̃ - g‖/‖g‖ and the cosine of stateful BPTT(k1 = T, k2) gradients g̃ against full BPTT's g, each"
                + " averaged over --samples sequences, for every window k2 of --k2.",
            "Writes truncation.csv (cell, T, k1, k2, mean relative bias, mean cosine) and manifest.json."})
final class TruncationCommand extends ExperimentCommand<AddingProblem> {
    private static final List<String> HEADER = List.of("cell", "hidden", "T", "k1", "k2", "mean_relative_bias",
            "mean_cosine", "samples", "seed");
    /** The windows tried by default (those below T, then T itself). */
    private static final int[] DEFAULT_WINDOWS = {1, 2, 5, 10, 20, 50, 75};

    @Option(names = "--cells", split = ",", defaultValue = "rnn-tanh,lstm", converter = CellKindConverter.class,
            paramLabel = "KIND", description = "Cells, comma-separated.")
    List<CellKind> cells;

    @Option(names = "--steps", defaultValue = "100", paramLabel = "T", description = "Sequence length T (= k1).")
    int length;

    @Option(names = "--hidden", defaultValue = "32", paramLabel = "H", description = "Hidden size H.")
    int hidden;

    @Option(names = "--samples", defaultValue = "20", paramLabel = "N", description = "Sequences averaged.")
    int samples;

    @Option(names = "--k2", split = ",", paramLabel = "K",
            description = "Truncation windows k2 in [1, T], comma-separated (default: 1, 2, 5, 10, 20, 50, 75 below T, then T).")
    List<Integer> windows;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Seed of the weights and sequences.")
    long seed;

    @Override
    long seed() {
        return seed;
    }

    @Override
    AddingProblem prepare() {
        var cl = spec.commandLine();
        OptionChecks.positive(cl, hidden, "--hidden");
        OptionChecks.positive(cl, samples, "--samples");
        AddingProblem task;
        try {
            task = AddingProblem.sumForm(length);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cl, "--steps " + length + ": " + e.getMessage());
        }
        if (windows == null) {
            windows = new ArrayList<>();
            for (int k : DEFAULT_WINDOWS) {
                if (k < length) {
                    windows.add(k);
                }
            }
            windows.add(length);
        }
        for (int k2 : windows) {
            if (k2 < 1 || k2 > length) {
                throw new ParameterException(cl, "--k2 must be in [1, " + length + "] (--steps), was " + k2);
            }
        }
        for (CellKind kind : cells) {
            ResourceLimits.training(cl, kind, 2, hidden, length, samples, 0);
        }
        return task;
    }

    @Override
    Map<String, Object> execute(AddingProblem task, Path out) throws IOException {
        Map<String, Object> results = new LinkedHashMap<>();
        Progress progress = progress("truncation", (long) cells.size() * samples * (windows.size() + 1));
        try (CsvWriter csv = CsvWriter.create(out.resolve("truncation.csv"), HEADER)) {
            for (CellKind kind : cells) {
                RnnModel model = ExperimentModels.create(kind, ExperimentModels.Init.pytorch, 1.0, 2, hidden, 1,
                        task.loss(), 1.0, 1.0, seed);
                Sequence[] data = task.batch(samples, RandomSource.seeded(seed).fork("bias-sequences"));
                ParameterSet[] full = new ParameterSet[samples];
                for (int s = 0; s < samples; s++) {
                    full[s] = new FullBptt().compute(model, data[s]).gradients().all();
                    progress.advance(1);
                }
                for (int k2 : windows) {
                    double[] bias = meanBias(model, data, full, k2, progress);
                    csv.row(kind.cliName(), hidden, length, length, k2, bias[0], bias[1], samples, seed);
                    results.put("truncation." + kind.cliName() + ".k2=" + k2 + ".meanRelativeBias", bias[0]);
                }
            }
        }
        progress.finish();
        return results;
    }

    /** {mean relative bias, mean cosine} of BPTT(T, k2) against the full gradients over the sequences. */
    private double[] meanBias(RnnModel model, Sequence[] data, ParameterSet[] full, int k2, Progress progress) {
        double relative = 0;
        double cosine = 0;
        for (int s = 0; s < data.length; s++) {
            ParameterSet g = new TruncatedBptt(length, k2, TruncatedBptt.Mode.STATEFUL).compute(model, data[s])
                    .gradients().all();
            TruncationBias bias = TruncationBias.between(g, full[s]);
            relative += bias.relative() / data.length;
            cosine += bias.cosine() / data.length;
            progress.advance(1);
        }
        return new double[] {relative, cosine};
    }
}
