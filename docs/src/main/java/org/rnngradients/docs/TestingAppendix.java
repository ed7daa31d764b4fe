package org.rnngradients.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.rnngradients.analysis.cli.csv.CsvTable;

/**
 * The numbers of the testing appendix, read from {@code docs/src/data/mutation/}: the bad-input sweep's case
 * counts per module ({@code sweep-cases.csv}, recorded by {@code sweep-cases.sh}) and the PIT mutation scores
 * ({@code scores.csv}, one row per module run). Writes two table fragments and the attributes the prose cites.
 */
final class TestingAppendix {
    static final String DIR = "docs/src/data/mutation";
    private static final List<String> MODULES = List.of("linalg", "cells", "bptt", "analysis");

    private TestingAppendix() {
    }

    /** Writes {@code testing-sweep.adoc} and {@code testing-mutation.adoc} into {@code generated}; adds the attributes. */
    static void write(Path root, Attributes attributes, Path generated) throws IOException {
        Path dir = root.resolve(DIR);
        Files.createDirectories(generated);
        Files.writeString(generated.resolve("testing-sweep.adoc"), sweep(CsvTable.read(dir.resolve("sweep-cases.csv")),
                attributes), StandardCharsets.UTF_8);
        Files.writeString(generated.resolve("testing-mutation.adoc"), mutation(CsvTable.read(dir.resolve("scores.csv")),
                attributes), StandardCharsets.UTF_8);
    }

    /** The case-count table; attributes {@code sweep-cases-M} per module and {@code sweep-cases-total}. */
    static String sweep(CsvTable t, Attributes attributes) {
        StringBuilder sb = table("Module", "Cases", "Members with cases", "Exempt, with a reason",
                "Nothing to pass badly", "Public members");
        long total = 0;
        for (int r = 0; r < t.size(); r++) {
            String module = module(t, r);
            long cases = count(t, r, "cases");
            total += cases;
            attributes.put("sweep-cases-" + module, Long.toString(cases));
            row(sb, module, t.text(r, "cases"), t.text(r, "members_with_cases"), t.text(r, "exempt_with_reason"),
                    t.text(r, "nothing_to_pass_badly"), t.text(r, "public_members"));
        }
        attributes.put("sweep-cases-total", Long.toString(total));
        return sb.append("|===\n").toString();
    }

    /**
     * The score table, one row per recorded module; attributes {@code mutation-score-M}, {@code mutation-pit-version}
     * and {@code mutation-unrecorded} (the modules without a row, or "none").
     */
    static String mutation(CsvTable t, Attributes attributes) {
        StringBuilder sb = table("Module", "Mutants", "Killed", "Survived", "No coverage", "Timed out", "Run error",
                "Score", "Killed only", "Date");
        List<String> missing = new ArrayList<>(MODULES);
        String version = null;
        for (int r = 0; r < t.size(); r++) {
            String module = module(t, r);
            missing.remove(module);
            String score = percent(t.number(r, "score_percent"));
            attributes.put("mutation-score-" + module, score);
            version = t.text(r, "pit_version");
            row(sb, module, t.text(r, "mutants"), t.text(r, "killed"), t.text(r, "survived"), t.text(r, "no_coverage"),
                    t.text(r, "timed_out"), t.text(r, "run_error"), score, percent(t.number(r, "killed_percent")),
                    t.text(r, "date"));
        }
        attributes.put("mutation-pit-version", version == null ? "none recorded" : version);
        attributes.put("mutation-unrecorded", missing.isEmpty() ? "none" : String.join(", ", missing));
        return sb.append("|===\n").toString();
    }

    private static String module(CsvTable t, int r) {
        String module = t.text(r, "module");
        if (!MODULES.contains(module)) {
            throw new IllegalArgumentException(DIR + ": row " + r + " names the module " + module + ", not one of "
                    + MODULES);
        }
        return module;
    }

    private static long count(CsvTable t, int r, String column) {
        double v = t.number(r, column);
        if (!(v >= 0) || v != Math.rint(v)) {
            throw new IllegalArgumentException(DIR + ": " + column + " of row " + r + " must be a count, was " + v);
        }
        return (long) v;
    }

    private static String percent(double p) {
        if (!(p >= 0 && p <= 100)) {
            throw new IllegalArgumentException("a percentage must be in [0, 100], was " + p);
        }
        return String.format(Locale.ROOT, "%.1f %%", p);
    }

    private static StringBuilder table(String... header) {
        StringBuilder sb = new StringBuilder("[%autowidth,options=\"header\"]\n|===\n");
        row(sb, header);
        return sb;
    }

    private static void row(StringBuilder sb, String... cells) {
        for (String c : cells) {
            sb.append("| ").append(c).append(' ');
        }
        sb.append('\n');
    }
}
