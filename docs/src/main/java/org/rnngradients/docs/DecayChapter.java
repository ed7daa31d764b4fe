package org.rnngradients.docs;

import org.rnngradients.analysis.plot.Chart;

/** Numbers and figures of the multiplicative-decay chapter (text 001). */
public final class DecayChapter {

    /** Adds this chapter's attributes and figures. */
    public void contribute(Attributes a, Figures f) {
        a.put("pow-07-10", Formats.sig(Math.pow(0.7, 10), 3));
        a.putHtml("pow-07-20", Formats.sci(Math.pow(0.7, 20), 3));
        Chart chart = new Chart("steps k", "log₁₀ ρᵏ");
        for (double rho : new double[] {0.9, 0.8, 0.7}) {
            double[] x = new double[101];
            double[] y = new double[101];
            // tag::decay-curve[]
            for (int k = 0; k <= 100; k++) {
                x[k] = k;
                y[k] = k * Math.log10(rho);
            }
            // end::decay-curve[]
            chart.line("ρ = " + rho, x, y);
        }
        f.chart(DecayChapter.class, "geometric-decay", "Geometric decay for three values of rho", chart)
                .noCommand("the curves are the closed form k·log₁₀ ρ; nothing is measured.");
        new DecayExplorer().contribute(a, f);
    }
}
