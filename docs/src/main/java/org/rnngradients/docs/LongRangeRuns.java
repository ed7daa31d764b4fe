package org.rnngradients.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.rnngradients.analysis.cli.csv.CsvTable;

/**
 * The recorded long-range runs of the CLI's {@code adding} command with a budget of training sequences and
 * Hochreiter and Schmidhuber's stopping rule ST3 ({@code docs/src/data/<prefix>*}/summary.csv, one row per length):
 * what each run used, whether it stopped by ST3 (solved) or by the budget, and its test error. Only finished runs
 * (with their manifest) are read.
 */
final class LongRangeRuns {

    /** One length of one run. */
    record Run(String dir, String cell, String init, String form, int length, int seed, double forgetBias,
               double inputBias, String optimiser, double learningRate, double momentum, long budget,
               long sequences, boolean solved, double testMse, double testOverBaseline, double withinTolerance) {

        /** "chrono" when the run used chrono initialisation of the gate biases, else "default" (its weight init). */
        String initialisation() {
            return dir.contains("-chrono-") ? "chrono" : "default (" + init + ")";
        }
    }

    private final Path data;

    LongRangeRuns(Path data) {
        this.data = data;
    }

    /** Every finished run directory whose name starts with {@code prefix}, sorted by name. */
    List<String> dirs(String prefix) {
        if (!Files.isDirectory(data)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(data)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix))
                    .filter(n -> RunManifest.finished(data, n) && Files.isRegularFile(data.resolve(n).resolve("summary.csv")))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of every finished run starting with {@code prefix}, by form, initialisation, length and seed. */
    List<Run> runs(String prefix) {
        List<Run> out = new ArrayList<>();
        for (String dir : dirs(prefix)) {
            out.addAll(read(dir));
        }
        out.sort(Comparator.comparing(Run::form).reversed().thenComparing(Run::initialisation)
                .thenComparingInt(Run::length).thenComparingInt(Run::seed).thenComparing(Run::dir));
        return out;
    }

    /** The rows of one run directory. */
    List<Run> read(String dir) {
        try {
            CsvTable t = CsvTable.read(data.resolve(dir).resolve("summary.csv"));
            List<Run> out = new ArrayList<>();
            for (int r = 0; r < t.size(); r++) {
                out.add(new Run(dir, t.text(r, "cell"), t.text(r, "init"), t.text(r, "form"), (int) t.number(r, "T"),
                        (int) t.number(r, "seed"), orNaN(t, r, "forget_bias"), orNaN(t, r, "input_bias"),
                        t.text(r, "optimiser"), t.number(r, "learning_rate"), orNaN(t, r, "momentum"),
                        (long) t.number(r, "budget_sequences"), (long) t.number(r, "sequences"),
                        Boolean.parseBoolean(t.text(r, "solved")), t.number(r, "test_mse"),
                        t.number(r, "test_over_baseline"), t.number(r, "fraction_within_0.04")));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double orNaN(CsvTable t, int r, String column) {
        String v = t.text(r, column);
        return v.isEmpty() ? Double.NaN : Double.parseDouble(v);
    }

    /** The command line of a run, for its reproduce line. */
    String command(String dir) {
        return RunManifest.command(data, dir);
    }

    /** Whether a finished run directory exists. */
    boolean finished(String dir) {
        return RunManifest.finished(data, dir) && Files.isRegularFile(data.resolve(dir).resolve("summary.csv"));
    }

    /** The data directory. */
    Path data() {
        return data;
    }
}
