package org.rnngradients.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Renders the training results that the bptt experiment programs record as CSV files under
 * {@code bptt/experiments/results/} into AsciiDoc tables, one per file, in file-name order.
 */
public final class ExperimentResults {

    private ExperimentResults() {
    }

    /** Writes {@code out}: a section with one table per CSV file, or a note that none were recorded. */
    public static int write(Path root, Path out) throws IOException {
        Path dir = root.resolve("bptt/experiments/results");
        List<Path> files = List.of();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(p -> p.toString().endsWith(".csv")).sorted().collect(Collectors.toList());
            }
        }
        StringBuilder sb = new StringBuilder("=== Recorded training runs\n\n");
        if (files.isEmpty()) {
            sb.append("No training results were recorded under `bptt/experiments/results/` when this book was built; ")
              .append("the experiment programs of the `bptt` module write them there.\n");
        }
        for (Path f : files) {
            sb.append(table(f));
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, sb.toString(), StandardCharsets.UTF_8);
        return files.size();
    }

    private static String table(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).collect(Collectors.toList());
        if (lines.isEmpty()) {
            return "";
        }
        int columns = lines.get(0).split(",", -1).length;
        StringBuilder sb = new StringBuilder();
        sb.append('.').append("Results from `").append(csv.getFileName()).append("`\n");
        sb.append("[%autowidth,options=\"header\"]\n|===\n");
        for (String line : lines) {
            String[] cells = line.split(",", -1);
            if (cells.length != columns) {
                throw new IllegalStateException(csv + ": row has " + cells.length + " cells, header " + columns);
            }
            for (String c : cells) {
                sb.append("| ").append(c.trim().replace("|", "\\|")).append(' ');
            }
            sb.append('\n');
        }
        return sb.append("|===\n\n").toString();
    }
}
