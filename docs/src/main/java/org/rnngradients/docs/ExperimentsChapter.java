package org.rnngradients.docs;

import org.rnngradients.analysis.plot.Chart;

/** Figures and numbers of the experiments chapter computed at build time (truncation bias). */
public final class ExperimentsChapter {

    static final double[] GAINS = {0.5, 1.0, 1.5};

    /** Adds the truncation-bias figure and its numbers. */
    public void contribute(Attributes a, Figures f) {
        Chart chart = new Chart("truncation window k", "log₁₀ relative bias").markers();
        double[] x = new double[TruncationExperiment.WINDOWS.length - 1];
        for (int i = 0; i < x.length; i++) {
            x[i] = TruncationExperiment.WINDOWS[i];
        }
        for (double g : GAINS) {
            double[] bias = TruncationExperiment.relativeBias(g, 81);
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = Math.log10(bias[i]);
            }
            chart.line("orthogonal Wₕₕ, gain " + g, x, y);
            String key = "tbptt-g" + Math.round(g * 10);
            a.putAdoc(key + "-k1", Formats.adoc(bias[0], 2));
            a.putAdoc(key + "-k10", Formats.adoc(bias[5], 2));
            a.putAdoc(key + "-k30", Formats.adoc(bias[8], 2));
            a.putAdoc(key + "-full", Formats.adoc(bias[bias.length - 1], 2));
        }
        a.put("tbptt-gains", java.util.Arrays.stream(GAINS).mapToObj(g -> Formats.fixed(g, 1))
                .collect(java.util.stream.Collectors.joining(", ")));
        a.put("tbptt-t", Integer.toString(TruncationExperiment.T));
        a.put("tbptt-hidden", Integer.toString(TruncationExperiment.HIDDEN));
        f.chart(ExperimentsChapter.class, "truncation-bias", "Truncation bias against window", chart)
                .sameQuantity("The bias on the adding problem", "truncation --steps 100");
    }
}
