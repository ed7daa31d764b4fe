package org.rnngradients.analysis.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.rnngradients.linalg.Require;

/**
 * A line chart rendered to SVG with JFreeChart and JFreeSVG. The defs prefix is fixed, so the same
 * data give the same bytes on every run; non-finite points are left out of the drawing (the CSV keeps them).
 */
final class SvgPlot {
    /** The fixed prefix of clip-path and gradient ids (JFreeSVG's default is time-based). */
    static final String DEFS_PREFIX = "rnn-gradients";
    private static final int WIDTH = 720;
    private static final int HEIGHT = 450;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<XYSeries> series = new ArrayList<>();
    private boolean markers;

    /** An empty chart with a title and axis labels. */
    SvgPlot(String title, String xLabel, String yLabel) {
        this.title = Require.nonNull(title, "title");
        this.xLabel = Require.nonNull(xLabel, "xLabel");
        this.yLabel = Require.nonNull(yLabel, "yLabel");
    }

    /** Adds a line named {@code name} through the points (x[k], y[k]). */
    SvgPlot line(String name, double[] x, double[] y) {
        Require.nonNull(x, "x");
        Require.nonNull(y, "y");
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y must have equal lengths, were " + x.length + " and " + y.length);
        }
        XYSeries s = new XYSeries(name, false, true);
        for (int k = 0; k < x.length; k++) {
            if (Double.isFinite(x[k]) && Double.isFinite(y[k])) {
                s.add(x[k], y[k]);
            }
        }
        series.add(s);
        return this;
    }

    /** The x values 1, 2, …, n. */
    static double[] oneTo(int n) {
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = k + 1;
        }
        return x;
    }

    /** At most {@code most} of the indices 0..n−1, evenly spread and always including the first and the last. */
    static int[] evenlySpread(int n, int most) {
        int shown = Math.min(n, most);
        int[] indices = new int[shown];
        for (int k = 0; k < shown; k++) {
            indices[k] = shown == 1 ? 0 : (int) Math.round(k * (n - 1.0) / (shown - 1));
        }
        return indices;
    }

    /** Draws a marker at every point (for short series such as a spectrum). */
    SvgPlot markers() {
        this.markers = true;
        return this;
    }

    /** The SVG document. */
    String svg() {
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach(data::addSeries);
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL,
                series.size() > 1 && series.size() <= 12, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, markers);
        for (int k = 0; k < series.size(); k++) {
            renderer.setSeriesStroke(k, new BasicStroke(1.5f));
        }
        plot.setRenderer(renderer);
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
        g2.setDefsKeyPrefix(DEFS_PREFIX);
        chart.draw(g2, new Rectangle(0, 0, WIDTH, HEIGHT));
        return g2.getSVGDocument();
    }
}
