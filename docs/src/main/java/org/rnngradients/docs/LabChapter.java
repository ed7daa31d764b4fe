package org.rnngradients.docs;

import org.rnngradients.cells.CellKind;

/** Numbers and the headline figure of the lab in the BPTT chapter (text 002). */
public final class LabChapter {

    /** The three lines of the headline figure, in the order they are drawn. */
    static final CellKind[] KINDS = {CellKind.RNN_TANH, CellKind.GRU, CellKind.LSTM};
    static final String[] NAMES = {"vanilla tanh RNN", "GRU", "LSTM"};
    static final String[] KEYS = {"vanilla", "gru", "lstm"};

    /** Adds the lab's attributes (rates, norms at t = 20) and the figure {@code lab-gradient-norms.svg}. */
    public void contribute(Attributes a, Figures f) {
        SvgCharts chart = new SvgCharts("lab-gradient-norms", "step t (loss at t = " + Lab.T + ")",
                "log10 of the norm of dL_T/dh_t");
        for (int k = 0; k < KINDS.length; k++) {
            double[] p = Lab.meanLog10Profile(KINDS[k]);
            double[] t = new double[p.length];
            for (int i = 0; i < t.length; i++) {
                t[i] = i + 1;
            }
            chart.add(new SvgCharts.Series(NAMES[k], t, p));
            a.put("lab-" + KEYS[k] + "-rate", Formats.fixed(Lab.ordersLostPerTenSteps(p), 2));
            a.put("lab-" + KEYS[k] + "-log10-at-20", Formats.fixed(p[19] - p[Lab.T - 1], 1));
        }
        a.put("lab-t", Integer.toString(Lab.T));
        a.put("lab-hidden", Integer.toString(Lab.HIDDEN));
        a.put("lab-input", Integer.toString(Lab.INPUT));
        a.put("lab-seeds", Integer.toString(Lab.SEEDS));
        f.write(chart);
    }
}
