package org.rnngradients.docs;

import org.rnngradients.analysis.cli.csv.CsvTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnngradients.analysis.plot.Chart;
import org.rnngradients.analysis.plot.Palette;
import org.rnngradients.analysis.plot.Style;

/** The adding-problem results: the vanilla length sweep for two initialisations, the LSTM runs, the curves. */
final class AddingSection {

    /** Points of the moving average that smooths the training curves. */
    static final int SMOOTHING = 50;

    private AddingSection() {
    }

    static String render(Path dir, Figures figures) throws IOException {
        Path sweep = dir.resolve("adding-vanilla/summary.csv");
        if (ExperimentResults.absent(sweep) != null) {
            return ExperimentResults.absent(sweep);
        }
        CsvTable t = CsvTable.read(sweep);
        Path orthoFile = dir.resolve("adding-vanilla-orthogonal/summary.csv");
        CsvTable ortho = Files.isRegularFile(orthoFile) ? CsvTable.read(orthoFile) : null;
        StringBuilder sb = new StringBuilder();
        sb.append("A vanilla tanh RNN (hidden size ").append(t.text(0, "hidden"))
          .append(") trained with Adam and global-norm clipping on the sum form, one run per length. The ratio ")
          .append("compares the held-out MSE with the baseline 1/6 of always answering 1: below ")
          .append(AddingResults.SOLVED).append(" counts as solved, above ").append(AddingResults.FAILED)
          .append(" as failed. Recorded in `").append(sweep.getFileName())
          .append(ortho == null ? "`.\n\n" : "` and `" + orthoFile.getFileName() + "`.\n\n")
          .append(".Vanilla RNN on the adding problem: test MSE / baseline\n")
          .append("[width=60%,options=\"header\"]\n|===\n| T | PyTorch default init")
          .append(ortho == null ? "" : " | orthogonal W~hh~").append('\n');
        for (int r = 0; r < t.size(); r++) {
            sb.append("| ").append(t.text(r, "T")).append(" | ").append(Formats.adoc(t.number(r, "test_over_baseline"), 2));
            if (ortho != null) {
                sb.append(" | ").append(orthoRatio(ortho, t.text(r, "T")));
            }
            sb.append('\n');
        }
        sb.append("|===\n\n");
        lstm(dir, sb);
        curves(dir, sb, figures);
        return sb.toString();
    }

    private static String orthoRatio(CsvTable ortho, String length) {
        for (int r = 0; r < ortho.size(); r++) {
            if (ortho.text(r, "T").equals(length)) {
                return Formats.adoc(ortho.number(r, "test_over_baseline"), 2);
            }
        }
        return "not run";
    }

    private static void lstm(Path dir, StringBuilder sb) throws IOException {
        Path sum = dir.resolve("adding-lstm-T100/summary.csv");
        if (Files.isRegularFile(sum)) {
            CsvTable l = CsvTable.read(sum);
            sb.append("An LSTM of the same size with forget-gate bias ").append(l.text(0, "forget_bias"))
              .append(" reached a test MSE of ").append(Formats.adoc(l.number(0, "test_mse"), 3)).append(" (")
              .append(Formats.adoc(l.number(0, "test_over_baseline"), 2)).append(" of the baseline) on the sum form at T = ")
              .append(l.text(0, "T")).append(" after ").append(l.text(0, "steps")).append(" steps. ");
        }
        Path hoch = dir.resolve("adding-hochreiter-lstm-T100/summary.csv");
        if (Files.isRegularFile(hoch)) {
            CsvTable h = CsvTable.read(hoch);
            sb.append("On Hochreiter and Schmidhuber's original form at T = ").append(h.text(0, "T"))
              .append(" the same LSTM did not get below the baseline within ").append(h.text(0, "steps"))
              .append(" steps (test MSE / baseline ").append(Formats.adoc(h.number(0, "test_over_baseline"), 3))
              .append("; ").append(Formats.fixed(100 * h.number(0, "fraction_within_0.04"), 1))
              .append(" % of test sequences within 0.04). ");
        }
        sb.append("These short runs stop at a fixed number of steps; <<experiments-long-range>> trains the LSTM at ")
          .append("T = 100, 500 and 1000 until it solves the task or exhausts a budget of sequences.\n\n");
    }

    /** Panels per row of the training-curve figure. */
    static final int COLUMNS = 4;

    private static void curves(Path dir, StringBuilder sb, Figures figures) throws IOException {
        Path vanilla = dir.resolve("adding-vanilla/curves.csv");
        if (!Files.isRegularFile(vanilla)) {
            return;
        }
        Map<String, List<double[]>> runs = new LinkedHashMap<>();
        ExperimentResults.group(CsvTable.read(vanilla), "T", "step", "train_mse", true)
                .forEach((t, points) -> runs.put("vanilla RNN, T = " + t, points));
        Path lstm = dir.resolve("adding-lstm-T100/curves.csv");
        if (Files.isRegularFile(lstm)) {
            ExperimentResults.group(CsvTable.read(lstm), "T", "step", "train_mse", true)
                    .forEach((t, points) -> runs.put("LSTM, T = " + t, points));
        }
        double baseline = Math.log10(AddingResults.BASELINE);
        double[] range = {baseline, baseline};
        double last = 1;
        Map<String, double[][]> smoothed = new LinkedHashMap<>();
        for (var e : runs.entrySet()) {
            double[] x = e.getValue().stream().mapToDouble(p -> p[0]).toArray();
            double[] y = ExperimentResults.movingAverage(e.getValue().stream().mapToDouble(p -> p[1]).toArray(), SMOOTHING);
            smoothed.put(e.getKey(), new double[][] {x, y});
            for (int i = 0; i < x.length; i++) {
                range[0] = Math.min(range[0], y[i]);
                range[1] = Math.max(range[1], y[i]);
                last = Math.max(last, x[i]);
            }
        }
        double pad = 0.05 * (range[1] - range[0]);
        List<Chart> panels = new ArrayList<>();
        int colour = 0;
        for (var e : smoothed.entrySet()) {
            panels.add(new Chart("", "").title(e.getKey()).noLegend()
                    .xRange(0, last).yRange(range[0] - pad, range[1] + pad)
                    .horizontal("baseline 1/6", baseline, Style.dashed(Palette.BLACK))
                    .line(e.getKey(), e.getValue()[0], e.getValue()[1], Style.solid(colour++ % (Palette.size() - 1))));
        }
        Figure figure = figures.grid(AddingSection.class, "adding-training-curves", "Training curves on the adding problem",
                COLUMNS, 180, 190, panels)
                .data("vanilla curves.csv", "data/adding-vanilla/curves.csv")
                .data("LSTM curves.csv", "data/adding-lstm-T100/curves.csv")
                .reproduce("adding --cell rnn-tanh --init pytorch --steps 5,10,20,40,80,160 --iterations 5000 --lr 0.003");
        sb.append("[[fig-adding-curves]]\n")
          .append(".Training MSE on the sum form of the adding problem, one panel per run: base-10 log of the MSE (moving ")
          .append("average over ").append(SMOOTHING).append(" steps) against the training step, on a common scale. The dashed black line in every panel is the ")
          .append("baseline 1/6 of always answering 1, at ").append(Formats.fixed(baseline, 2)).append(".\n")
          .append(figure.include()).append('\n');
    }
}
