package org.rnngradients.docs;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.analysis.CellTrajectory;
import org.rnngradients.analysis.HenonMap;
import org.rnngradients.analysis.InputSequence;
import org.rnngradients.analysis.LyapunovResult;
import org.rnngradients.analysis.LyapunovSpectrum;
import org.rnngradients.analysis.Regime;
import org.rnngradients.analysis.plot.Chart;
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
        return new LyapunovSpectrum(N, 500, 2000, 1).compute(trajectory);
    }
    // end::tanh-rnn-spectrum[]

    /** The largest exponent alone (cheaper: one tangent vector) of the same network. */
    static double largest(double g, long seed) {
        return largest(Initialiser.scaledGaussian(g), seed);
    }

    /** The largest exponent of the autonomous tanh RNN whose recurrent matrix comes from {@code init}. */
    static double largest(Initialiser init, long seed) {
        RandomSource random = RandomSource.seeded(seed);
        RecurrentCell cell = CellKind.RNN_TANH.create(1, N);
        Cells.initialise(cell, init, Initialiser.zeros(), random);
        DMatrixRMaj h0 = RandomMatrices.gaussian(N, 1, random);
        CellTrajectory trajectory = new CellTrajectory(cell, InputSequence.constant(new DMatrixRMaj(1, 1)), h0);
        return new LyapunovSpectrum(1, 500, 3000, 10).compute(trajectory).largest();
    }

    /** The largest exponent averaged over the sweep's {@link #DRAWS} networks at gain {@code g}. */
    static double meanLargest(double g) {
        double mean = 0;
        for (int d = 0; d < DRAWS; d++) {
            mean += largest(g, 200 + d) / DRAWS;
        }
        return mean;
    }

    /** How many of the sweep's {@link #DRAWS} networks at gain {@code g} are exploding on their own. */
    static int chaoticCount(double g) {
        int count = 0;
        for (int d = 0; d < DRAWS; d++) {
            count += Regime.of(largest(g, 200 + d)) == Regime.EXPLODING ? 1 : 0;
        }
        return count;
    }

    /** ρ(W) averaged over the same networks as {@link #meanLargest}. */
    static double meanRecurrentRadius(double g) {
        double mean = 0;
        for (int d = 0; d < DRAWS; d++) {
            RecurrentCell cell = CellKind.RNN_TANH.create(1, N);
            Cells.initialise(cell, Initialiser.scaledGaussian(g), Initialiser.zeros(), RandomSource.seeded(200 + d));
            mean += org.rnngradients.linalg.Spectra.spectralRadius(cell.parameters().weightHh()) / DRAWS;
        }
        return mean;
    }

    /** {mean γ = ‖W‖·sup tanh′, mean ρ(W), mean λ₁} over {@link #DRAWS} tanh RNNs of size N initialised by {@code init}. */
    static double[] initialisationStudy(Initialiser init) {
        double[] out = new double[3];
        for (int d = 0; d < DRAWS; d++) {
            RecurrentCell cell = CellKind.RNN_TANH.create(1, N);
            Cells.initialise(cell, init, Initialiser.zeros(), RandomSource.seeded(300 + d));
            out[0] += org.rnngradients.analysis.EffectiveScale.gamma(cell) / DRAWS;
            out[1] += org.rnngradients.linalg.Spectra.spectralRadius(cell.parameters().weightHh()) / DRAWS;
            out[2] += largest(init, 300 + d) / DRAWS;
        }
        return out;
    }

    /** Networks averaged per gain in the sweep, and per full spectrum. */
    static final int DRAWS = 8;
    static final int SPECTRUM_DRAWS = 4;

    /** Adds the spectra figure of N = 32 networks, the per-gain table and the Hénon exponents. */
    public void contribute(Attributes a, Figures f) {
        Chart chart = new Chart("exponent index i", "λᵢ (nats per step)").integerX();
        for (double g : GAINS) {
            double[] mean = new double[N];
            for (int d = 0; d < SPECTRUM_DRAWS; d++) {
                LyapunovResult r = spectrum(g, 100 + d);
                for (int i = 0; i < N; i++) {
                    mean[i] += r.exponents()[i] / SPECTRUM_DRAWS;
                }
            }
            double[] x = new double[N];
            for (int i = 0; i < N; i++) {
                x[i] = i + 1;
            }
            chart.line("g = " + g, x, mean);
            String key = "lyap-g" + Math.round(g * 10);
            double sweepMean = meanLargest(g);       // the networks of the sweep figure, so table and figure agree
            a.put(key + "-largest", Formats.fixed(sweepMean, 3));
            a.put(key + "-regime", Regime.of(sweepMean).name().toLowerCase(java.util.Locale.ROOT));
            a.put(key + "-chaotic", Integer.toString(chaoticCount(g)));
        }
        f.chart(LyapunovChapter.class, "lyapunov-spectra", "Lyapunov spectra for five gains", chart)
                .sameQuantity("The spectrum at one gain", "lyapunov --cell rnn-tanh --hidden " + N
                        + " --init gaussian --gain 2 --input none --steps 2000");
        LyapunovResult henon = new LyapunovSpectrum(2, 1000, 100_000, 1).compute(HenonMap.classical());
        a.put("henon-l1", Formats.fixed(henon.exponents()[0], 3));
        a.put("henon-l2", Formats.fixed(henon.exponents()[1], 3));
        a.put("henon-sum", Formats.fixed(henon.sum(), 4));
        a.put("ln-03", Formats.fixed(Math.log(0.3), 4));
        a.put("lyap-n", Integer.toString(N));
        a.put("lyap-draws", Integer.toString(DRAWS));
        a.put("lyap-spectrum-draws", Integer.toString(SPECTRUM_DRAWS));
        a.put("lyap-epsilon", Double.toString(Regime.DEFAULT_EPSILON));
    }

    /**
     * Adds the recorded finite-size study (figures, numbers) and writes its table as
     * {@code lyapunov-finite-size.adoc} in {@code generated}.
     */
    public void contributeFiniteSize(java.nio.file.Path root, java.nio.file.Path generated, Attributes a, Figures f)
            throws java.io.IOException {
        String table = new FiniteSizeSection(FiniteSizeStudy.of(root)).contribute(a, f);
        java.nio.file.Files.createDirectories(generated);
        java.nio.file.Files.writeString(generated.resolve("lyapunov-finite-size.adoc"), table,
                java.nio.charset.StandardCharsets.UTF_8);
    }
}
