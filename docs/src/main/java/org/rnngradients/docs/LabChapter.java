package org.rnngradients.docs;

import org.rnngradients.analysis.plot.Chart;
import org.rnngradients.analysis.plot.Style;
import org.rnngradients.cells.CellKind;

/** Numbers and the headline figure of the lab in the BPTT chapter (text 002). */
public final class LabChapter {

    /** The three lines of the headline figure, in the order they are drawn. */
    static final CellKind[] KINDS = {CellKind.RNN_TANH, CellKind.GRU, CellKind.LSTM};
    static final String[] NAMES = {"vanilla tanh RNN", "GRU", "LSTM"};
    static final String[] KEYS = {"vanilla", "gru", "lstm"};
    /** The bias added to the gate that keeps the state, for the dashed lines (the LSTM forget-gate bias of 1 or more). */
    static final double KEEP_BIAS = 1;
    /** Keep-gate biases of the rate table. */
    static final double[] BIASES = {0, 1, 2, 3};

    /** Orders of magnitude between the norm at the loss (t = T) and at t = 20: a positive number. */
    static double ordersLostAt20(double[] log10Profile) {
        return log10Profile[Lab.T - 1] - log10Profile[19];
    }

    /** Adds the lab's attributes (rates, norms at t = 20) and the figure {@code lab-gradient-norms.svg}. */
    public void contribute(Attributes a, Figures f) {
        Chart chart = new Chart("step t (the loss is at t = " + Lab.T + ")", "log₁₀ ‖∂L/∂hₜ‖");
        for (int k = 0; k < KINDS.length; k++) {
            double[] p = Lab.meanLog10Profile(KINDS[k]);
            double[] t = new double[p.length];
            for (int i = 0; i < t.length; i++) {
                t[i] = i + 1;
            }
            chart.line(NAMES[k], t, p, Style.solid(k));
            a.put("lab-" + KEYS[k] + "-rate", Formats.fixed(Lab.ordersLostPerTenSteps(p), 2));
            a.put("lab-" + KEYS[k] + "-orders-lost-at-20", Formats.fixed(ordersLostAt20(p), 1));
        }
        for (int k = 1; k < KINDS.length; k++) {
            double[] p = Lab.meanLog10Profile(KINDS[k], KEEP_BIAS);
            double[] t = new double[p.length];
            for (int i = 0; i < t.length; i++) {
                t[i] = i + 1;
            }
            chart.line(NAMES[k] + ", keep-gate bias " + Formats.fixed(KEEP_BIAS, 0), t, p, Style.dashed(k));
        }
        a.put("lab-keep-bias", Formats.fixed(KEEP_BIAS, 0));
        for (double b : BIASES) {
            for (int k = 1; k < KINDS.length; k++) {
                a.put("lab-" + KEYS[k] + "-bias" + (int) b + "-rate",
                        Formats.fixed(Lab.ordersLostPerTenSteps(Lab.meanLog10Profile(KINDS[k], b)), 2));
            }
        }
        a.put("lab-t", Integer.toString(Lab.T));
        a.put("lab-hidden", Integer.toString(Lab.HIDDEN));
        a.put("lab-input", Integer.toString(Lab.INPUT));
        a.put("lab-seeds", Integer.toString(Lab.SEEDS));
        f.chart(LabChapter.class, "lab-gradient-norms", "Gradient norm against time step for three cells", chart)
                .sameQuantity("The same measurement on the agreement task (recorded in "
                        + "link:data/profile-agreement-T50/profiles.csv[profile-agreement-T50/profiles.csv])",
                        "profiles --task agreement --steps " + Lab.T + " --out profile-agreement-T50");
    }
}
