package org.rnngradients.docs;

/** Numbers and figures of the multiplicative-decay chapter (text 001). */
public final class DecayChapter {

    /** Adds this chapter's attributes and figures. */
    public void contribute(Attributes a, Figures f) {
        a.put("pow-07-10", Formats.sig(Math.pow(0.7, 10), 3));
        a.putHtml("pow-07-20", Formats.sci(Math.pow(0.7, 20), 3));
        SvgCharts chart = new SvgCharts("geometric-decay", "steps k", "log₁₀ of ρᵏ");
        for (double rho : new double[] {0.9, 0.8, 0.7}) {
            double[] x = new double[101];
            double[] y = new double[101];
            // tag::decay-curve[]
            for (int k = 0; k <= 100; k++) {
                x[k] = k;
                y[k] = k * Math.log10(rho);
            }
            // end::decay-curve[]
            chart.add(new SvgCharts.Series("ρ = " + rho, x, y));
        }
        f.write(chart);
    }
}
