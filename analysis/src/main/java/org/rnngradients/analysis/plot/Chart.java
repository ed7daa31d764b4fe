package org.rnngradients.analysis.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * One chart panel: named lines, shaded bands and horizontal reference lines over two number axes.
 * Labels are plain Unicode text (∂L/∂hₜ, λᵢ, ρ). A point whose x is not finite is left out; a y that is not
 * finite leaves a gap in its line, so missing values stay visible as missing.
 *
 * <p>Render it with {@link SvgFigure}. A chart is a mutable builder; build it once and render it.
 */
public final class Chart {

    /** The one font family of every chart (Debian's base fonts), so text metrics do not depend on the host. */
    public static final String FONT = "DejaVu Sans";
    /** Most legend entries a chart shows; beyond this the legend is left out (it would swamp the plot). */
    public static final int MAX_LEGEND = 12;

    private record Line(String name, double[] x, double[] y, Style style) {
    }

    private record Band(String name, double[] x, double[] lower, double[] upper, int colour) {
    }

    private final String xLabel;
    private final String yLabel;
    private String title;
    private final List<Line> lines = new ArrayList<>();
    private final List<Band> bands = new ArrayList<>();
    private final List<Line> horizontals = new ArrayList<>();
    private boolean markers;
    private boolean legend = true;
    private boolean integerX;
    private double[] xRange;
    private double[] yRange;

    /** An empty panel with axis labels; an empty label leaves its axis unlabelled (small multiples). */
    public Chart(String xLabel, String yLabel) {
        this.xLabel = nonNull(xLabel, "xLabel");
        this.yLabel = nonNull(yLabel, "yLabel");
    }

    /** Sets a title above the plot (for a panel of small multiples, or a chart shown alone). */
    public Chart title(String text) {
        this.title = nonNull(text, "title");
        return this;
    }

    /** Adds a solid line in the colour of its position. */
    public Chart line(String name, double[] x, double[] y) {
        return line(name, x, y, Style.auto());
    }

    /** Adds a line; an empty {@code name} keeps it out of the legend. */
    public Chart line(String name, double[] x, double[] y, Style style) {
        nonNull(name, "name");
        sameLength(name, x, y);
        lines.add(new Line(name, x.clone(), y.clone(), nonNull(style, "style")));
        return this;
    }

    /** Adds a shaded band between {@code lower} and {@code upper} in a light tint of palette colour {@code colour}. */
    public Chart band(String name, double[] x, double[] lower, double[] upper, int colour) {
        nonNull(name, "name");
        sameLength(name, x, lower);
        sameLength(name, x, upper);
        Palette.colour(colour);
        bands.add(new Band(name, x.clone(), lower.clone(), upper.clone(), colour));
        return this;
    }

    /** Adds a horizontal line at {@code y} across the x range of the chart's lines. */
    public Chart horizontal(String name, double y, Style style) {
        nonNull(name, "name");
        if (!Double.isFinite(y)) {
            throw new IllegalArgumentException("y of " + name + " must be finite, was " + y);
        }
        horizontals.add(new Line(name, new double[0], new double[] {y}, nonNull(style, "style")));
        return this;
    }

    /** Draws a marker at every point of every line (for short series such as a spectrum). */
    public Chart markers() {
        this.markers = true;
        return this;
    }

    /** Leaves the legend out (a panel whose title says what its lines are). */
    public Chart noLegend() {
        this.legend = false;
        return this;
    }

    /** Integer tick labels on the x axis (indices, counts). */
    public Chart integerX() {
        this.integerX = true;
        return this;
    }

    /** Fixes the x axis to [lo, hi] instead of fitting the data. */
    public Chart xRange(double lo, double hi) {
        this.xRange = range(lo, hi, "x");
        return this;
    }

    /** Fixes the y axis to [lo, hi] instead of fitting the data (small multiples share one range). */
    public Chart yRange(double lo, double hi) {
        this.yRange = range(lo, hi, "y");
        return this;
    }

    /** Number of lines, bands and reference lines. */
    public int size() {
        return lines.size() + bands.size() + horizontals.size();
    }

