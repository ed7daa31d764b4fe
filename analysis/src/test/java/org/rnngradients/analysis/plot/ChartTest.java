package org.rnngradients.analysis.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.Range;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;

/**
 * What {@link Chart#build} hands to JFreeChart: the data of every line, band and reference line, their colours,
 * strokes, markers and legend entries, the axes and the theme. Checked on the chart object rather than on the
 * SVG text, so a claim names the property it is about; {@link SvgFigureTest} checks that these reach the SVG.
 */
class ChartTest {

    private static final double[] X = {0, 1, 2};

    private static XYPlot plot(Chart chart) {
        return chart.build().getXYPlot();
    }

    private static XYLineAndShapeRenderer lines(XYPlot plot) {
        return (XYLineAndShapeRenderer) plot.getRenderer(0);
    }

    private static List<String> legend(XYPlot plot) {
        LegendItemCollection items = plot.getLegendItems();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < items.getItemCount(); i++) {
            labels.add(items.get(i).getLabel());
        }
        return labels;
    }

    private static double[] xs(XYDataset data, int series) {
        double[] x = new double[data.getItemCount(series)];
        for (int i = 0; i < x.length; i++) {
            x[i] = data.getXValue(series, i);
        }
        return x;
    }

    private static double[] ys(XYDataset data, int series) {
        double[] y = new double[data.getItemCount(series)];
        for (int i = 0; i < y.length; i++) {
            y[i] = data.getYValue(series, i);
        }
        return y;
    }

    private static Chart withLines(int count) {
        Chart c = new Chart("x", "y");
        for (int i = 0; i < count; i++) {
            c.line("l" + i, X, new double[] {i, i, i});
        }
        return c;
    }

    @Test
    void sizeCountsLinesBandsAndReferenceLines() {
        Chart c = new Chart("x", "y");
        assertEquals(0, c.size());
        c.line("a", X, X).line("b", X, X).band("band", X, X, X, 0).horizontal("h", 1, Style.auto());
        assertEquals(4, c.size());
    }

    @Test
    void linesAndReferenceLinesAreSeriesInTheOrderAddedKeyedByTheirIndex() {
        XYPlot plot = plot(new Chart("x", "y")
                .line("a", X, new double[] {1, 2, 3})
                .horizontal("h", 0.5, Style.dashed(Palette.BLACK))
                .line("b", new double[] {5, 6}, new double[] {7, 8})
                .horizontal("h2", -1, Style.dashed(Palette.GREY)));
        XYDataset data = plot.getDataset(0);
        assertEquals(4, data.getSeriesCount(), "two lines, then the reference lines");
        for (int s = 0; s < 4; s++) {
            assertEquals(s, data.getSeriesKey(s), "series " + s + " is keyed by its index");
        }
        assertArrayEquals(new double[] {0, 1, 2}, xs(data, 0));
        assertArrayEquals(new double[] {1, 2, 3}, ys(data, 0));
        assertArrayEquals(new double[] {5, 6}, xs(data, 1));
        assertArrayEquals(new double[] {7, 8}, ys(data, 1));
        assertArrayEquals(new double[] {0.5, 0.5}, ys(data, 2), "the reference line is flat at its y");
        assertArrayEquals(new double[] {-1, -1}, ys(data, 3));
        assertEquals(List.of("a", "b", "h", "h2"), legend(plot), "legend in series order");
    }

    @Test
    void aReferenceLineSpansTheFiniteXOfLinesAndBands() {
        XYPlot plot = plot(new Chart("x", "y")
                .line("a", new double[] {Double.NaN, 2, 3, Double.POSITIVE_INFINITY}, new double[] {0, 1, 2, 3})
                .band("b", new double[] {-4, 1, Double.NEGATIVE_INFINITY}, new double[] {0, 0, 0}, new double[] {1, 1, 1}, 0)
                .horizontal("h", 1, Style.auto()));
        assertArrayEquals(new double[] {-4, 3}, xs(plot.getDataset(0), 1), "from the band's −4 to the line's 3");
        assertArrayEquals(new double[] {2, 3}, xs(plot.getDataset(0), 0), "points with a non-finite x are left out");
    }

    @Test
    void aReferenceLineSpansAFixedXRangeWhenOneIsSet() {
        XYPlot plot = plot(new Chart("x", "y").line("a", X, X).xRange(-1, 10).horizontal("h", 1, Style.auto()));
        assertArrayEquals(new double[] {-1, 10}, xs(plot.getDataset(0), 1));
    }

    @Test
    void aReferenceLineOverOnePointSpansThatPointAndAloneSpansTheUnitInterval() {
        XYPlot single = plot(new Chart("x", "y").line("a", new double[] {3}, new double[] {1}).horizontal("h", 0, Style.auto()));
        assertArrayEquals(new double[] {3, 3}, xs(single.getDataset(0), 1));
        XYPlot alone = plot(new Chart("x", "y").horizontal("h", 0, Style.auto()));
        assertArrayEquals(new double[] {0, 1}, xs(alone.getDataset(0), 0), "no data: [0, 1]");
    }

    @Test
    void aNonFiniteYIsAGapAndANonFiniteXIsLeftOut() {
        XYDataset data = plot(new Chart("x", "y").line("a", new double[] {0, 1, Double.NaN, 3},
                new double[] {1, Double.POSITIVE_INFINITY, 5, 2})).getDataset(0);
        assertArrayEquals(new double[] {0, 1, 3}, xs(data, 0));
        double[] y = ys(data, 0);
        assertEquals(1, y[0]);
        assertTrue(Double.isNaN(y[1]), "+∞ becomes a gap (NaN), not a point at the top of the axis");
        assertEquals(2, y[2]);
    }

    @Test
    void linesTakeThePaletteColourOfTheirPositionUnlessTheyNameOne() {
        XYLineAndShapeRenderer r = lines(plot(new Chart("x", "y")
                .line("auto 0", X, X)
                .line("auto 1", X, X)
                .line("explicit 0", X, X, Style.solid(0))
                .horizontal("black", 0, Style.dashed(Palette.BLACK))));
        assertEquals(Palette.colour(0), r.getSeriesPaint(0));
        assertEquals(Palette.colour(1), r.getSeriesPaint(1));
        assertEquals(Palette.colour(0), r.getSeriesPaint(2), "colour 0 named explicitly, not the position's colour 2");
        assertEquals(Color.BLACK, r.getSeriesPaint(3));
    }

    @Test
    void strokesCarryWidthAndDashes() {
        XYLineAndShapeRenderer r = lines(plot(new Chart("x", "y")
                .line("solid", X, X, Style.solid(1).withWidth(3f))
                .line("dashed", X, X, Style.dashed(2))));
        BasicStroke solid = (BasicStroke) r.getSeriesStroke(0);
        BasicStroke dashed = (BasicStroke) r.getSeriesStroke(1);
        assertEquals(3f, solid.getLineWidth());
        assertNull(solid.getDashArray(), "a solid line has no dash pattern");
        assertEquals(Style.WIDTH, dashed.getLineWidth());
        assertArrayEquals(new float[] {6f, 4f}, dashed.getDashArray());
        assertEquals(BasicStroke.CAP_ROUND, solid.getEndCap());
        assertEquals(BasicStroke.JOIN_ROUND, solid.getLineJoin());
    }

    @Test
    void markersAreDrawnOnLinesThatAskForThemAndNeverOnReferenceLines() {
        XYLineAndShapeRenderer plain = lines(plot(new Chart("x", "y")
                .line("plain", X, X)
                .line("marked", X, X, Style.auto().withMarkers())
                .horizontal("h", 0, Style.auto().withMarkers())));
        assertEquals(Boolean.FALSE, plain.getSeriesShapesVisible(0));
        assertEquals(Boolean.TRUE, plain.getSeriesShapesVisible(1));
        assertEquals(Boolean.FALSE, plain.getSeriesShapesVisible(2), "a reference line has no markers");
        assertEquals(Boolean.TRUE, plain.getSeriesShapesFilled(1), "markers are filled");

        XYLineAndShapeRenderer all = lines(plot(new Chart("x", "y")
                .line("a", X, X).line("b", X, X).horizontal("h", 0, Style.auto()).markers()));
        assertEquals(Boolean.TRUE, all.getSeriesShapesVisible(0));
        assertEquals(Boolean.TRUE, all.getSeriesShapesVisible(1));
        assertEquals(Boolean.FALSE, all.getSeriesShapesVisible(2), "markers() is about the lines only");
    }

    @Test
    void anEmptyNameKeepsALineOutOfTheLegend() {
        XYPlot plot = plot(new Chart("x", "y").line("shown", X, X).line("", X, X).horizontal("", 0, Style.auto())
                .line("also shown", X, X));
        XYLineAndShapeRenderer r = lines(plot);
        assertTrue(r.isSeriesVisibleInLegend(0));
        assertFalse(r.isSeriesVisibleInLegend(1));
        assertTrue(r.isSeriesVisibleInLegend(2), "series 2 is the last line (reference lines come after the lines)");
        assertFalse(r.isSeriesVisibleInLegend(3));
        assertEquals(List.of("shown", "also shown"), legend(plot));
    }

    @Test
    void theLegendAppearsBelowForTwoToTwelveEntriesCountingBandsAndReferenceLines() {
        assertNull(withLines(1).build().getLegend(), "one line: its name belongs in the axis label or title");
        assertNotNull(withLines(2).build().getLegend());
        assertNotNull(withLines(Chart.MAX_LEGEND).build().getLegend());
        assertNull(withLines(Chart.MAX_LEGEND + 1).build().getLegend(), "13 entries would swamp the plot");
        assertNotNull(new Chart("x", "y").line("a", X, X).band("b", X, X, X, 1).build().getLegend(),
                "a line and a band are two entries");
        assertNotNull(new Chart("x", "y").line("a", X, X).horizontal("h", 0, Style.auto()).build().getLegend(),
                "a line and a reference line are two entries");
        JFreeChart eleven = withLines(Chart.MAX_LEGEND - 1).band("b", X, X, X, 1).horizontal("h", 0, Style.auto()).build();
        assertNull(eleven.getLegend(), "11 lines, a band and a reference line are 13 entries");
        assertEquals(RectangleEdge.BOTTOM, withLines(2).build().getLegend().getPosition());
        assertNull(withLines(2).noLegend().build().getLegend(), "noLegend() leaves it out");
    }

    @Test
    void aTitleIsBoldAboveThePlotAndAbsentUnlessSet() {
        assertNull(withLines(1).build().getTitle());
        JFreeChart chart = withLines(1).title("λᵢ at g = 2").build();
        assertEquals("λᵢ at g = 2", chart.getTitle().getText());
        assertEquals(new Font(Chart.FONT, Font.BOLD, 13), chart.getTitle().getFont());
        assertThrows(IllegalArgumentException.class, () -> withLines(1).title(null));
    }

    @Test
    void axesAreLabelledInTheChartFontAndDoNotForceZeroIntoTheirRange() {
        XYPlot plot = plot(new Chart("t", "‖∂L/∂hₜ‖").line("a", new double[] {100, 200}, new double[] {50, 60}));
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        assertEquals("t", x.getLabel());
        assertEquals("‖∂L/∂hₜ‖", y.getLabel());
        assertFalse(x.getAutoRangeIncludesZero());
        assertFalse(y.getAutoRangeIncludesZero());
        assertTrue(x.getRange().getLowerBound() > 50 && y.getRange().getLowerBound() > 25,
                "the axes fit 100..200 and 50..60, not 0..200: " + x.getRange() + ", " + y.getRange());
        assertEquals(new Font(Chart.FONT, Font.PLAIN, 15), x.getLabelFont(), "the theme's large font");
        assertEquals(new Font(Chart.FONT, Font.PLAIN, 13), y.getTickLabelFont(), "the theme's regular font");
        assertEquals(new Font(Chart.FONT, Font.PLAIN, 13),
                withLines(2).build().getLegend().getItemFont(), "legend entries in the regular font");
    }

    @Test
    void anEmptyAxisLabelLeavesTheAxisUnlabelled() {
        XYPlot plot = plot(new Chart("", "").line("a", X, X));
        assertNull(plot.getDomainAxis().getLabel());
        assertNull(plot.getRangeAxis().getLabel());
    }

    @Test
    void fixedRangesReplaceTheFittedOnes() {
        XYPlot fitted = plot(new Chart("x", "y").line("a", X, X));
        assertFalse(fitted.getDomainAxis().getRange().equals(new Range(-5, 5)));
        XYPlot fixed = plot(new Chart("x", "y").line("a", X, X).xRange(-5, 5).yRange(0.25, 0.75));
        assertEquals(new Range(-5, 5), fixed.getDomainAxis().getRange());
        assertEquals(new Range(0.25, 0.75), fixed.getRangeAxis().getRange());
        assertFalse(fixed.getRangeAxis().isAutoRange(), "a fixed range is not refitted to the data");
    }

    @Test
    void integerXUsesWholeNumberTicksOnlyWhenAsked() {
        NumberAxis plain = (NumberAxis) plot(new Chart("x", "y").line("a", new double[] {0, 0.5}, new double[] {0, 1}))
                .getDomainAxis();
        NumberAxis integer = (NumberAxis) plot(new Chart("x", "y").line("a", new double[] {0, 0.5}, new double[] {0, 1})
                .integerX()).getDomainAxis();
        assertEquals(NumberAxis.createIntegerTickUnits(), integer.getStandardTickUnits());
        assertFalse(NumberAxis.createIntegerTickUnits().equals(plain.getStandardTickUnits()),
                "the default ticks include fractions");
    }

    @Test
    void bandsAreATranslucentSecondDatasetDrawnBelowTheLines() {
        XYPlot plot = plot(new Chart("x", "y")
                .line("a", X, X)
                .band("±σ", new double[] {0, 1, 2}, new double[] {-1, Double.NaN, 0}, new double[] {3, 1, 4}, Palette.GREY)
                .band("±2σ", X, X, X, 9));
        YIntervalSeriesCollection bands = (YIntervalSeriesCollection) plot.getDataset(1);
        assertEquals(2, bands.getSeriesCount());
        assertEquals(2, bands.getItemCount(0), "the point with a NaN bound is left out");
        assertEquals(2, bands.getXValue(0, 1));
        assertEquals(0, bands.getStartYValue(0, 1));
        assertEquals(4, bands.getEndYValue(0, 1));
        assertEquals(1, bands.getYValue(0, 0), "the centre of [−1, 3]");
        assertEquals(2, bands.getYValue(0, 1), "the centre of [0, 4]");
        DeviationRenderer r = (DeviationRenderer) plot.getRenderer(1);
        assertEquals(Palette.colour(Palette.GREY), r.getSeriesPaint(0));
        assertEquals(Palette.colour(Palette.GREY), r.getSeriesFillPaint(0));
        assertEquals(Palette.colour(9), r.getSeriesPaint(1), "palette index taken modulo its size");
        assertEquals(0.22f, r.getAlpha());
        assertEquals(DatasetRenderingOrder.REVERSE, plot.getDatasetRenderingOrder(), "dataset 1 (bands) first");
        assertEquals(List.of("a", "±σ", "±2σ"), legend(plot));
        assertNull(plot(new Chart("x", "y").line("a", X, X)).getDataset(1), "no band, no second dataset");
    }

    @Test
    void theBackgroundIsWhiteWithLightGreyGridLinesAndRoomOnTheRight() {
        JFreeChart chart = withLines(2).build();
        XYPlot plot = chart.getXYPlot();
        assertEquals(Color.WHITE, chart.getBackgroundPaint());
        assertEquals(Color.WHITE, plot.getBackgroundPaint());
        assertEquals(Palette.GRID, plot.getDomainGridlinePaint());
        assertEquals(Palette.GRID, plot.getRangeGridlinePaint());
        assertEquals(new RectangleInsets(4, 4, 4, 14), chart.getPadding());
    }

    @Test
    void rangesMustBeFiniteAndIncreasing() {
        Chart c = new Chart("x", "y");
        assertSame(c, c.xRange(-1, 1).yRange(2, 3));
        for (double[] bad : new double[][] {{1, 1}, {2, 1}, {Double.NaN, 1}, {0, Double.NaN},
                {Double.NEGATIVE_INFINITY, 0}, {0, Double.POSITIVE_INFINITY}}) {
            IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> c.xRange(bad[0], bad[1]));
            assertTrue(ex.getMessage().startsWith("x range") && ex.getMessage().contains(bad[0] + ", " + bad[1]),
                    ex.getMessage());
            assertTrue(assertThrows(IllegalArgumentException.class, () -> c.yRange(bad[0], bad[1])).getMessage()
                    .startsWith("y range"));
        }
    }

    @Test
    void badSeriesAreRefusedWithTheirName() {
        Chart c = new Chart("x", "y");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> c.line("empty", new double[0], new double[0]))
                .getMessage().contains("empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> c.line("nul", null, X))
                .getMessage().contains("nul"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> c.band("bb", X, X, new double[] {1}, 0))
                .getMessage().contains("bb"));
        assertThrows(IllegalArgumentException.class, () -> c.band("neg", X, X, X, -1));
        assertThrows(IllegalArgumentException.class, () -> c.line("s", X, X, null));
        assertThrows(IllegalArgumentException.class, () -> new Chart(null, "y"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> c.horizontal("href", Double.POSITIVE_INFINITY, Style.auto())).getMessage().contains("href"));
        assertEquals(0, c.size(), "nothing refused was added");
    }

    @Test
    void theChartKeepsCopiesOfItsData() {
        double[] y = {1, 2, 3};
        Chart c = new Chart("x", "y").line("a", X, y);
        y[0] = 99;
        assertEquals(1, plot(c).getDataset(0).getYValue(0, 0));
    }

    @Test
    void paletteHasEightDistinctColoursThatRepeat() {
        assertEquals(8, Palette.size());
        Set<Color> distinct = new HashSet<>();
        for (int i = 0; i < Palette.size(); i++) {
            distinct.add(Palette.colour(i));
            assertEquals(Palette.colour(i), Palette.colour(i + Palette.size()));
        }
        assertEquals(Palette.size(), distinct.size());
        assertEquals(Color.BLACK, Palette.colour(Palette.BLACK));
    }

    @Test
    void styleWithMarkersKeepsEverythingElse() {
        Style s = Style.dashed(3).withWidth(1.5f).withMarkers();
        assertEquals(new Style(3, true, true, 1.5f), s);
        assertFalse(Style.solid(3).markers());
    }

    @Test
    void indexHelpersAcceptZeroLength() {
        assertArrayEquals(new double[0], PlotData.oneTo(0));
        assertArrayEquals(new int[0], PlotData.evenlySpread(0, 3));
        assertThrows(IllegalArgumentException.class, () -> PlotData.oneTo(-1));
        assertThrows(IllegalArgumentException.class, () -> PlotData.evenlySpread(-1, 3));
        assertThrows(IllegalArgumentException.class, () -> PlotData.evenlySpread(3, 0));
    }
}
