package org.rnngradients.docs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.rnngradients.analysis.cli.csv.CsvTable;
import org.rnngradients.analysis.plot.Chart;
import org.rnngradients.analysis.plot.Palette;
import org.rnngradients.analysis.plot.Style;

/**
 * Pascanu, Mikolov and Bengio's cliff, from the CLI's {@code cliff} run ({@code docs/src/data/pascanu-cliff}): the
 * loss of the one-unit sigmoid RNN over (w, b) drawn as contour lines (marching squares on the recorded grid), and
 * the gradient-descent paths with and without clipping on top.
 */
final class CliffFigure {

    static final String RUN = "pascanu-cliff";
    /** Contour levels of the loss E. */
    static final double[] LEVELS = {0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.45};

    private CliffFigure() {
    }

    /** The loss on the grid: {w values, b values, E[w][b]}. */
    record Surface(double[] w, double[] b, double[][] loss) {
    }

    static Surface surface(Path data) throws IOException {
        CsvTable t = CsvTable.read(data.resolve(RUN).resolve("surface.csv"));
        TreeSet<Double> ws = new TreeSet<>();
        TreeSet<Double> bs = new TreeSet<>();
        for (int r = 0; r < t.size(); r++) {
            ws.add(t.number(r, "w"));
            bs.add(t.number(r, "b"));
        }
        double[] w = ws.stream().mapToDouble(Double::doubleValue).toArray();
        double[] b = bs.stream().mapToDouble(Double::doubleValue).toArray();
        double[][] e = new double[w.length][b.length];
        for (int r = 0; r < t.size(); r++) {
            e[java.util.Arrays.binarySearch(w, t.number(r, "w"))][java.util.Arrays.binarySearch(b, t.number(r, "b"))] = t.number(r, "loss");
        }
        return new Surface(w, b, e);
    }

