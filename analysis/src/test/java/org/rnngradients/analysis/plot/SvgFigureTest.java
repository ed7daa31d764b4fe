package org.rnngradients.analysis.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SvgFigureTest {

    private static Chart chart() {
        return new Chart("step t of ∂L/∂hₜ", "log₁₀ ‖∂L/∂hₜ‖")
                .line("a", new double[] {0, 1, 2}, new double[] {1, 0, -1})
                .line("b", new double[] {0, 1, 2}, new double[] {0, 1, 0}, Style.dashed(1))
                .band("±ε", new double[] {0, 2}, new double[] {-0.1, -0.1}, new double[] {0.1, 0.1}, Palette.GREY)
                .horizontal("λ₁ = 0", 0, Style.dashed(Palette.BLACK));
    }

    @Test
    void sameChartsGiveTheSameBytes() {
        assertEquals(SvgFigure.svg("fig", chart()), SvgFigure.svg("fig", chart()));
        assertEquals(SvgFigure.grid("g", 2, 300, 200, List.of(chart(), chart())),
                SvgFigure.grid("g", 2, 300, 200, List.of(chart(), chart())));
    }

    @Test
    void everyDefsIdCarriesThePrefix() {
        String svg = SvgFigure.svg("decay", chart());
        Matcher ids = Pattern.compile("id=['\"]([^'\"]+)['\"]").matcher(svg);
        int n = 0;
        while (ids.find()) {
            assertTrue(ids.group(1).startsWith("decay-"), ids.group(1));
            n++;
        }
        assertTrue(n > 0, "JFreeSVG writes clip-path ids");
        assertNotEquals(svg, SvgFigure.svg("other", chart()), "the prefix is part of the output");
    }

    @Test
    void labelsAreWrittenAsUnicodeTextWithAFontFallback() {
        String svg = SvgFigure.svg("fig", chart());
        assertTrue(svg.contains(">step t of ∂L/∂hₜ<"), "axis label kept as text");
        assertFalse(svg.contains("''"), "no quote inside the single-quoted style attributes");
        assertTrue(svg.contains("λ₁ = 0") && svg.contains("±ε"), "legend entries of the reference line and the band");
        assertTrue(svg.contains(SvgFigure.FONT_LIST), "font list with generic fallback");
    }

    @Test
    void coloursWidthsAndDashesReachTheSvg() {
        String svg = SvgFigure.svg("fig", new Chart("x", "y")
                .line("wide grey", new double[] {0, 1}, new double[] {0, 1}, Style.solid(Palette.GREY).withWidth(7f))
                .line("dashed blue", new double[] {0, 1}, new double[] {1, 0}, Style.dashed(1)));
        assertTrue(svg.contains("stroke-width:7.0;stroke:rgb(86,101,115)"), "grey, 7 units wide");
        assertTrue(svg.contains("stroke:rgb(36,113,163)") && svg.contains("stroke-dasharray:6.0,4.0"), "blue, dashed");
    }

    @Test
    void gridHasTheSizeOfItsPanels() {
        String svg = SvgFigure.grid("g", 3, 200, 150, List.of(chart(), chart(), chart(), chart()));
        assertTrue(svg.contains("width='600.0'") && svg.contains("height='300.0'"), svg.substring(0, 300));
    }

    @Test
    void gridPlacesPanelsLeftToRightThenTopToBottom() {
        List<Chart> panels = List.of(titled("P0"), titled("P1"), titled("P2"));
        String svg = SvgFigure.grid("g", 2, 300, 200, panels);
        assertTrue(svg.contains("width='600.0' height='400.0'"), "three panels in rows of two: 2 × 2 cells");
        // each chart paints its white background over its whole cell first
        Matcher cells = Pattern.compile("<rect x='([-0-9.]+)' y='([-0-9.]+)' width='300.0' height='200.0'").matcher(svg);
        List<String> origins = new java.util.ArrayList<>();
        while (cells.find()) {
            origins.add(cells.group(1) + "," + cells.group(2));
        }
        assertEquals(List.of("0.0,0.0", "300.0,0.0", "0.0,200.0"), origins);
        // and each title is centred in its own cell: P1 one cell right of P0, P2 one cell below
        double[] p0 = titleAt(svg, "P0");
        double[] p1 = titleAt(svg, "P1");
        double[] p2 = titleAt(svg, "P2");
        assertEquals(300, p1[0] - p0[0], 1e-9);
        assertEquals(0, p1[1] - p0[1], 1e-9);
        assertEquals(0, p2[0] - p0[0], 1e-9);
        assertEquals(200, p2[1] - p0[1], 1e-9);
        assertTrue(SvgFigure.grid("g", 5, 300, 200, panels).contains("width='900.0' height='200.0'"),
                "fewer panels than columns: one row, only as wide as the panels");
    }

    private static Chart titled(String title) {
        return new Chart("x", "y").title(title).line("a", new double[] {0, 1}, new double[] {0, 1});
    }

    private static double[] titleAt(String svg, String title) {
        Matcher m = Pattern.compile("<text x='([-0-9.]+)' y='([-0-9.]+)'[^>]*>" + title + "</text>").matcher(svg);
        assertTrue(m.find(), title);
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
    }

    @Test
    void aBandIsAFilledTranslucentShape() {
        String withBand = SvgFigure.svg("fig", chart());
        String without = SvgFigure.svg("fig", new Chart("x", "y").line("a", new double[] {0, 1}, new double[] {0, 1}));
        assertTrue(withBand.contains("fill:rgb(86,101,115);fill-opacity:0.219"), "the band: grey at alpha 0.22");
        assertFalse(without.contains("fill-opacity:0.219"), "no band, no translucent fill");
    }

    @Test
    void nonFiniteValuesLeaveAGapInsteadOfFailing() {
        double[] x = {0, 1, 2, 3};
        String gap = SvgFigure.svg("fig", new Chart("x", "y").line("a", x, new double[] {0, Double.NaN, 1, 2}));
        String full = SvgFigure.svg("fig", new Chart("x", "y").line("a", x, new double[] {0, 0.5, 1, 2}));
        assertNotEquals(gap, full);
        assertFalse(gap.contains("NaN"), "no NaN coordinates in the SVG");
    }

    @Test
    void badInputIsRejectedWithItsName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Chart("x", "y").line("s", new double[] {0}, new double[] {0, 1}));
        assertTrue(e.getMessage().contains("s") && e.getMessage().contains("1 and 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SvgFigure.svg("bad prefix", chart()));
        assertThrows(IllegalArgumentException.class, () -> new Chart("x", "y").yRange(1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Chart("x", "y").horizontal("h", Double.NaN, Style.auto()));
        assertThrows(IllegalArgumentException.class, () -> SvgFigure.grid("g", 0, 10, 10, List.of(chart())));
        assertThrows(IllegalArgumentException.class, () -> Style.auto().withWidth(0));
        assertThrows(IllegalArgumentException.class, () -> Palette.colour(-1));
    }

    @Test
    void writingLeavesOnlyTheFinishedFile(@TempDir Path dir) throws Exception {
        Path file = SvgFigure.write(dir.resolve("sub/fig.svg"), SvgFigure.svg("fig", chart()));
        assertEquals(SvgFigure.svg("fig", chart()), Files.readString(file));
        try (Stream<Path> s = Files.list(file.getParent())) {
            assertEquals(List.of(file), s.toList());
        }
    }

    @Test
    void indexHelpersMatchTheirContract() {
        assertArrayEquals(new double[] {1, 2, 3}, PlotData.oneTo(3));
        assertArrayEquals(new int[] {0, 5, 9}, PlotData.evenlySpread(10, 3));
        assertArrayEquals(new int[] {0, 1}, PlotData.evenlySpread(2, 5));
        assertArrayEquals(new int[] {0}, PlotData.evenlySpread(7, 1));
    }

    @Test
    void subscriptWritesEveryDigitBelowTheLine() {
        assertEquals("₀", PlotData.subscript(0));
        assertEquals("₁₂", PlotData.subscript(12));
        assertEquals("₉₀₇₈", PlotData.subscript(9078));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlotData.subscript(-1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
    }

    @Test
    void paletteWrapsAround() {
        assertEquals(Palette.colour(0), Palette.colour(Palette.size()));
    }
}
