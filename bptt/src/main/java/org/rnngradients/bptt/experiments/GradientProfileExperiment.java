package org.rnngradients.bptt.experiments;

import java.nio.file.Path;
import java.util.Locale;

import org.rnngradients.bptt.AdjointProfiler;
import org.rnngradients.bptt.GradientProfile;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.Sequence;
import org.rnngradients.bptt.tasks.AgreementTask;
import org.rnngradients.linalg.RandomSource;

/**
 * The headline curve of text 002's lab: log₁₀‖∂L_T/∂h_t‖ against t for a vanilla tanh RNN, a GRU and
 * an LSTM at initialisation, on the stretched agreement task (loss only at the last step). Each
 * curve is the mean of log₁₀-norms over {@code samples} sequences; the log-space profiler keeps
 * every value finite however small it gets.
 */
public final class GradientProfileExperiment {
    private GradientProfileExperiment() {
    }

    /** Entry point: {@code [key=value…]}. */
    public static void main(String[] args) {
        Args a = new Args(args, 0);
        Path out = a.outputDirectory();
        int gap = a.integer("gap", 48);
        int hidden = a.integer("hidden", 32);
        int samples = a.integer("samples", 20);
        long seed = a.longValue("seed", 1);
        AgreementTask task = new AgreementTask(gap, 10);
        int length = gap + 2;
        String[] cells = {"rnn-tanh", "gru", "lstm"};
        try (Csv csv = new Csv(out.resolve("profile-agreement-T" + length + ".csv"), "cell", "hidden", "T", "t",
                "steps_before_loss", "mean_log10_norm", "min_log10_norm", "max_log10_norm", "samples", "seed")) {
            for (String cell : cells) {
                RnnModel model = model(cell, task, hidden, seed);
                double[][] logs = new double[samples][];
                RandomSource data = RandomSource.seeded(seed).fork("profile-sequences");
                for (int s = 0; s < samples; s++) {
                    Sequence seq = task.sample(data);
                    GradientProfile p = new AdjointProfiler().profile(model, seq, null);
                    logs[s] = p.log10Norms();
                }
                for (int t = 1; t <= length; t++) {
                    double sum = 0;
                    double min = Double.POSITIVE_INFINITY;
                    double max = Double.NEGATIVE_INFINITY;
                    for (double[] l : logs) {
                        sum += l[t - 1];
                        min = Math.min(min, l[t - 1]);
                        max = Math.max(max, l[t - 1]);
                    }
                    csv.row(cell, hidden, length, t, length - t, sum / samples, min, max, samples, seed);
                }
                double first = 0;
                double last = 0;
                for (double[] l : logs) {
                    first += l[0] / samples;
                    last += l[length - 1] / samples;
                }
                System.out.printf(Locale.ROOT, "%s: mean log10 norm at t=1 %.2f, at t=T %.2f (%.2f decades per 10 steps)%n",
                        cell, first, last, (last - first) / (length - 1) * 10);
            }
        }
    }

    private static RnnModel model(String cell, AgreementTask task, int hidden, long seed) {
        return switch (cell) {
            case "rnn-tanh" -> Models.vanillaDefault(task.inputSize(), hidden, task.outputSize(), task.loss(), 0, seed);
            case "gru" -> Models.gru(task.inputSize(), hidden, task.outputSize(), task.loss(), seed);
            default -> Models.lstm(task.inputSize(), hidden, task.outputSize(), task.loss(), 1.0, 0, seed);
        };
    }
}
