package org.rnngradients.analysis.sweep;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.rnngradients.analysis.io.Npy;
import org.rnngradients.linalg.internal.Require;

/**
 * The results file of a sweep, kept valid at every moment. A new file gets its header by
 * write-and-rename; each result is then appended as one whole row by a single write followed by a
 * flush to the device, so after a crash the file holds whole rows plus at most one torn final row
 * (no line end), which {@link #open} drops. Rows are appended in completion order; {@link #finish}
 * rewrites the file (write-and-rename again) in the grid's order, so a finished file is the same bytes
 * whatever the thread count, the completion order or the interruptions on the way.
 */
public final class SweepJournal implements Closeable {
    private final Path file;
    private final SweepTable table;
    private final Map<SweepPoint, SweepResult> completed;
    private FileChannel channel;

    private SweepJournal(Path file, SweepTable table, Map<SweepPoint, SweepResult> completed) throws IOException {
        this.file = file;
        this.table = table;
        this.completed = completed;
        this.channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /**
     * Opens {@code file} for the results of {@code task}: creates it with its header, or reads the rows
     * already there (dropping a torn final row). A different header, a malformed row, a row computed
     * with other settings or a repeated point is an IllegalArgumentException naming the file and line.
     */
    public static SweepJournal open(Path file, PointTask task) throws IOException {
        Require.nonNull(file, "file");
        SweepTable table = new SweepTable(task);
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        int end = text.lastIndexOf('\n') + 1;                 // whole lines only
        if (end == 0) {                                       // new, empty, or a torn header: start the file
            Npy.writeAtomically(file, (table.header() + "\n").getBytes(StandardCharsets.UTF_8));
            return new SweepJournal(file, table, new HashMap<>());
        }
        if (end < text.length()) {
            try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
                c.truncate(text.substring(0, end).getBytes(StandardCharsets.UTF_8).length);   // drop the torn row
                c.force(true);
            }
        }
        return new SweepJournal(file, table, read(file, table, text.substring(0, end)));
    }

    private static Map<SweepPoint, SweepResult> read(Path file, SweepTable table, String text) {
        String[] lines = text.split("\n", -1);
        if (!lines[0].equals(table.header())) {
            throw new IllegalArgumentException(file + ": header is '" + lines[0] + "', expected '" + table.header()
                    + "' (results of another kind of sweep)");
        }
        Map<SweepPoint, SweepResult> rows = new HashMap<>();
        for (int k = 1; k < lines.length - 1; k++) {
            SweepResult r = table.parse(lines[k], file + ":" + (k + 1));
            if (rows.put(r.point(), r) != null) {
                throw new IllegalArgumentException(file + ":" + (k + 1) + ": " + r.point() + " appears twice");
            }
        }
        return rows;
    }

    /** The results already in the file, by point (a live, read-only view). */
    public Map<SweepPoint, SweepResult> completed() {
        return Collections.unmodifiableMap(completed);
    }

    /** Appends {@code result} as one row and flushes it to the device. */
    public synchronized void append(SweepResult result) throws IOException {
        SweepResult r = Require.nonNull(result, "result");
        if (completed.containsKey(r.point())) {
            throw new IllegalArgumentException(r.point() + " is already in " + file);
        }
        if (channel == null) {
            throw new IllegalStateException(file + " is closed");
        }
        ByteBuffer row = ByteBuffer.wrap((table.format(r) + "\n").getBytes(StandardCharsets.UTF_8));
        while (row.hasRemaining()) {
            channel.write(row);
        }
        channel.force(false);
        completed.put(r.point(), r);
    }

    /**
     * Rewrites the file with the results of {@code order} (each must be present), in that order, and
     * closes the journal; returns those results.
     */
    public synchronized List<SweepResult> finish(List<SweepPoint> order) throws IOException {
        Require.nonNull(order, "order");
        StringBuilder s = new StringBuilder(table.header()).append('\n');
        List<SweepResult> results = new ArrayList<>(order.size());
        for (SweepPoint p : order) {
            SweepResult r = completed.get(p);
            if (r == null) {
                throw new IllegalStateException(p + " has no result in " + file);
            }
            results.add(r);
            s.append(table.format(r)).append('\n');
        }
        close();
        Npy.writeAtomically(file, s.toString().getBytes(StandardCharsets.UTF_8));
        return results;
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }
}
