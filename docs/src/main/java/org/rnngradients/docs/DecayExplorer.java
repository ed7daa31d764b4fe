package org.rnngradients.docs;

import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.rnngradients.analysis.plot.Chart;
import org.rnngradients.analysis.plot.Style;
import org.rnngradients.bptt.AdjointProfiler;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.Sequence;
import org.rnngradients.bptt.loss.MeanSquaredError;
import org.rnngradients.cells.CellKind;
import org.rnngradients.cells.Cells;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.linalg.Initialiser;
import org.rnngradients.linalg.RandomMatrices;
import org.rnngradients.linalg.RandomSource;

/**
 * The data of the interactive figure: for recurrent gains g (an orthogonal W_hh times g, so ρ(W_hh) = g) the
 * measured decay log₁₀(‖∂L/∂h_{T−k}‖ / ‖∂L/∂h_T‖) of a driven tanh RNN against k, next to the linear prediction
 * k·log₁₀ g. The page's script lets the reader pick g and the horizon; without scripts the static figure shows
 * three gains.
 */
public final class DecayExplorer {

    /** Gains offered by the slider: 0.50, 0.55, …, 1.50. */
    static final double[] GAINS = gains(0.5, 0.05, 21);
    /** Length of the measured sequences; the slider's horizon runs up to {@code STEPS − 1}. */
    static final int STEPS = 100;
    static final int HIDDEN = 32;
    static final int INPUT = 8;
    static final int SEEDS = 4;
    /** Gains drawn in the static figure. */
    static final double[] STATIC_GAINS = {0.8, 1.0, 1.2};

    private static double[] gains(double first, double step, int n) {
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = Math.round((first + i * step) * 100) / 100.0;
        }
        return g;
    }

    // tag::decay-explorer-profile[]
    /** log₁₀‖∂L/∂h_{T−k}‖ − log₁₀‖∂L/∂h_T‖ for k = 0..T−1, one loss at the last step, mean over seeds. */
    static double[] measured(double gain) {
        double[] mean = new double[STEPS];
        for (int s = 0; s < SEEDS; s++) {
            RandomSource random = RandomSource.seeded(500 + s);
            RecurrentCell cell = CellKind.RNN_TANH.create(INPUT, HIDDEN);
            Cells.initialise(cell, Initialiser.orthogonal(gain), Initialiser.pytorchDefault(HIDDEN), random.fork("init"));
            DMatrixRMaj[] inputs = new DMatrixRMaj[STEPS];
            for (int t = 0; t < STEPS; t++) {
                inputs[t] = RandomMatrices.gaussian(INPUT, 1, random);
            }
            RnnModel model = new RnnModel(cell, new MeanSquaredError());
            Sequence sequence = Sequence.lastStep(inputs, RandomMatrices.gaussian(HIDDEN, 1, random));
            double[] p = new AdjointProfiler().profile(model, sequence, null).log10Norms();
            for (int k = 0; k < STEPS; k++) {
                mean[k] += (p[STEPS - 1 - k] - p[STEPS - 1]) / SEEDS;
            }
        }
        return mean;
    }
    // end::decay-explorer-profile[]

    /** The embedded data: gains, steps and one measured curve per gain, four decimals, fixed locale. */
    static String json() {
        StringBuilder sb = new StringBuilder("{\"steps\":").append(STEPS).append(",\"gains\":[");
        for (int i = 0; i < GAINS.length; i++) {
            sb.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.2f", GAINS[i]));
        }
        sb.append("],\"measured\":[");
        for (int i = 0; i < GAINS.length; i++) {
            double[] m = measured(GAINS[i]);
            sb.append(i == 0 ? "[" : ",[");
            for (int k = 0; k < m.length; k++) {
                sb.append(k == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.4f", m[k]));
            }
            sb.append(']');
        }
        return sb.append("]}").toString();
    }

    /** The controls and the data under the static figure; the script {@code js/decay-explorer.js} wires them up. */
    static String controls() {
        int middle = GAINS.length / 2;
        return "<div class=\"explorer\" id=\"decay-explorer\" data-figure=\"fig-decay-explorer\" hidden>\n"
                + "<div class=\"explorer-row\"><label for=\"decay-explorer-gain\">gain g = ρ(W<sub>hh</sub>): "
                + "<output id=\"decay-explorer-gain-value\">" + String.format(Locale.ROOT, "%.2f", GAINS[middle])
                + "</output></label>\n<input type=\"range\" id=\"decay-explorer-gain\" min=\"0\" max=\""
                + (GAINS.length - 1) + "\" step=\"1\" value=\"" + middle + "\"></div>\n"
                + "<div class=\"explorer-row\"><label for=\"decay-explorer-horizon\">steps back T: "
                + "<output id=\"decay-explorer-horizon-value\">50</output></label>\n<input type=\"range\" "
                + "id=\"decay-explorer-horizon\" min=\"5\" max=\"" + (STEPS - 1) + "\" step=\"1\" value=\"50\"></div>\n"
                + "<p class=\"explorer-readout\" id=\"decay-explorer-readout\" aria-live=\"polite\"></p>\n"
                + "</div>\n<script type=\"application/json\" id=\"decay-explorer-data\">" + json() + "</script>";
    }

    /** Adds the static figure (three gains) with the controls and data of the interactive one. */
    public void contribute(Attributes a, Figures f) {
        Chart chart = new Chart("steps back k", "log₁₀ of the norm, relative to k = 0");
        double[] k = new double[STEPS];
        for (int i = 0; i < STEPS; i++) {
            k[i] = i;
        }
        for (int c = 0; c < STATIC_GAINS.length; c++) {
            double g = STATIC_GAINS[c];
            double[] line = new double[STEPS];
            for (int i = 0; i < STEPS; i++) {
                line[i] = i * Math.log10(g);
            }
            chart.line("ρᵏ, g = " + g, k, line, Style.dashed(c));
            chart.line("tanh RNN, g = " + g, k, measured(g), Style.solid(c));
        }
        f.chart(DecayExplorer.class, "decay-explorer", "Linear prediction and measured decay for three gains", chart)
                .html(controls())
                .sameQuantity("The measured decay for one network and one gain",
                        "profile --cell rnn-tanh --init orthogonal --gain 0.8 --hidden " + HIDDEN + " --input-size " + INPUT
                                + " --steps " + STEPS + " --out decay-g0.8");
        a.put("explorer-steps", Integer.toString(STEPS));
        a.put("explorer-hidden", Integer.toString(HIDDEN));
        a.put("explorer-seeds", Integer.toString(SEEDS));
        a.put("explorer-gain-low", Formats.fixed(GAINS[0], 2));
        a.put("explorer-gain-high", Formats.fixed(GAINS[GAINS.length - 1], 2));
        a.put("explorer-static-gains", Formats.fixed(STATIC_GAINS[0], 1) + ", " + Formats.fixed(STATIC_GAINS[1], 1) + " and "
                + Formats.fixed(STATIC_GAINS[2], 1));
    }
}