    /**
     * The contour segments of {@code level} as one polyline with gaps: x, y pairs, a NaN y after each segment.
     * Each grid cell contributes the crossings on its four edges, paired in edge order.
     */
    static double[][] contour(Surface s, double level) {
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i + 1 < s.w().length; i++) {
            for (int j = 0; j + 1 < s.b().length; j++) {
                double[][] corner = {
                    {s.w()[i], s.b()[j], s.loss()[i][j]}, {s.w()[i + 1], s.b()[j], s.loss()[i + 1][j]},
                    {s.w()[i + 1], s.b()[j + 1], s.loss()[i + 1][j + 1]}, {s.w()[i], s.b()[j + 1], s.loss()[i][j + 1]}};
                List<double[]> cross = new ArrayList<>();
                for (int k = 0; k < 4; k++) {
                    double[] p = corner[k];
                    double[] q = corner[(k + 1) % 4];
                    if ((p[2] < level) != (q[2] < level)) {
                        double a = (level - p[2]) / (q[2] - p[2]);
                        cross.add(new double[] {p[0] + a * (q[0] - p[0]), p[1] + a * (q[1] - p[1])});
                    }
                }
                for (int k = 0; k + 1 < cross.size(); k += 2) {
                    pts.add(cross.get(k));
                    pts.add(cross.get(k + 1));
                    pts.add(new double[] {cross.get(k + 1)[0], Double.NaN});
                }
            }
        }
        return new double[][] {pts.stream().mapToDouble(p -> p[0]).toArray(), pts.stream().mapToDouble(p -> p[1]).toArray()};
    }

    /** The paths of one clipping setting ("none" or the other), joined with gaps: {w, b}. */
    static double[][] paths(CsvTable t, boolean clipped) {
        List<double[]> pts = new ArrayList<>();
        String start = null;
        for (int r = 0; r < t.size(); r++) {
            if (t.text(r, "clipping").equals("none") == clipped) {
                continue;
            }
            if (start != null && !start.equals(t.text(r, "start"))) {
                pts.add(new double[] {pts.get(pts.size() - 1)[0], Double.NaN});
            }
            start = t.text(r, "start");
            pts.add(new double[] {t.number(r, "w"), t.number(r, "b")});
        }
        return new double[][] {pts.stream().mapToDouble(p -> p[0]).toArray(), pts.stream().mapToDouble(p -> p[1]).toArray()};
    }

    /** Draws the figure when the run is recorded; returns the AsciiDoc that places it, or a sentence saying it is missing. */
    static String render(Path data, Figures f) throws IOException {
        if (!RunManifest.finished(data, RUN)) {
            return "The cliff run (`" + RUN + "`) had not been recorded when this book was built.\n\n";
        }
        Surface s = surface(data);
        List<double[]> all = new ArrayList<>();
        for (double level : LEVELS) {
            double[][] c = contour(s, level);
            for (int i = 0; i < c[0].length; i++) {
                all.add(new double[] {c[0][i], c[1][i]});
            }
        }
        Chart chart = new Chart("w", "b").xRange(s.w()[0], s.w()[s.w().length - 1]).yRange(s.b()[0], s.b()[s.b().length - 1])
                .line("loss contours E = 0.02, 0.05, 0.1 … 0.45", all.stream().mapToDouble(p -> p[0]).toArray(),
                        all.stream().mapToDouble(p -> p[1]).toArray(), Style.solid(Palette.GREY).withWidth(0.8f));
        CsvTable t = CsvTable.read(data.resolve(RUN).resolve("trajectories.csv"));
        double[][] plain = paths(t, false);
        double[][] clipped = paths(t, true);
        chart.line("gradient descent, no clipping", plain[0], plain[1], Style.dashed(0).withMarkers())
             .line("gradient descent, clipped", clipped[0], clipped[1], Style.solid(1).withMarkers());
        Figure fig = f.chart(CliffFigure.class, "pascanu-cliff", "Loss contours of the one-unit RNN with descent paths", chart)
                .data("surface.csv", RunManifest.href(RUN, "surface.csv")).reproduce(RunManifest.command(data, RUN));
        return "[[fig-pascanu-cliff]]\n.The loss latexmath:[E(w, b)] of the one-unit RNN latexmath:[x_t = w\\,\\sigma(x_{t-1}) + b] "
                + "after 50 steps, as contour lines, with gradient descent from three starting points: dashed without clipping, "
                + "solid with the gradient's norm clipped. The contours bunch together along the wall.\n"
                + fig.include() + "\n[.figure-source]\nThe paths are in link:" + RunManifest.href(RUN, "trajectories.csv")
                + "[`trajectories.csv`].\n\n" + table(t);
    }

    /** Per start and setting: the longest step taken and the final loss. */
    static String table(CsvTable t) {
        java.util.Map<String, double[]> rows = new java.util.LinkedHashMap<>();
        java.util.Map<String, String> origin = new java.util.LinkedHashMap<>();
        for (int r = 0; r < t.size(); r++) {
            String key = t.text(r, "start") + "|" + t.text(r, "clipping");
            double[] v = rows.computeIfAbsent(key, k -> new double[2]);
            v[0] = Math.max(v[0], t.number(r, "step_length"));
            v[1] = t.number(r, "loss");
            origin.putIfAbsent(t.text(r, "start"), "(" + Formats.fixed(t.number(r, "w"), 1) + ", " + Formats.fixed(t.number(r, "b"), 1) + ")");
        }
        StringBuilder sb = new StringBuilder(".Descent on the cliff: the longest step and the final loss of each path\n"
                + "[%autowidth,options=\"header\"]\n|===\n| start (w, b) | no clipping: longest step | final E | clipped: longest step | final E\n");
        for (var e : origin.entrySet()) {
            double[] none = rows.get(e.getKey() + "|none");
            double[] clip = rows.entrySet().stream().filter(x -> x.getKey().startsWith(e.getKey() + "|") && !x.getKey().endsWith("|none"))
                    .map(java.util.Map.Entry::getValue).findFirst().orElseThrow();
            sb.append("| ").append(e.getValue()).append(" | ").append(Formats.fixed(none[0], 2)).append(" | ")
              .append(Formats.adoc(none[1], 2)).append(" | ").append(Formats.fixed(clip[0], 2)).append(" | ")
              .append(Formats.adoc(clip[1], 2)).append('\n');
        }
        return sb.append("|===\n\n").toString();
    }
}
