package org.rnngradients.bptt.experiments;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.rnngradients.linalg.Require;

/**
 * A CSV file written row by row: a header, then rows whose doubles are printed with
 * {@link Double#toString(double)} (the shortest text that reads back to the same double), so no
 * precision is lost. Flushed after every row, so a long run can be followed and an interrupted one
 * keeps what it measured.
 */
public final class Csv implements AutoCloseable {
    private final PrintWriter out;
    private final int columns;

    /** Creates (or replaces) {@code file}, with its parent directories, and writes the header. */
    public Csv(Path file, String... header) {
        Require.nonNull(file, "file");
        Require.nonNull(header, "header");
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            this.out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.columns = header.length;
        out.println(String.join(",", header));
        out.flush();
    }

    /** Writes one row of exactly as many values as the header has columns. */
    public void row(Object... values) {
        if (values.length != columns) {
            throw new IllegalArgumentException("values must have " + columns + " entries, was " + values.length);
        }
        StringBuilder line = new StringBuilder();
        for (int k = 0; k < values.length; k++) {
            if (k > 0) {
                line.append(',');
            }
            Object v = values[k];
            line.append(v instanceof Double d ? Double.toString(d) : String.format(Locale.ROOT, "%s", v));
        }
        out.println(line);
        out.flush();
    }

    /** {@code s} as one quoted CSV field (inner double quotes become single quotes). */
    static String quoted(String s) {
        return "\"" + s.replace("\"", "'") + "\"";
    }

    @Override
    public void close() {
        out.close();
    }
}
