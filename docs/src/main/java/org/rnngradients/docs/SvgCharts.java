package org.rnngradients.docs;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Line charts as SVG text. The output depends only on the data and labels: fixed size, fixed fonts,
 * fixed colours and a defs-key prefix derived from the figure's name, so equal input gives equal bytes.
 */
public final class SvgCharts {

    /** Width and height of every figure, in SVG user units. */
    public static final int WIDTH = 720;
    public static final int HEIGHT = 420;

    /** One installed family (Debian's base fonts) so text metrics do not depend on what else is installed. */
    private static final String FONT = "DejaVu Sans";

    private static final Color[] PALETTE = {
        new Color(0xC0392B), new Color(0x2471A3), new Color(0x1E8449), new Color(0x7D3C98),
        new Color(0xB9770E), new Color(0x566573), new Color(0x17A589), new Color(0x000000)
    };

    /** One named line: x and y of equal length. */
    public record Series(String name, double[] x, double[] y, boolean dashed, int colour) {
        public Series {
            if (x == null || y == null || x.length != y.length || x.length == 0) {
                throw new IllegalArgumentException("series " + name + " needs equal, non-empty x and y");
            }
        }

        /** A solid line. */
        public Series(String name, double[] x, double[] y) {
            this(name, x, y, false, -1);
        }

        /** A line in the palette colour given by its position among the chart's series. */
        public Series(String name, double[] x, double[] y, boolean dashed) {
            this(name, x, y, dashed, -1);
        }
    }

    private final String name;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();

    /** A chart called {@code name} (also the file stem and defs prefix) with the given axis labels. */
    public SvgCharts(String name, String xLabel, String yLabel) {
        if (name == null || !name.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("name must be kebab-case, was " + name);
        }
        this.name = name;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** Adds a line. */
    public SvgCharts add(Series s) {
        series.add(s);
        return this;
    }

    /** The chart as a standalone SVG document. */
    public String svg() {
        JFreeChart chart = chart();
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
        g2.setDefsKeyPrefix(name + "-");
        chart.draw(g2, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        return g2.getSVGDocument();
    }

    /** Writes {@code <dir>/<name>.svg} and returns its path. */
    public Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".svg");
        Files.writeString(file, svg(), StandardCharsets.UTF_8);
        return file;
    }

    private JFreeChart chart() {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Series s : series) {
            XYSeries xy = new XYSeries(s.name(), false, true);
            for (int i = 0; i < s.x().length; i++) {
                xy.add(s.x()[i], Double.isFinite(s.y()[i]) ? s.y()[i] : Double.NaN);
            }
            data.addSeries(xy);
        }
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, new XYLineAndShapeRenderer(true, false));
        JFreeChart chart = new JFreeChart(null, new Font(FONT, Font.PLAIN, 13), plot, series.size() > 1);
        theme().apply(chart);
        plot.setRenderer(renderer());
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.BOTTOM);
        }
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private XYLineAndShapeRenderer renderer() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < series.size(); i++) {
            int colour = series.get(i).colour() >= 0 ? series.get(i).colour() : i;
            r.setSeriesPaint(i, PALETTE[colour % PALETTE.length]);
            float[] dash = series.get(i).dashed() ? new float[] {6f, 4f} : null;
            r.setSeriesStroke(i, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, dash, 0f));
        }
        return r;
    }

    private static StandardChartTheme theme() {
        StandardChartTheme t = new StandardChartTheme("book");
        t.setExtraLargeFont(new Font(FONT, Font.BOLD, 16));
        t.setLargeFont(new Font(FONT, Font.PLAIN, 14));
        t.setRegularFont(new Font(FONT, Font.PLAIN, 12));
        t.setSmallFont(new Font(FONT, Font.PLAIN, 10));
        t.setPlotBackgroundPaint(Color.WHITE);
        t.setChartBackgroundPaint(Color.WHITE);
        t.setDomainGridlinePaint(new Color(0xDDDDDD));
        t.setRangeGridlinePaint(new Color(0xDDDDDD));
        return t;
    }
}
