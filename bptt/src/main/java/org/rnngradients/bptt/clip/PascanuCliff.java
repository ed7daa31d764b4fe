package org.rnngradients.bptt.clip;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.bptt.ForwardPass;
import org.rnngradients.bptt.FullBptt;
import org.rnngradients.bptt.ParameterSet;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.Sequence;
import org.rnngradients.bptt.SequenceGradient;
import org.rnngradients.bptt.loss.MeanSquaredError;
import org.rnngradients.bptt.optim.Sgd;
import org.rnngradients.cells.Activation;
import org.rnngradients.cells.CellParameters;
import org.rnngradients.cells.VanillaRnnCell;
import org.rnngradients.linalg.internal.Require;

/**
 * Pascanu, Mikolov &amp; Bengio's one-unit example (ICML 2013, eq. 8 and Fig. 6): the state
 * x_t = w σ(x_{t−1}) + b, no input, x_0 given, and the error E = (σ(x_T) − y)² after T steps, σ the
 * logistic sigmoid; their figure uses x_0 = 0.5, T = 50 and y = 0.7 ({@link #PASCANU_2013}).
 *
 * <p>The project's vanilla sigmoid cell with one unit computes exactly this: with h_t = σ(x_t) the
 * recurrence is h_t = σ(w h_{t−1} + b), h_0 = σ(x_0), so W_hh = w, b_hh = b (W_ih = 0, b_ih = 0, inputs
 * zero) and E = (h_T − y)² is the mean squared error of h_T. Losses come from a forward pass and
 * gradients (∂E/∂w, ∂E/∂b) from full BPTT, so the surface and the descent use the same exact engine.
 *
 * @param horizon              T (&gt; 0), the step at which the error is measured
 * @param initialPreActivation x_0 (finite)
 * @param target               y (finite)
 */
public record PascanuCliff(int horizon, double initialPreActivation, double target) {
    /** The paper's setting: T = 50, x_0 = 0.5, y = 0.7. */
    public static final PascanuCliff PASCANU_2013 = new PascanuCliff(50, 0.5, 0.7);

    /** Checks the setting; a bad value is named. */
    public PascanuCliff {
        Require.positive(horizon, "horizon");
        Require.finite(initialPreActivation, "initialPreActivation");
        Require.finite(target, "target");
    }

    /** The network at (w, b), both finite. */
    RnnModel model(double w, double b) {
        VanillaRnnCell cell = new VanillaRnnCell(1, 1, Activation.SIGMOID);
        cell.parameters().weightHh().set(0, 0, Require.finite(w, "w"));
        cell.parameters().biasHh().set(0, 0, Require.finite(b, "b"));
        return new RnnModel(cell, new MeanSquaredError());
    }

    /** T zero inputs and the target y at step T. */
    Sequence sequence() {
        DMatrixRMaj[] inputs = new DMatrixRMaj[horizon];
        for (int t = 0; t < horizon; t++) {
            inputs[t] = new DMatrixRMaj(1, 1);
        }
        return Sequence.lastStep(inputs, new DMatrixRMaj(new double[][] {{target}}));
    }

    /** h_0 = σ(x_0). */
    DMatrixRMaj initialState() {
        return new DMatrixRMaj(new double[][] {{1 / (1 + Math.exp(-initialPreActivation))}});
    }

    // tag::cliff-loss[]
    /** E(w, b) = (σ(x_T) − y)², by a forward pass of the one-unit sigmoid cell. */
    public double loss(double w, double b) {
        return ForwardPass.run(model(w, b), sequence(), initialState()).loss();
    }

    /** (∂E/∂w, ∂E/∂b) at (w, b), exact, by full BPTT. */
    public double[] gradient(double w, double b) {
        SequenceGradient g = new FullBptt().compute(model(w, b), sequence(), initialState());
        CellParameters d = g.gradients().cell();
        return new double[] {d.weightHh().get(0, 0), d.biasHh().get(0, 0)};
    }
    // end::cliff-loss[]

    /**
     * The bias at which h_0 is an unstable fixed point of h ← σ(w h + b): b = x_0 − w h_0 (so that
     * σ(w h_0 + b) = h_0), for w &gt; 1/(h_0(1 − h_0)), where the slope w σ′ there exceeds 1. Orbits from h_0
     * go to the upper attractor above this line and to the lower one below it, so for large T it is where
     * the loss jumps: the wall of the cliff.
     */
    public double wall(double w) {
        double h0 = initialState().get(0, 0);
        double onset = 1 / (h0 * (1 - h0));
        if (!(w > onset) || !Double.isFinite(w)) {
            throw new IllegalArgumentException("w must be finite and > 1/(h0(1-h0)) = " + onset + ", was " + w);
        }
        return initialPreActivation - w * h0;
    }

    /**
     * One point of a descent path: the parameters before step k, the loss and gradient norm there, what
     * the clipper did and the length of the step taken from there (0 for the last point).
     *
     * @param step         k (0 = the start)
     * @param w            w_k
     * @param b            b_k
     * @param loss         E(w_k, b_k)
     * @param gradientNorm ‖∇E(w_k, b_k)‖ before clipping
     * @param clipped      whether the clipper rescaled this gradient
     * @param stepLength   ‖θ_{k+1} − θ_k‖
     */
    public record Point(int step, double w, double b, double loss, double gradientNorm, boolean clipped,
                        double stepLength) {
    }

    // tag::cliff-descent[]
    /**
     * {@code steps} (&ge; 0) steps of plain gradient descent θ ← θ − η g̃ from (w₀, b₀) with learning
     * rate η, where g̃ is ∇E after {@code clipper} (for example {@link GradientClipper#globalNorm}, or
     * {@link GradientClipper#none} for the unclipped path). The optimiser is the bptt module's SGD (no
     * momentum) on the live W_hh and b_hh of the cell, so the path uses the same engine as the surface.
     */
    public List<Point> descend(double w0, double b0, double learningRate, int steps, GradientClipper clipper) {
        Require.finite(w0, "w0");
        Require.finite(b0, "b0");
        Require.nonNegative(steps, "steps");
        Require.nonNull(clipper, "clipper");
        Sgd sgd = new Sgd(learningRate, 0);
        RnnModel model = model(w0, b0);
        CellParameters p = model.cell().parameters();
        ParameterSet theta = new ParameterSet().with(CellParameters.WEIGHT_HH, p.weightHh()).with(CellParameters.BIAS_HH,
                p.biasHh());
        List<Point> path = new ArrayList<>();
        for (int k = 0; k <= steps; k++) {
            SequenceGradient g = new FullBptt().compute(model, sequence(), initialState());
            ParameterSet grad = new ParameterSet()
                    .with(CellParameters.WEIGHT_HH, g.gradients().cell().weightHh())
                    .with(CellParameters.BIAS_HH, g.gradients().cell().biasHh());
            double w = p.weightHh().get(0, 0);
            double b = p.biasHh().get(0, 0);
            if (k == steps) {
                path.add(new Point(k, w, b, g.loss(), grad.norm(), false, 0));
                break;
            }
            ClipOutcome clip = clipper.apply(grad, theta);
            sgd.step(theta, grad);
            double length = Math.hypot(p.weightHh().get(0, 0) - w, p.biasHh().get(0, 0) - b);
            path.add(new Point(k, w, b, g.loss(), clip.normBefore(), clip.action() == ClipAction.CLIPPED, length));
        }
        return path;
    }
    // end::cliff-descent[]
}
