package org.rnngradients.docs;

import java.util.List;
import org.rnngradients.analysis.BoundVersusActual;
import org.rnngradients.analysis.JacobianConstructions;
import org.rnngradients.analysis.JacobianProduct;
import org.rnngradients.analysis.plot.Chart;
import org.rnngradients.analysis.plot.Palette;
import org.rnngradients.analysis.plot.Style;
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
        double[] range = commonRange(aligned, misaligned);
        f.grid(ProductChapter.class, "bound-versus-actual", "Bound versus actual product norm", 2, 360, 420, List.of(
                panel("aligned singular vectors", aligned, range), panel("independent random singular vectors", misaligned, range)))
                .noCommand("the two Jacobian sequences are constructions of the analysis library "
                        + "(`JacobianConstructions.aligned` and `misaligned`) that no command exposes; the class that draws the figure holds the whole recipe.");
        a.putAdoc("bound-aligned-gap", Formats.adoc(aligned.logRatio()[0] / Math.log(10), 2));
        a.put("bound-misaligned-gap", Formats.fixed(misaligned.logRatio()[0] / Math.log(10), 1));
        a.put("bound-n", Integer.toString(N));
        a.put("bound-steps", Integer.toString(STEPS));
    }

    /** One panel: the bound as a wide grey line, the actual norm as a thin one on top of it. */
    private static Chart panel(String title, BoundVersusActual b, double[] range) {
        return new Chart("steps back, T − t", "log₁₀ norm").title(title).yRange(range[0], range[1])
                .line("bound ∏ ‖Jₜ‖", stepsBack(b.logBound()), log10(b.logBound()), Style.solid(Palette.GREY).withWidth(7f))
                .line("actual ‖∏ Jₜ‖", stepsBack(b.logActual()), log10(b.logActual()), Style.solid(0));
    }

    private static double[] commonRange(BoundVersusActual... all) {
        double lo = 0;
        double hi = 0;
        for (BoundVersusActual b : all) {
            for (double[] logs : new double[][] {b.logBound(), b.logActual()}) {
                for (double v : log10(logs)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        double pad = 0.05 * (hi - lo);
        return new double[] {lo - pad, hi + pad};
    }

    private static double[] stepsBack(double[] logs) {
        double[] x = new double[logs.length];
        for (int t = 0; t < logs.length; t++) {
            x[t] = logs.length - 1 - t;
        }
        return x;
    }

    private static double[] log10(double[] logs) {
        double[] y = new double[logs.length];
        for (int t = 0; t < logs.length; t++) {
            y[t] = logs[t] / Math.log(10);
        }
        return y;
    }
}
