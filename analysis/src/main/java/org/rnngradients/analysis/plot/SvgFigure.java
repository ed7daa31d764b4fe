package org.rnngradients.analysis.plot;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Pattern;

import org.jfree.svg.SVGGraphics2D;

/**
 * Renders {@link Chart}s as standalone SVG documents with JFreeSVG. Every id JFreeSVG writes (clip paths,
 * gradients) starts with the caller's defs prefix instead of JFreeSVG's time-based default, so the same
 * charts give the same bytes on every run; give each figure of one HTML page its own prefix so their ids
 * do not collide.
 */
public final class SvgFigure {

    /** Width of a single-panel figure, in SVG user units. */
    public static final int WIDTH = 720;
    /** Height of a single-panel figure. */
    public static final int HEIGHT = 420;
    /** The font list written into the SVG: the family the metrics came from, then close substitutes. */
    static final String FONT_LIST = "DejaVu Sans, Bitstream Vera Sans, Verdana, sans-serif";

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9-]*");

    private SvgFigure() {
    }

    /** One panel at {@link #WIDTH} × {@link #HEIGHT}. */
    public static String svg(String defsPrefix, Chart chart) {
        return svg(defsPrefix, WIDTH, HEIGHT, chart);
    }

    /** One panel at {@code width} × {@code height}. */
    public static String svg(String defsPrefix, int width, int height, Chart chart) {
        return grid(defsPrefix, 1, width, height, List.of(nonNull(chart, "chart")));
    }

    /**
     * Small multiples: the panels in rows of {@code columns}, each {@code panelWidth} × {@code panelHeight},
     * left to right and top to bottom. Give the panels a common {@link Chart#yRange} when they are to be compared.
     */
    public static String grid(String defsPrefix, int columns, int panelWidth, int panelHeight, List<Chart> panels) {
        if (defsPrefix == null || !PREFIX.matcher(defsPrefix).matches()) {
            throw new IllegalArgumentException("defsPrefix must be a letter then letters, digits or '-', was " + defsPrefix);
        }
        positive(columns, "columns");
        positive(panelWidth, "panelWidth");
        positive(panelHeight, "panelHeight");
        if (panels == null || panels.isEmpty()) {
            throw new IllegalArgumentException("panels must not be empty");
        }
        int rows = (panels.size() + columns - 1) / columns;
        int cols = Math.min(columns, panels.size());
        SVGGraphics2D g2 = new SVGGraphics2D(cols * panelWidth, rows * panelHeight);
        g2.setDefsKeyPrefix(defsPrefix + "-");
        g2.setFontFunction(family -> FONT_LIST);
        for (int i = 0; i < panels.size(); i++) {
            Chart panel = nonNull(panels.get(i), "panel " + i);
            Rectangle2D area = new Rectangle2D.Double((i % columns) * panelWidth, (i / columns) * panelHeight,
                    panelWidth, panelHeight);
            panel.build().draw(g2, area);
        }
        return g2.getSVGDocument();
    }

    /**
     * Writes {@code svg} to {@code file} through a temporary file in the same folder, so a failure never
     * leaves a half-written figure; creates the folder. Returns {@code file}.
     */
    public static Path write(Path file, String svg) throws IOException {
        nonNull(file, "file");
        nonNull(svg, "svg");
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, svg, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return file;
    }

    private static void positive(int v, String name) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, was " + v);
        }
    }

    private static <T> T nonNull(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }
}
