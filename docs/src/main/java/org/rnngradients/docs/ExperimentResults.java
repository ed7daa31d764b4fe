package org.rnngradients.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Renders the training results that the bptt experiment programs record as CSV files under
 * {@code bptt/experiments/results/}: the adding-problem sweep as a table and its training curves as a figure,
 * short tables as they are, long per-step files by name. Absent files are left out, not invented.
 */
public final class ExperimentResults {

    static final String DIR = "bptt/experiments/results";
    static final Set<String> SPECIAL = Set.of("adding-vanilla-length-sweep.csv", "adding-vanilla-curves.csv",
            "adding-lstm-T100.csv", "adding-lstm-T100-curve.csv");
    static final int LONG = 40;

    private ExperimentResults() {
    }

    /** Writes {@code out} and any figures; returns the number of result files found. */
    public static int write(Path root, Path out, Figures figures) throws IOException {
        Path dir = root.resolve(DIR);
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(p -> p.toString().endsWith(".csv")).sorted().collect(Collectors.toList());
            }
        }
        StringBuilder sb = new StringBuilder("=== Recorded training runs\n\n");
        if (files.isEmpty()) {
            sb.append("No training results were recorded under `" + DIR + "/` when this book was built.\n");
        }
        adding(dir, sb, figures);
        for (Path f : files) {
            if (!SPECIAL.contains(f.getFileName().toString())) {
                sb.append(generic(f));
            }
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, sb.toString(), StandardCharsets.UTF_8);
        return files.size();
    }

    private static void adding(Path dir, StringBuilder sb, Figures figures) throws IOException {
        Path sweep = dir.resolve("adding-vanilla-length-sweep.csv");
        if (!Files.isRegularFile(sweep)) {
            return;
        }
        CsvTable t = CsvTable.read(sweep);
        sb.append("A vanilla tanh RNN (hidden size ").append(t.text(0, "hidden"))
          .append(") trained with Adam and clipping on the sum form of the adding problem, one run per length. ")
          .append("The ratio compares the held-out MSE with the baseline 1/6 of always answering 1; below ")
          .append(AddingResults.SOLVED).append(" counts as solved, above ").append(AddingResults.FAILED)
          .append(" as failed.\n\n");
        sb.append(".Vanilla RNN on the adding problem (`adding-vanilla-length-sweep.csv`)\n");
        sb.append("[%autowidth,options=\"header\"]\n|===\n| T | training steps | test MSE | test MSE / baseline\n");
        for (int r = 0; r < t.size(); r++) {
            sb.append("| ").append(t.text(r, "T")).append(" | ").append(t.text(r, "steps"))
              .append(" | ").append(Formats.adoc(t.number(r, "test_mse"), 3))
              .append(" | ").append(Formats.adoc(t.number(r, "test_over_baseline"), 3)).append('\n');
        }
        sb.append("|===\n\n");
        Path lstm = dir.resolve("adding-lstm-T100.csv");
        if (Files.isRegularFile(lstm)) {
            CsvTable l = CsvTable.read(lstm);
            sb.append("An LSTM of the same size with forget-gate bias ").append(l.text(0, "forget_bias"))
              .append(" reached a test MSE of ").append(Formats.adoc(l.number(0, "test_mse"), 3))
              .append(" (").append(Formats.adoc(l.number(0, "test_over_baseline"), 2))
              .append(" of the baseline) at T = ").append(l.text(0, "T")).append(" after ").append(l.text(0, "steps"))
              .append(" steps. Text 000's figure of a thousand steps and more was not run here.\n\n");
        }
        curves(dir.resolve("adding-vanilla-curves.csv"), dir.resolve("adding-lstm-T100-curve.csv"), sb, figures);
    }

    private static void curves(Path vanilla, Path lstm, StringBuilder sb, Figures figures) throws IOException {
        if (!Files.isRegularFile(vanilla)) {
            return;
        }
        SvgCharts chart = new SvgCharts("adding-training-curves", "training step", "log10 of training MSE");
        Map<String, List<double[]>> byLength = new LinkedHashMap<>();
        CsvTable t = CsvTable.read(vanilla);
        for (int r = 0; r < t.size(); r++) {
            byLength.computeIfAbsent("vanilla, T = " + t.text(r, "T"), k -> new ArrayList<>())
                    .add(new double[] {t.number(r, "step"), Math.log10(t.number(r, "train_mse"))});
        }
        if (Files.isRegularFile(lstm)) {
            CsvTable l = CsvTable.read(lstm);
            for (int r = 0; r < l.size(); r++) {
                byLength.computeIfAbsent("LSTM, T = " + l.text(r, "T"), k -> new ArrayList<>())
                        .add(new double[] {l.number(r, "step"), Math.log10(l.number(r, "train_mse"))});
            }
        }
        byLength.forEach((name, points) -> {
            double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
            double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
            chart.add(new SvgCharts.Series(name, x, y, name.startsWith("LSTM")));
        });
        figures.write(chart);
        sb.append("[[fig-adding-curves]]\n")
          .append(".Training MSE (base-10 log) on the adding problem; the baseline 1/6 is at −0.78.\n")
          .append("image::adding-training-curves.svg[Training curves on the adding problem,720,420]\n\n");
    }

    private static String generic(Path csv) throws IOException {
        CsvTable t = CsvTable.read(csv);
        String name = csv.getFileName().toString();
        if (t.size() > LONG) {
            return "`" + name + "` (" + t.size() + " rows, one per recorded step) is in the repository beside the others.\n\n";
        }
        StringBuilder sb = new StringBuilder(".Results from `" + name + "`\n[%autowidth,options=\"header\"]\n|===\n");
        for (String h : t.header()) {
            sb.append("| ").append(h.replace("_", " ")).append(' ');
        }
        sb.append('\n');
        for (int r = 0; r < t.size(); r++) {
            for (String h : t.header()) {
                String v = t.text(r, h);
                sb.append("| ").append(v.matches("-?[0-9.]+(E-?[0-9]+)?") && v.contains(".") ? Formats.adoc(Double.parseDouble(v), 4) : v).append(' ');
            }
            sb.append('\n');
        }
        return sb.append("|===\n\n").toString();
    }
}
