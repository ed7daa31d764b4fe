package org.rnngradients.analysis.cli.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVPrinter;
import org.rnngradients.linalg.internal.Require;

/**
 * A results table written as CSV, row by row: a header, then one row per record. A double is printed
 * with {@link Double#toString(double)}, the shortest text that reads back to the same double, so no
 * precision is lost; integers, booleans and enum constants are printed as Java prints them. Written to
 * a file, every row is flushed, so a long run can be followed and an interrupted one keeps what it had.
 */
public final class CsvWriter implements AutoCloseable {
    private final CSVPrinter printer;
    private final int columns;
    private final boolean flushRows;
    private int rows;

    /** A table written to {@code out} (for example a {@link StringBuilder}), starting with {@code header}. */
    public CsvWriter(Appendable out, List<String> header) {
        this(out, header, false);
    }

    private CsvWriter(Appendable out, List<String> header, boolean flushRows) {
        Require.nonNull(out, "out");
        Require.nonNull(header, "header");
        if (header.isEmpty()) {
            throw new IllegalArgumentException("header must not be empty");
        }
        for (int k = 0; k < header.size(); k++) {
            Require.nonNull(header.get(k), "header[" + k + "]");
        }
        this.columns = header.size();
        this.flushRows = flushRows;
        try {
            this.printer = new CSVPrinter(out, CsvFormats.FORMAT);
            printer.printRecord(header);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A table written to {@code file} (created or replaced; its directory must exist), UTF-8, flushed by row. */
    public static CsvWriter create(Path file, List<String> header) throws IOException {
        Require.nonNull(file, "file");
        BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        try {
            return new CsvWriter(w, header, true);
        } catch (RuntimeException e) {
            w.close();
            throw e;
        }
    }

    /** Writes one row of exactly as many cells as the header has columns. */
    public CsvWriter row(Object... cells) {
        Require.nonNull(cells, "cells");
        if (cells.length != columns) {
            throw new IllegalArgumentException("row must have " + columns + " cells, had " + cells.length);
        }
        List<String> texts = new ArrayList<>(cells.length);
        for (Object c : cells) {
            texts.add(format(c));
        }
        try {
            printer.printRecord(texts);
            if (flushRows) {
                printer.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows++;
        return this;
    }

    /** The number of data rows written. */
    public int rowCount() {
        return rows;
    }

    /** The text of one cell: Double, Integer, Long, Boolean, an enum constant or a String. */
    static String format(Object cell) {
        if (cell instanceof Double d) {
            return Double.toString(d);
        }
        if (cell instanceof Integer || cell instanceof Long || cell instanceof Boolean || cell instanceof String) {
            return cell.toString();
        }
        if (cell instanceof Enum<?> e) {
            return e.name();
        }
        throw new IllegalArgumentException("cell must be a Double, Integer, Long, Boolean, enum or String, was "
                + (cell == null ? "null" : cell.getClass().getName() + " " + cell));
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
