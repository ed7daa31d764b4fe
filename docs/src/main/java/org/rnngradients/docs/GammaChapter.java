package org.rnngradients.docs;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rnngradients.analysis.BoundVersusActual;
import org.rnngradients.analysis.CellTrajectory;
import org.rnngradients.analysis.EffectiveScale;
import org.rnngradients.analysis.InputSequence;
import org.rnngradients.analysis.JacobianProduct;
import org.rnngradients.analysis.plot.Chart;
import org.rnngradients.analysis.plot.Style;
import org.rnngradients.cells.CellKind;
import org.rnngradients.cells.Cells;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.linalg.Initialiser;
import org.rnngradients.linalg.RandomMatrices;
import org.rnngradients.linalg.RandomSource;
import org.rnngradients.linalg.Spectra;

/** The three levels of text 004's bound along a driven tanh trajectory: γ^t, ∏‖J_s‖ and the actual norm. */
public final class GammaChapter {

    static final int HIDDEN = 16;
    static final int STEPS = 60;
    static final double NORM = 1.3;

    /** Adds the figure {@code gamma-bound.svg} and the gaps at the end of the trajectory. */
    public void contribute(Attributes a, Figures f) {
        RandomSource random = RandomSource.seeded(91);
        RecurrentCell cell = CellKind.RNN_TANH.create(4, HIDDEN);
        Cells.initialise(cell, Initialiser.scaledGaussian(1.0), Initialiser.pytorchDefault(HIDDEN), random.fork("init"));
        DMatrixRMaj w = cell.parameters().weightHh();
        CommonOps_DDRM.scale(NORM / Spectra.spectralNorm(w), w);
        double gamma = EffectiveScale.gamma(cell);
        CellTrajectory trajectory = new CellTrajectory(cell, InputSequence.gaussian(4, 1.0, random.fork("inputs")),
                RandomMatrices.gaussian(HIDDEN, 1, random));
        BoundVersusActual b = BoundVersusActual.of(JacobianProduct.record(trajectory, STEPS));
        double[] logBound = b.logBound();
        double[] logActual = b.logActual();
        double[] x = new double[STEPS + 1];
        double[] gammaLine = new double[STEPS + 1];
        double[] bound = new double[STEPS + 1];
        double[] actual = new double[STEPS + 1];
        for (int t = 0; t <= STEPS; t++) {
            x[t] = STEPS - t;
            gammaLine[t] = (STEPS - t) * Math.log10(gamma);
            bound[t] = logBound[t] / Math.log(10);
            actual[t] = logActual[t] / Math.log(10);
        }
        f.chart(GammaChapter.class, "gamma-bound", "Gamma bound against the product of norms and the actual norm",
                new Chart("steps back, T − t", "log₁₀ norm")
                        .line("γᵀ⁻ᵗ", x, gammaLine, Style.dashed(0))
                        .line("product of step norms ∏ ‖Jₛ‖", x, bound, Style.dashed(1))
                        .line("actual norm ‖∏ Jₛ‖", x, actual, Style.solid(1)))
                .sameQuantity("The actual norm (σ₁ of the product) of a tanh network",
                        "spectrum --cell rnn-tanh --hidden " + HIDDEN + " --input-size 4 --steps " + STEPS + " --out spectrum");
        a.put("gamma-value", Formats.fixed(gamma, 3));
        a.put("gamma-norm", Formats.fixed(NORM, 1));
        a.put("gamma-steps", Integer.toString(STEPS));
        a.put("gamma-line-end", Formats.fixed(gammaLine[0], 1));
        a.put("gamma-bound-end", Formats.fixed(bound[0], 1));
        a.put("gamma-actual-end", Formats.fixed(actual[0], 1));
    }
}
