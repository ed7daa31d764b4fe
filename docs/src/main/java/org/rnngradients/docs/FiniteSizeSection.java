package org.rnngradients.docs;

import java.util.ArrayList;
import java.util.List;
import org.rnngradients.analysis.MeanFieldTheory;
import org.rnngradients.analysis.Regime;
import org.rnngradients.analysis.plot.Chart;
import org.rnngradients.analysis.plot.Palette;
import org.rnngradients.analysis.plot.Style;

/**
 * The finite-size section of the Lyapunov chapter: λ₁ against g for every recorded N with ± one standard error
 * and the mean-field curve, the crossing gain against N, the gated counterparts, and the table and numbers the
 * prose quotes. Everything comes from {@link FiniteSizeStudy}; a size that was not recorded is simply absent.
 */
final class FiniteSizeSection {

    static final String CELL = "rnn-tanh";
    /** The gain at which the book asks whether ρ(W) > 1 makes the network explode. */
    static final double PROBE_GAIN = 1.5;
    /** Zoom window of the per-N panels, around the transition. */
    static final double ZOOM_LOW = -0.12;
    static final double ZOOM_HIGH = 0.12;

    private final FiniteSizeStudy study;

    FiniteSizeSection(FiniteSizeStudy study) {
        this.study = study;
    }

