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
import org.rnngradients.analysis.plot.Chart;

import org.rnngradients.analysis.cli.csv.CsvTable;

/**
 * Renders the training results that the CLI's experiment commands record, one run per directory with its CSV files
 * and manifest, under {@code docs/src/data/} ({@code reproduce.sh} there re-runs them), into four AsciiDoc fragments (adding problem, clipping, memory, others) and
 * their figures. A missing file yields a sentence saying so; nothing is invented.
 */
public final class ExperimentResults {

    static final String DIR = "docs/src/data";
    static final Set<String> SPECIAL = Set.of("adding-vanilla/summary.csv", "adding-vanilla/curves.csv",
            "adding-vanilla-orthogonal/summary.csv", "adding-vanilla-orthogonal/curves.csv",
            "adding-lstm-T100/summary.csv", "adding-lstm-T100/curves.csv", "adding-hochreiter-lstm-T100/summary.csv",
            "adding-hochreiter-lstm-T100/curves.csv", "exploding-clipping/summary.csv", "exploding-clipping/curves.csv",
            "checkpoint-memory-full/memory.csv", "checkpoint-memory-checkpointed/memory.csv",
            "profile-agreement-T50/profiles.csv", "performance/raw.csv", "performance/summary.csv",
            "performance/machine.csv", "performance/build.csv");
    static final int LONG = 40;
    /**
     * Runs that a section of their own presents (the long-range study, the sweeps of the Lyapunov chapter, the
     * cliff, flossing), or that a longer run supersedes ({@code adding-lstm-T1000}, 64 000 sequences): left out of
     * the generic tables.
     */
    static final List<String> PRESENTED_ELSEWHERE = List.of("long-", "diag-", "optimiser-", "success-", "lyapunov-",
            "pascanu-cliff/", "flossing-", "adding-lstm-T1000/");

    private ExperimentResults() {
    }

