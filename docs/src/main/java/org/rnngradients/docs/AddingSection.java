package org.rnngradients.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.rnngradients.analysis.cli.csv.CsvTable;

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
          .append(" as failed. Recorded in `").append(dir.relativize(sweep))
          .append(ortho == null ? "`.\n\n" : "` and `" + dir.relativize(orthoFile) + "`.\n\n")
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
        sb.append("Text 000's figure of a thousand steps and more for LSTMs was not run here.\n\n");
    }

    private static void curves(Path dir, StringBuilder sb, Figures figures) throws IOException {
        Path vanilla = dir.resolve("adding-vanilla/curves.csv");
        if (!Files.isRegularFile(vanilla)) {
            return;
        }
        SvgCharts chart = new SvgCharts("adding-training-curves", "training step", "log10 of training MSE");
        var groups = ExperimentResults.group(CsvTable.read(vanilla), "T", "step", "train_mse", true);
        int next = ExperimentResults.addSmoothedGroups(chart, groups, "vanilla, T = ", false, SMOOTHING, 0);
        Path lstm = dir.resolve("adding-lstm-T100/curves.csv");
        if (Files.isRegularFile(lstm)) {
            next = ExperimentResults.addSmoothedGroups(chart, ExperimentResults.group(CsvTable.read(lstm), "T", "step",
                    "train_mse", true), "LSTM, T = ", true, SMOOTHING, next);
        }
        double baseline = Math.log10(AddingResults.BASELINE);
        double last = groups.values().stream().flatMap(java.util.List::stream).mapToDouble(p -> p[0]).max().orElse(1);
        chart.add(new SvgCharts.Series("baseline 1/6", new double[] {0, last}, new double[] {baseline, baseline}, true, next));
        figures.write(chart);
        sb.append("[[fig-adding-curves]]\n")
          .append(".Training MSE (base-10 log, moving average over ").append(SMOOTHING)
          .append(" steps) on the sum form of the adding problem; the dashed black line is the baseline 1/6, at ")
          .append(Formats.fixed(baseline, 2)).append(".\n")
          .append("image::adding-training-curves.svg[Training curves on the adding problem,720,420]\n\n");
    }
}
