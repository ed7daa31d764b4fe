package org.rnngradients.analysis.cli.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.rnngradients.linalg.internal.Require;

/**
 * A CSV table read whole: a header row, then rows with as many cells as the header (blank lines are
 * skipped). Cells are looked up by column name; numbers parse with {@link Double#parseDouble}, so a
 * table written by {@link CsvWriter} reads back to the identical doubles.
 */
public final class CsvTable {
    private final String source;
    private final List<String> header;
    private final List<List<String>> rows;

    private CsvTable(String source, List<String> header, List<List<String>> rows) {
        this.source = source;
        this.header = List.copyOf(header);
        this.rows = rows;
    }

    /** Reads {@code file}; an empty file or a row whose length differs from the header's is an IllegalArgumentException naming the file. */
    public static CsvTable read(Path file) throws IOException {
        Require.nonNull(file, "file");
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.toString(), in);
        }
    }

    /** Parses {@code text} (for tests and in-memory tables); {@code source} names it in error messages. */
    public static CsvTable parse(String source, String text) {
        Require.nonNull(text, "text");
        try {
            return parse(source, new java.io.StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CsvTable parse(String source, Reader in) throws IOException {
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.builder().setReader(in).setFormat(CsvFormats.FORMAT).get()) {
            records = parser.getRecords();
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(source + ": not valid CSV (" + e.getCause().getMessage() + ")", e);
        }
        if (records.isEmpty()) {
            throw new IllegalArgumentException(source + " is empty");
        }
        List<String> header = records.get(0).toList();
        List<List<String>> rows = new ArrayList<>();
        for (CSVRecord r : records.subList(1, records.size())) {
            if (r.size() != header.size()) {
                throw new IllegalArgumentException(source + ": row " + r.getRecordNumber() + " has " + r.size()
                        + " cells, the header " + header.size());
            }
            rows.add(r.toList());
        }
        return new CsvTable(source, header, rows);
    }

    /** The column names. */
    public List<String> header() {
        return header;
    }

    /** The number of data rows. */
    public int size() {
        return rows.size();
    }

    /** The text of {@code column} in row {@code r} (0-based). */
    public String text(int r, String column) {
        Require.nonNull(column, "column");
        int c = header.indexOf(column);
        if (c < 0) {
            throw new IllegalArgumentException(source + " has no column " + column + " (has " + header + ")");
        }
        if (r < 0 || r >= rows.size()) {
            throw new IllegalArgumentException("r must be in [0, " + rows.size() + "), was " + r);
        }
        return rows.get(r).get(c);
    }

    /** The number in {@code column} of row {@code r}; NaN for an empty cell. */
    public double number(int r, String column) {
        String s = text(r, column).trim();
        try {
            return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ": column " + column + " of row " + r + " must be a number, was '"
                    + s + "'", e);
        }
    }
}
