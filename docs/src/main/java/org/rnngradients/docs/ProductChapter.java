package org.rnngradients.docs;

import org.rnngradients.analysis.BoundVersusActual;
import org.rnngradients.analysis.JacobianConstructions;
import org.rnngradients.analysis.JacobianProduct;
import org.rnngradients.linalg.RandomSource;

/** The figure and numbers of the product-bound chapter (text 003): bound against actual norm. */
public final class ProductChapter {

    static final int N = 8;
    static final int STEPS = 40;

    /** ln(bound/actual) at t = 0 for the aligned and the misaligned construction, and the figure. */
    public void contribute(Attributes a, Figures f) {
        BoundVersusActual aligned = BoundVersusActual.of(JacobianProduct.record(
                JacobianConstructions.aligned(N, STEPS, 0.5, 1.2, RandomSource.seeded(61)), STEPS));
        BoundVersusActual misaligned = BoundVersusActual.of(JacobianProduct.record(
                JacobianConstructions.misaligned(N, STEPS, 0.5, 1.2, RandomSource.seeded(62)), STEPS));
        SvgCharts chart = new SvgCharts("bound-versus-actual", "steps back from T, T - t", "log10 of the norm");
        add(chart, "aligned: bound", aligned.logBound(), true, 0);
        add(chart, "aligned: actual", aligned.logActual(), false, 0);
        add(chart, "misaligned: bound", misaligned.logBound(), true, 1);
        add(chart, "misaligned: actual", misaligned.logActual(), false, 1);
        f.write(chart);
        a.putAdoc("bound-aligned-gap", Formats.adoc(aligned.logRatio()[0] / Math.log(10), 2));
        a.put("bound-misaligned-gap", Formats.fixed(misaligned.logRatio()[0] / Math.log(10), 1));
        a.put("bound-n", Integer.toString(N));
        a.put("bound-steps", Integer.toString(STEPS));
    }

    private static void add(SvgCharts chart, String name, double[] logs, boolean dashed, int colour) {
        int steps = logs.length - 1;
        double[] x = new double[logs.length];
        double[] y = new double[logs.length];
        for (int t = 0; t <= steps; t++) {
            x[t] = steps - t;
            y[t] = logs[t] / Math.log(10);
        }
        chart.add(new SvgCharts.Series(name, x, y, dashed, colour));
    }
}
