package org.rnngradients.bptt.experiments;

import java.nio.file.Path;
import java.util.Locale;

import org.rnngradients.bptt.FullBptt;
import org.rnngradients.bptt.ParameterSet;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.Sequence;
import org.rnngradients.bptt.TruncatedBptt;
import org.rnngradients.bptt.TruncationBias;
import org.rnngradients.bptt.tasks.AddingProblem;
import org.rnngradients.linalg.RandomSource;

/**
 * The truncation bias of BPTT(k1 = T, k2) on the adding problem (loss only at the last step) for a
 * vanilla tanh RNN and an LSTM at initialisation: ‖g̃ − g‖/‖g‖ and cos(g̃, g), averaged over
 * {@code samples} sequences, as k2 grows to T.
 */
public final class TruncationBiasExperiment {
    private TruncationBiasExperiment() {
    }

    /** Entry point: {@code [key=value…]}. */
    public static void main(String[] args) {
        Args a = new Args(args, 0);
        Path out = a.outputDirectory();
        int length = a.integer("length", 100);
        int hidden = a.integer("hidden", 32);
        int samples = a.integer("samples", 20);
        int[] windows = a.integers("k2", "1,2,5,10,20,50,75,100");
        long seed = a.longValue("seed", 1);
        AddingProblem task = AddingProblem.sumForm(length);
        try (Csv csv = new Csv(out.resolve("truncation-bias-adding-T" + length + ".csv"), "cell", "hidden", "T", "k1", "k2",
                "mean_relative_bias", "mean_cosine", "samples", "seed")) {
            for (String cell : new String[] {"rnn-tanh", "lstm"}) {
                RnnModel model = cell.equals("lstm") ? Models.lstm(2, hidden, 1, task.loss(), 1.0, 1.0, seed)
                        : Models.vanillaDefault(2, hidden, 1, task.loss(), 1.0, seed);
                Sequence[] data = task.batch(samples, RandomSource.seeded(seed).fork("bias-sequences"));
                ParameterSet[] full = new ParameterSet[samples];
                for (int s = 0; s < samples; s++) {
                    full[s] = new FullBptt().compute(model, data[s]).gradients().all();
                }
                for (int k2 : windows) {
                    double relative = 0;
                    double cosine = 0;
                    for (int s = 0; s < samples; s++) {
                        ParameterSet g = new TruncatedBptt(length, k2, TruncatedBptt.Mode.STATEFUL)
                                .compute(model, data[s]).gradients().all();
                        TruncationBias bias = TruncationBias.between(g, full[s]);
                        relative += bias.relative() / samples;
                        cosine += bias.cosine() / samples;
                    }
                    System.out.printf(Locale.ROOT, "%s k2=%d relative bias %.3e cosine %.4f%n", cell, k2, relative, cosine);
                    csv.row(cell, hidden, length, length, k2, relative, cosine, samples, seed);
                }
            }
        }
    }
}
