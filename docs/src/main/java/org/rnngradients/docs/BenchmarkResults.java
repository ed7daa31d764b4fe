package org.rnngradients.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Collects the JMH results each module records in {@code src/test/java/**}{@code /bench/RESULTS.md} and
 * converts their simple Markdown (headings, lists, fenced code, pipe tables) into AsciiDoc.
 */
public final class BenchmarkResults {

    static final String[] MODULES = {"linalg", "cells", "bptt", "analysis"};

    private BenchmarkResults() {
    }

    /** Writes {@code out} with one section per results file found; returns how many were found. */
    public static int write(Path root, Path out) throws IOException {
        StringBuilder sb = new StringBuilder();
        int found = 0;
        for (String module : MODULES) {
            Path tests = root.resolve(module).resolve("src/test/java");
            if (!Files.isDirectory(tests)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> s = Files.walk(tests)) {
                files = s.filter(p -> p.endsWith(Path.of("bench", "RESULTS.md"))).sorted().collect(Collectors.toList());
            }
            for (Path f : files) {
                sb.append("== Module ").append(module).append("\n\nRecorded in `").append(root.relativize(f)).append("`.\n\n");
                sb.append(toAsciiDoc(Files.readAllLines(f, StandardCharsets.UTF_8))).append('\n');
                found++;
            }
        }
        if (found == 0) {
            sb.append("No module had recorded benchmark results when this book was built.\n");
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, sb.toString(), StandardCharsets.UTF_8);
        return found;
    }

    /** Converts the Markdown subset used by the results files. */
    static String toAsciiDoc(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        List<String> table = new ArrayList<>();
        boolean code = false;
        for (String line : lines) {
            if (line.startsWith("```")) {
                sb.append(code ? "----\n\n" : "[source,shell]\n----\n");
                code = !code;
                continue;
            }
            if (code) {
                sb.append(line).append('\n');
                continue;
            }
            if (line.startsWith("|")) {
                table.add(line);
                continue;
            }
            flushTable(table, sb);
            if (line.startsWith("#")) {
                sb.append('*').append(line.replaceFirst("^#+\\s*", "")).append("*\n\n");
            } else if (line.startsWith("- ")) {
                sb.append("* ").append(line.substring(2)).append('\n');
            } else {
                sb.append(line).append('\n');
            }
        }
        flushTable(table, sb);
        return sb.toString();
    }

    private static void flushTable(List<String> table, StringBuilder sb) {
        if (table.isEmpty()) {
            return;
        }
        sb.append("\n[%autowidth,options=\"header\"]\n|===\n");
        for (String row : table) {
            if (row.matches("^\\|[\\s:|-]+\\|?\\s*$")) {
                continue;                                   // the Markdown alignment row
            }
            String inner = row.trim().replaceAll("^\\|", "").replaceAll("\\|$", "");
            for (String cell : inner.split("\\|", -1)) {
                sb.append("| ").append(cell.trim()).append(' ');
            }
            sb.append('\n');
        }
        sb.append("|===\n\n");
        table.clear();
    }
}