    /** The JFreeChart that draws this panel. */
    JFreeChart build() {
        XYPlot plot = new XYPlot(lineData(), xAxis(), yAxis(), new XYLineAndShapeRenderer(true, false));
        int entries = lines.size() + bands.size() + horizontals.size();
        JFreeChart chart = new JFreeChart(null, font(Font.PLAIN, 13), plot, legend && entries > 1 && entries <= MAX_LEGEND);
        theme().apply(chart);                             // first: the theme resets renderers' paints and fonts
        plot.setRenderer(0, lineRenderer());
        if (!bands.isEmpty()) {
            plot.setDataset(1, bandData());
            plot.setRenderer(1, bandRenderer());
        }
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);    // bands (dataset 1) below the lines
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Palette.GRID);
        plot.setRangeGridlinePaint(Palette.GRID);
        if (title != null) {
            chart.setTitle(new TextTitle(title, font(Font.BOLD, 13)));
        }
        LegendTitle l = chart.getLegend();
        if (l != null) {
            l.setPosition(RectangleEdge.BOTTOM);
        }
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(4, 4, 4, 14));            // room for the last tick label
        return chart;
    }

    private NumberAxis xAxis() {
        NumberAxis x = new NumberAxis(xLabel.isEmpty() ? null : xLabel);
        x.setAutoRangeIncludesZero(false);
        if (integerX) {
            x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        if (xRange != null) {
            x.setRange(xRange[0], xRange[1]);
        }
        return x;
    }

    private NumberAxis yAxis() {
        NumberAxis y = new NumberAxis(yLabel.isEmpty() ? null : yLabel);
        y.setAutoRangeIncludesZero(false);
        if (yRange != null) {
            y.setRange(yRange[0], yRange[1]);
        }
        return y;
    }

    private XYSeriesCollection lineData() {
        XYSeriesCollection data = new XYSeriesCollection();
        int k = 0;
        for (Line line : lines) {
            data.addSeries(series(k++, line.x(), line.y()));
        }
        double[] span = xSpan();
        for (Line h : horizontals) {
            data.addSeries(series(k++, span, new double[] {h.y()[0], h.y()[0]}));
        }
        return data;
    }

    /** A series keyed by its index (names may repeat or be empty); the legend takes names from the renderer. */
    private static XYSeries series(int key, double[] x, double[] y) {
        XYSeries s = new XYSeries(key, false, true);
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i])) {
                s.add(x[i], Double.isFinite(y[i]) ? y[i] : Double.NaN);
            }
        }
        return s;
    }

    private double[] xSpan() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Line line : lines) {
            for (double v : line.x()) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        for (Band b : bands) {
            for (double v : b.x()) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (xRange != null) {
            return xRange.clone();
        }
        return lo <= hi ? new double[] {lo, hi} : new double[] {0, 1};
    }

    private XYLineAndShapeRenderer lineRenderer() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        List<Line> all = new ArrayList<>(lines);
        all.addAll(horizontals);
        for (int i = 0; i < all.size(); i++) {
            Style s = all.get(i).style();
            r.setSeriesPaint(i, Palette.colour(s.colour() >= 0 ? s.colour() : i));
            r.setSeriesStroke(i, stroke(s));
            r.setSeriesShapesVisible(i, i < lines.size() && (markers || s.markers()));
            r.setSeriesShapesFilled(i, true);
            r.setSeriesVisibleInLegend(i, !all.get(i).name().isEmpty());
        }
        r.setLegendItemLabelGenerator((dataset, series) -> all.get(series).name());
        return r;
    }

    private static BasicStroke stroke(Style s) {
        float[] dash = s.dashed() ? new float[] {6f, 4f} : null;
        return new BasicStroke(s.width(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, dash, 0f);
    }

    private YIntervalSeriesCollection bandData() {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (int k = 0; k < bands.size(); k++) {
            Band b = bands.get(k);
            YIntervalSeries s = new YIntervalSeries(k, false, true);
            for (int i = 0; i < b.x().length; i++) {
                if (Double.isFinite(b.x()[i]) && Double.isFinite(b.lower()[i]) && Double.isFinite(b.upper()[i])) {
                    s.add(b.x()[i], (b.lower()[i] + b.upper()[i]) / 2, b.lower()[i], b.upper()[i]);
                }
            }
            data.addSeries(s);
        }
        return data;
    }

    private DeviationRenderer bandRenderer() {
        DeviationRenderer r = new DeviationRenderer(false, false);
        r.setAlpha(0.22f);
        for (int k = 0; k < bands.size(); k++) {
            Color c = Palette.colour(bands.get(k).colour());
            r.setSeriesPaint(k, c);
            r.setSeriesFillPaint(k, c);
        }
        r.setLegendItemLabelGenerator((dataset, series) -> bands.get(series).name());
        return r;
    }

    static Font font(int style, int size) {
        return new Font(FONT, style, size);
    }

    private static StandardChartTheme theme() {
        StandardChartTheme t = new StandardChartTheme("rnn-gradients");
        t.setExtraLargeFont(font(Font.BOLD, 16));
        t.setLargeFont(font(Font.PLAIN, 15));
        t.setRegularFont(font(Font.PLAIN, 13));
        t.setSmallFont(font(Font.PLAIN, 11));
        t.setPlotBackgroundPaint(Color.WHITE);
        t.setChartBackgroundPaint(Color.WHITE);
        t.setDomainGridlinePaint(Palette.GRID);
        t.setRangeGridlinePaint(Palette.GRID);
        return t;
    }

    private static double[] range(double lo, double hi, String axis) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(lo < hi)) {
            throw new IllegalArgumentException(axis + " range must be finite with lo < hi, was [" + lo + ", " + hi + "]");
        }
        return new double[] {lo, hi};
    }

    private static void sameLength(String name, double[] x, double[] y) {
        if (x == null || y == null) {
            throw new IllegalArgumentException("x and y of " + name + " must not be null");
        }
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("x and y of " + name + " must have equal, non-zero lengths, were "
                    + x.length + " and " + y.length);
        }
    }

    private static <T> T nonNull(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }
}
