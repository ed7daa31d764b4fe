package org.rnngradients.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The folder the book's figures go to, and a record of which were written. */
public final class Figures {

    private final Path dir;
    private final List<String> written = new ArrayList<>();

    /** Figures written under {@code dir}. */
    public Figures(Path dir) {
        if (dir == null) {
            throw new IllegalArgumentException("dir must not be null");
        }
        this.dir = dir;
    }

    /** Writes the chart as {@code <name>.svg}. */
    public void write(SvgCharts chart) {
        try {
            written.add(chart.write(dir).getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Number of figures written. */
    public int count() {
        return written.size();
    }
}
