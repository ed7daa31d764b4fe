package org.rnngradients.docs;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.analysis.CellTrajectory;
import org.rnngradients.analysis.HenonMap;
import org.rnngradients.analysis.InputSequence;
import org.rnngradients.analysis.LyapunovResult;
import org.rnngradients.analysis.LyapunovSpectrum;
import org.rnngradients.analysis.Regime;
import org.rnngradients.cells.CellKind;
import org.rnngradients.cells.Cells;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.linalg.Initialiser;
import org.rnngradients.linalg.RandomMatrices;
import org.rnngradients.linalg.RandomSource;

/** Lyapunov spectra of autonomous tanh RNNs with W ~ N(0, g²/N), and the Hénon check. */
public final class LyapunovChapter {

    static final int N = 32;
    static final double[] GAINS = {0.5, 1.0, 1.5, 2.0, 3.0};

    // tag::tanh-rnn-spectrum[]
    /** The full spectrum (nats/step) of the autonomous tanh RNN h ← tanh(W h), W ~ N(0, g²/N). */
    public static LyapunovResult spectrum(double g, long seed) {
        RandomSource random = RandomSource.seeded(seed);
        RecurrentCell cell = CellKind.RNN_TANH.create(1, N);
        Cells.initialise(cell, Initialiser.scaledGaussian(g), Initialiser.zeros(), random);
        DMatrixRMaj h0 = RandomMatrices.gaussian(N, 1, random);
        CellTrajectory trajectory = new CellTrajectory(cell, InputSequence.constant(new DMatrixRMaj(1, 1)), h0);
        return new LyapunovSpectrum(N, 500, 3000, 10).compute(trajectory);
    }
    // end::tanh-rnn-spectrum[]

    /** Adds the spectra figure and the largest exponents and regimes per gain, plus the Hénon exponents. */
    public void contribute(Attributes a, Figures f) {
        SvgCharts chart = new SvgCharts("lyapunov-spectra", "exponent index i", "lambda_i (nats per step)");
        for (double g : GAINS) {
            LyapunovResult r = spectrum(g, 71);
            double[] x = new double[N];
            for (int i = 0; i < N; i++) {
                x[i] = i + 1;
            }
            chart.add(new SvgCharts.Series("g = " + g, x, r.exponents()));
            String key = "lyap-g" + Math.round(g * 10);
            a.put(key + "-largest", Formats.fixed(r.largest(), 3));
            a.put(key + "-regime", Regime.of(r.largest()).name().toLowerCase(java.util.Locale.ROOT));
        }
        f.write(chart);
        LyapunovResult henon = new LyapunovSpectrum(2, 1000, 100_000, 1).compute(HenonMap.classical());
        a.put("henon-l1", Formats.fixed(henon.exponents()[0], 3));
        a.put("henon-l2", Formats.fixed(henon.exponents()[1], 3));
        a.put("henon-sum", Formats.fixed(henon.sum(), 4));
        a.put("ln-03", Formats.fixed(Math.log(0.3), 4));
        a.put("lyap-n", Integer.toString(N));
    }
}
