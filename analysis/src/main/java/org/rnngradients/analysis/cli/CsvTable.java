package org.rnngradients.analysis.cli;

import java.util.ArrayList;
import java.util.List;

import org.rnngradients.linalg.Require;

/**
 * A results table written as CSV: a header row, then one row per record. Doubles are printed with
 * {@link Double#toString(double)}, which reads back to the identical value, so no precision is lost;
 * integers are printed as integers.
 */
final class CsvTable {
    private final List<String> header;
    private final List<String> rows = new ArrayList<>();

    /** A table with the given column names. */
    CsvTable(List<String> header) {
        Require.nonNull(header, "header");
        if (header.isEmpty()) {
            throw new IllegalArgumentException("header must not be empty");
        }
        this.header = List.copyOf(header);
    }

    /** The number of data rows. */
    int rowCount() {
        return rows.size();
    }

    /** Adds a row of {@link Number} or {@link String} cells, one per column. */
    CsvTable add(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row must have " + header.size() + " cells, had " + cells.length);
        }
        StringBuilder row = new StringBuilder();
        for (int k = 0; k < cells.length; k++) {
            row.append(k > 0 ? "," : "").append(format(cells[k]));
        }
        rows.add(row.toString());
        return this;
    }

    /** The whole table, lines ended by '\n'. */
    String text() {
        StringBuilder s = new StringBuilder(String.join(",", header)).append('\n');
        rows.forEach(r -> s.append(r).append('\n'));
        return s.toString();
    }

    private static String format(Object cell) {
        if (cell instanceof Double d) {
            return Double.toString(d);
        }
        if (cell instanceof Integer || cell instanceof Long) {
            return cell.toString();
        }
        if (cell instanceof String s && !s.contains(",") && !s.contains("\"") && !s.contains("\n")) {
            return s;
        }
        if (cell instanceof String s) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        throw new IllegalArgumentException("cell must be a Double, Integer, Long or String, was " + cell);
    }
}