    /** The mean-field λ_max on a fine grid of {@code [lo, hi]}: {x, y}. */
    static double[][] meanFieldCurve(double lo, double hi) {
        MeanFieldTheory theory = new MeanFieldTheory();
        int n = (int) Math.round((hi - lo) / 0.01) + 1;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = lo + 0.01 * i;
            y[i] = theory.largestExponent(x[i]);
        }
        return new double[][] {x, y};
    }

    /** Adds the figures and numbers; returns the generated table (AsciiDoc). */
    String contribute(Attributes a, Figures f) {
        List<Integer> sizes = study.sizes(CELL);
        if (sizes.isEmpty()) {
            throw new IllegalStateException("no finite-size sweep under docs/src/data/" + FiniteSizeStudy.TANH);
        }
        allSizes(f, sizes);
        perSize(f, sizes);
        crossings(f, sizes);
        gated(f);
        numbers(a, sizes);
        return table(sizes);
    }

    private static String sizeList(List<Integer> sizes) {
        return String.join(", ", sizes.stream().map(String::valueOf).toList());
    }

    private void allSizes(Figures f, List<Integer> sizes) {
        double[][] mf = meanFieldCurve(0.5, 3);
        Chart chart = new Chart("gain g", "λ₁ (nats per step)");
        int colour = 0;
        for (int n : sizes) {
            List<FiniteSizeStudy.Point> c = study.curve(CELL, n);
            chart.line("N = " + n, gains(c), means(c), Style.solid(colour++).withMarkers());
        }
        chart.line("mean field (N → ∞)", mf[0], mf[1], Style.dashed(Palette.BLACK).withWidth(2f))
             .horizontal("λ₁ = 0", 0, Style.dashed(Palette.GREY));
        f.chart(FiniteSizeSection.class, "lyapunov-finite-size", "Largest exponent against gain for every size", chart)
         .data("sweep summary", RunManifest.href(FiniteSizeStudy.TANH, "summary.csv"))
         .reproduce(study.command(FiniteSizeStudy.TANH));
    }

    private void perSize(Figures f, List<Integer> sizes) {
        double[][] mf = meanFieldCurve(0.8, 1.6);
        double eps = Regime.DEFAULT_EPSILON;
        List<Chart> panels = new ArrayList<>();
        int colour = 0;
        for (int n : sizes) {
            List<FiniteSizeStudy.Point> c = study.curve(CELL, n).stream()
                    .filter(p -> p.gain() >= 0.8 - 1e-9 && p.gain() <= 1.6 + 1e-9).toList();
            double[] g = gains(c);
            double[] m = means(c);
            double[] lo = new double[g.length];
            double[] hi = new double[g.length];
            for (int i = 0; i < g.length; i++) {
                lo[i] = m[i] - c.get(i).se();
                hi[i] = m[i] + c.get(i).se();
            }
            panels.add(new Chart("gain g", "λ₁").title("N = " + n).noLegend().xRange(0.8, 1.6)
                    .yRange(ZOOM_LOW, ZOOM_HIGH)
                    .band("±ε", new double[] {0.8, 1.6}, new double[] {-eps, -eps}, new double[] {eps, eps}, Palette.GREY)
                    .band("± one standard error", g, lo, hi, colour)
                    .line("mean of the networks", g, m, Style.solid(colour++).withMarkers())
                    .line("mean field", mf[0], mf[1], Style.dashed(Palette.BLACK)));
        }
        f.grid(FiniteSizeSection.class, "lyapunov-finite-size-panels", "Largest exponent near the transition per size",
                3, 240, 220, panels)
         .data("sweep summary", RunManifest.href(FiniteSizeStudy.TANH, "summary.csv"))
         .reproduce(study.command(FiniteSizeStudy.TANH));
    }

    private void crossings(Figures f, List<Integer> sizes) {
        Chart chart = new Chart("log₂ N", "gain where λ₁ first exceeds the threshold");
        double[] thresholds = {0, Regime.DEFAULT_EPSILON};
        String[] names = {"λ₁ > 0", "λ₁ > ε"};
        for (int k = 0; k < 2; k++) {
            List<double[]> rows = new ArrayList<>();
            for (int n : sizes) {
                FiniteSizeStudy.Crossing c = study.crossing(CELL, n, thresholds[k]);
                if (c != null && Double.isFinite(c.gain())) {
                    rows.add(new double[] {Math.log(n) / Math.log(2), c.gain(), c.se()});
                }
            }
            double[] x = rows.stream().mapToDouble(r -> r[0]).toArray();
            double[] y = rows.stream().mapToDouble(r -> r[1]).toArray();
            double[] lo = rows.stream().mapToDouble(r -> r[1] - r[2]).toArray();
            double[] hi = rows.stream().mapToDouble(r -> r[1] + r[2]).toArray();
            chart.band(names[k] + ", ± bootstrap SE", x, lo, hi, k)
                 .line(names[k] + ", mean curve", x, y, Style.solid(k).withMarkers());
        }
        chart.horizontal("mean field, λ = 0: g = 1", 1, Style.dashed(0))
             .horizontal("mean field, λ = ε: g = " + Formats.fixed(new MeanFieldTheory().gainForExponent(Regime.DEFAULT_EPSILON), 3),
                     new MeanFieldTheory().gainForExponent(Regime.DEFAULT_EPSILON), Style.dashed(1));
        f.chart(FiniteSizeSection.class, "lyapunov-crossing-vs-size", "Crossing gain against network size", chart)
         .data("crossings", RunManifest.href(FiniteSizeStudy.TANH, "crossings.csv"))
         .reproduce(study.command(FiniteSizeStudy.TANH));
    }

    private void gated(Figures f) {
        List<Chart> panels = new ArrayList<>();
        for (String cell : new String[] {"gru", "lstm"}) {
            Chart chart = new Chart("gain g", "λ₁ (nats per step)").title(cell.toUpperCase(java.util.Locale.ROOT))
                    .yRange(-0.6, 0.3);
            int colour = 0;
            for (int n : study.sizes(cell)) {
                List<FiniteSizeStudy.Point> c = study.curve(cell, n);
                double[] g = gains(c);
                double[] m = means(c);
                double[] lo = new double[g.length];
                double[] hi = new double[g.length];
                for (int i = 0; i < g.length; i++) {
                    lo[i] = m[i] - c.get(i).se();
                    hi[i] = m[i] + c.get(i).se();
                }
                chart.band("N = " + n + " ± SE", g, lo, hi, colour)
                     .line("N = " + n, g, m, Style.solid(colour++).withMarkers());
            }
            chart.horizontal("λ₁ = 0", 0, Style.dashed(Palette.BLACK));
            panels.add(chart);
        }
        if (study.sizes("gru").isEmpty()) {
            return;
        }
        f.grid(FiniteSizeSection.class, "lyapunov-finite-size-gated", "Largest exponent of GRU and LSTM networks", 2,
                360, 400, panels)
         .data("gated sweep summary", RunManifest.href(FiniteSizeStudy.GATED, "summary.csv"))
         .reproduce(study.command(FiniteSizeStudy.GATED));
    }

    static double[] gains(List<FiniteSizeStudy.Point> c) {
        return c.stream().mapToDouble(FiniteSizeStudy.Point::gain).toArray();
    }

    static double[] means(List<FiniteSizeStudy.Point> c) {
        return c.stream().mapToDouble(FiniteSizeStudy.Point::mean).toArray();
    }

    private String table(List<Integer> sizes) {
        StringBuilder sb = new StringBuilder();
        sb.append("[[table-finite-size]]\n.Random tanh networks by size: ρ(W) at latexmath:[g = 1], the gain where the mean ")
          .append("latexmath:[\\lambda_1] rises through 0 and through latexmath:[\\varepsilon] (± bootstrap standard error; ")
          .append("per network: mean ± SE of each network's own crossing), and the networks at latexmath:[g = ")
          .append(PROBE_GAIN).append("]\n")
          .append("[cols=\"1,1,2,2,2,2,1\",options=\"header\"]\n|===\n")
          .append("| N | mean ρ(W), g = 1 | λ₁ > 0 from g = | per network | λ₁ > ε from g = | λ₁ at g = ")
          .append(PROBE_GAIN).append(" | chaotic at g = ").append(PROBE_GAIN).append('\n');
        for (int n : sizes) {
            FiniteSizeStudy.Crossing zero = study.crossing(CELL, n, 0);
            FiniteSizeStudy.Crossing eps = study.crossing(CELL, n, Regime.DEFAULT_EPSILON);
            FiniteSizeStudy.Point p = study.at(CELL, n, PROBE_GAIN);
            double rho = study.radiusAtUnitGain(n);
            sb.append("| ").append(n).append(" | ").append(Double.isFinite(rho) ? Formats.fixed(rho, 3) : "–")
              .append(" | ").append(pm(zero == null ? Double.NaN : zero.gain(), zero == null ? Double.NaN : zero.se()))
              .append(" | ").append(pm(zero == null ? Double.NaN : zero.perNetwork(), zero == null ? Double.NaN : zero.perNetworkSe()))
              .append(" | ").append(pm(eps == null ? Double.NaN : eps.gain(), eps == null ? Double.NaN : eps.se()))
              .append(" | ").append(p == null ? "not run" : pm(p.mean(), p.se()))
              .append(" | ").append(p == null ? "–" : p.exploding() + " of " + p.networks()).append('\n');
        }
        MeanFieldTheory theory = new MeanFieldTheory();
        sb.append("| ∞ (mean field) | 1 | 1 | 1 | ")
          .append(Formats.fixed(theory.gainForExponent(Regime.DEFAULT_EPSILON), 3)).append(" | ")
          .append(Formats.fixed(theory.largestExponent(PROBE_GAIN), 3)).append(" | all\n|===\n");
        return sb.toString();
    }

    /** "1.234 ± 0.056", or "no crossing" when the curve never rose through the threshold. */
    static String pm(double value, double se) {
        if (!Double.isFinite(value)) {
            return "no crossing";
        }
        String error = !Double.isFinite(se) ? "–" : se >= 0.001 ? Formats.fixed(se, 3) : Formats.adoc(se, 1);
        return Formats.fixed(value, 3) + " ± " + error;
    }

    private void numbers(Attributes a, List<Integer> sizes) {
        int smallest = sizes.get(0);
        int largest = sizes.get(sizes.size() - 1);
        MeanFieldTheory theory = new MeanFieldTheory();
        a.put("fs-sizes", sizeList(sizes));
        a.put("fs-smallest-n", Integer.toString(smallest));
        a.put("fs-largest-n", Integer.toString(largest));
        a.put("fs-gains", Integer.toString(study.curve(CELL, smallest).size()));
        a.put("fs-networks", Integer.toString(study.curve(CELL, smallest).get(0).networks()));
        a.put("fs-probe-gain", Double.toString(PROBE_GAIN));
        a.put("fs-extra-run", sizes.contains(1024)
                ? "The networks of N = 1024, four times slower per step than those of 512, are a run of their own ("
                  + "`" + FiniteSizeStudy.TANH_1024 + "`) at " + study.curve(CELL, 1024).size() + " of the gains."
                : "The run at N = 1024 (`" + FiniteSizeStudy.TANH_1024 + "`) had not finished when this book was built.");
        a.put("fs-mean-field-eps-gain", Formats.fixed(theory.gainForExponent(Regime.DEFAULT_EPSILON), 3));
        a.put("fs-mean-field-probe", Formats.fixed(theory.largestExponent(PROBE_GAIN), 3));
        for (int n : new int[] {smallest, largest}) {
            String key = n == smallest ? "fs-small" : "fs-large";
            FiniteSizeStudy.Crossing zero = study.crossing(CELL, n, 0);
            FiniteSizeStudy.Crossing eps = study.crossing(CELL, n, Regime.DEFAULT_EPSILON);
            FiniteSizeStudy.Point p = study.at(CELL, n, PROBE_GAIN);
            a.putAdoc(key + "-cross-zero", pm(zero.gain(), zero.se()));
            a.putAdoc(key + "-cross-eps", pm(eps.gain(), eps.se()));
            a.putAdoc(key + "-cross-zero-per-network", pm(zero.perNetwork(), zero.perNetworkSe()));
            a.putAdoc(key + "-probe-mean", pm(p.mean(), p.se()));
            a.put(key + "-probe-chaotic", p.exploding() + " of " + p.networks());
        }
        FiniteSizeStudy.Crossing longEps = study.longRunCrossing(Regime.DEFAULT_EPSILON);
        FiniteSizeStudy.Crossing shortEps = study.crossing(CELL, 256, Regime.DEFAULT_EPSILON);
        if (longEps != null && shortEps != null) {
            a.putAdoc("fs-long-t-eps", pm(longEps.gain(), longEps.se()));
            a.putAdoc("fs-short-t-eps", pm(shortEps.gain(), shortEps.se()));
        }
        gatedNumbers(a);
    }

    private void gatedNumbers(Attributes a) {
        for (String cell : new String[] {"gru", "lstm"}) {
            List<Integer> n = study.sizes(cell);
            if (n.isEmpty()) {
                continue;
            }
            int small = n.get(0);
            int large = n.get(n.size() - 1);
            a.put("fs-" + cell + "-sizes", sizeList(n));
            a.put("fs-" + cell + "-small-n", Integer.toString(small));
            a.put("fs-" + cell + "-large-n", Integer.toString(large));
            FiniteSizeStudy.Crossing cs = study.crossing(cell, small, 0);
            FiniteSizeStudy.Crossing cl = study.crossing(cell, large, 0);
            a.putAdoc("fs-" + cell + "-small-cross", pm(cs.gain(), cs.se()));
            a.putAdoc("fs-" + cell + "-large-cross", pm(cl.gain(), cl.se()));
        }
    }
}