    /** Writes {@code experiments-*.adoc} beside {@code out} and the figures; returns the number of result files. */
    public static int write(Path root, Path out, Figures figures) throws IOException {
        Path dir = root.resolve(DIR);
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.walk(dir, 2)) {
                // mutation/ holds the testing appendix's data (TestingAppendix), not experiment results
                files = s.filter(p -> p.toString().endsWith(".csv") && !p.startsWith(dir.resolve("mutation"))).sorted()
                        .collect(Collectors.toList());
            }
        }
        Path gen = out.toAbsolutePath().getParent();
        Files.createDirectories(gen);
        Files.writeString(gen.resolve("experiments-adding.adoc"), AddingSection.render(dir, figures), StandardCharsets.UTF_8);
        Files.writeString(gen.resolve("experiments-clipping.adoc"), ClippingSection.render(dir, figures), StandardCharsets.UTF_8);
        Files.writeString(gen.resolve("experiments-memory.adoc"), memory(dir), StandardCharsets.UTF_8);
        Files.writeString(gen.resolve("lab-agreement.adoc"), agreement(dir), StandardCharsets.UTF_8);
        Files.writeString(gen.resolve("experiments-cliff.adoc"), CliffFigure.render(dir, figures), StandardCharsets.UTF_8);
        StringBuilder others = new StringBuilder();
        for (Path f : files) {
            String n = name(dir, f);
            if (!SPECIAL.contains(n) && PRESENTED_ELSEWHERE.stream().noneMatch(n::startsWith)) {
                others.append(generic(dir, f));
            }
        }
        if (others.length() == 0) {
            others.append("No further result files were recorded.\n");
        }
        Files.writeString(out, others.toString(), StandardCharsets.UTF_8);
        return files.size();
    }

    /** "No … recorded" when {@code file} is absent, else null. */
    static String absent(Path file) {
        return Files.isRegularFile(file) ? null
                : "The CLI had not recorded `" + file.getParent().getFileName() + "/" + file.getFileName()
                + "` when this book was built.\n\n";
    }

    /** {@code file} relative to the data directory, with forward slashes: {@code run/file.csv}. */
    static String name(Path dir, Path file) {
        return dir.relativize(file).toString().replace('\\', '/');
    }

    /** Series of (x, y) points grouped by a key, in file order. */
    static Map<String, List<double[]>> group(CsvTable t, String key, String x, String y, boolean log10) {
        Map<String, List<double[]>> out = new LinkedHashMap<>();
        for (int r = 0; r < t.size(); r++) {
            double v = t.number(r, y);
            out.computeIfAbsent(t.text(r, key), k -> new ArrayList<>())
               .add(new double[] {t.number(r, x), log10 ? Math.log10(v) : v});
        }
        return out;
    }

    /** Trailing moving average over up to {@code window} points (the first points average what exists so far). */
    static double[] movingAverage(double[] y, int window) {
        double[] out = new double[y.length];
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            sum += y[i];
            if (i >= window) {
                sum -= y[i - window];
            }
            out[i] = sum / Math.min(i + 1, window);
        }
        return out;
    }

    /** Adds every group of {@code points} to {@code chart} with the given name prefix and dash style. */
    static void addGroups(Chart chart, Map<String, List<double[]>> points, String prefix) {
        points.forEach((name, list) -> chart.line(prefix + name,
                list.stream().mapToDouble(p -> p[0]).toArray(), list.stream().mapToDouble(p -> p[1]).toArray()));
    }

    /** The CLI's own run of the lab (agreement task, `profiles` command): fitted decay per cell from its mean profile. */
    private static String agreement(Path dir) throws IOException {
        Path f = dir.resolve("profile-agreement-T50/profiles.csv");
        if (absent(f) != null) {
            return absent(f);
        }
        CsvTable t = CsvTable.read(f);
        StringBuilder sb = new StringBuilder("The CLI's `profiles` command ran the same measurement on a task with structure, the "
                + "agreement task (a subject, distractors, then a query, loss at the last step only), averaging over "
                + t.text(0, "samples") + " sequences (`" + name(dir, f) + "`). Fitted the same way:\n\n"
                + "[%autowidth,options=\"header\"]\n|===\n| cell | orders of magnitude lost per 10 steps\n");
        group(t, "cell", "steps_before_loss", "mean_log10_norm", false).forEach((cell, points) -> {
            double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
            double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
            sb.append("| ").append(cell).append(" | ")
              .append(Formats.fixed(-org.rnngradients.analysis.DecayFit.of(x, y).ordersPerTenSteps(), 2)).append('\n');
        });
        return sb.append("|===\n\n").toString();
    }

    private static String memory(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String name : new String[] {"checkpoint-memory-full/memory.csv", "checkpoint-memory-checkpointed/memory.csv"}) {
            Path f = dir.resolve(name);
            if (absent(f) != null) {
                sb.append(absent(f));
                continue;
            }
            CsvTable t = CsvTable.read(f);
            sb.append(".Memory of one ").append(t.text(0, "engine")).append(" BPTT gradient, ").append(t.text(0, "cell"))
              .append(" H = ").append(t.text(0, "hidden")).append(" (`").append(name).append("`)\n")
              .append("[%autowidth,options=\"header\"]\n|===\n| T | segment | stored activations (MiB) | ")
              .append("full BPTT would store (MiB) | peak heap (MiB) | heap limit (MiB) | seconds\n");
            for (int r = 0; r < t.size(); r++) {
                sb.append("| ").append(t.text(r, "T")).append(" | ").append(t.text(r, "segment_length"))
                  .append(" | ").append(Formats.fixed(t.number(r, "stored_MiB"), 1))
                  .append(" | ").append(Formats.fixed(t.number(r, "full_storage_MiB"), 1))
                  .append(" | ").append(Formats.fixed(t.number(r, "peak_heap_bytes") / 1048576, 1))
                  .append(" | ").append(Formats.fixed(t.number(r, "max_heap_bytes") / 1048576, 0))
                  .append(" | ").append(Formats.fixed(t.number(r, "seconds"), 1)).append('\n');
            }
            sb.append("|===\n\n");
        }
        return sb.toString();
    }

    private static String generic(Path dir, Path csv) throws IOException {
        String name = name(dir, csv);
        CsvTable t;
        try {
            t = CsvTable.read(csv);
        } catch (IllegalArgumentException e) {
            return "`" + name + "` is not a rectangular table (" + e.getMessage().replace(csv.toString(), name)
                    + ") and is left out.\n\n";
        }
        if (t.size() > LONG) {
            return "`" + name + "` (" + t.size() + " rows) is in the repository beside the others.\n\n";
        }
        if (t.header().size() > WIDE && t.size() <= 3) {
            return transposed(name, t);
        }
        StringBuilder sb = new StringBuilder(".Results from `" + name + "`\n[%autowidth,options=\"header\"]\n|===\n");
        for (String h : t.header()) {
            sb.append("| ").append(h.replace("_", " ")).append(' ');
        }
        sb.append('\n');
        for (int r = 0; r < t.size(); r++) {
            for (String h : t.header()) {
                sb.append("| ").append(cell(t.text(r, h))).append(' ');
            }
            sb.append('\n');
        }
        return sb.append("|===\n\n").toString();
    }

    /** Columns beyond which a table of a few rows is printed transposed: one line per column, readable at any width. */
    static final int WIDE = 8;

    /** A wide table of a few runs as one row per column: name, then the value of each run. */
    static String transposed(String name, CsvTable t) {
        StringBuilder sb = new StringBuilder(".Results from `" + name + "`, one line per column\n[%autowidth,options=\"header\"]\n|===\n| column");
        for (int r = 0; r < t.size(); r++) {
            sb.append(t.size() == 1 ? " | value" : " | run " + (r + 1));
        }
        sb.append('\n');
        for (String h : t.header()) {
            sb.append("| ").append(h.replace("_", " "));
            for (int r = 0; r < t.size(); r++) {
                sb.append(" | ").append(cell(t.text(r, h)));
            }
            sb.append('\n');
        }
        return sb.append("|===\n\n").toString();
    }

    /** A cell: decimals to four significant digits, anything else as recorded with '|' escaped. */
    private static String cell(String v) {
        boolean decimal = v.matches("-?[0-9]*\\.[0-9]+(E-?[0-9]+)?");
        return decimal ? Formats.adoc(Double.parseDouble(v), 4) : v.replace("|", "\\|");
    }
}
