package org.rnngradients.bptt.floss;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.cells.CellParameters;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.linalg.PositiveQr;
import org.rnngradients.linalg.RandomMatrices;
import org.rnngradients.linalg.RandomSource;
import org.rnngradients.linalg.internal.Require;

/**
 * The k largest Lyapunov exponents of a cell along one finite trajectory, and the exact gradient of
 * F(λ) (Σλ_i or Σλ_i²) with respect to the cell's parameters. The forward pass is the QR method with
 * re-orthonormalisation at every step,
 * <pre>
 * s_t = f(s_{t−1}, x_t),   Y_t = J_t Q_{t−1} = Q_t R_t,   λ_i = (1/(T − w)) Σ_{t &gt; w} ln (R_t)_ii,
 * </pre>
 * over T steps of which the first w (warm-up) are not counted; the backward pass runs it in reverse:
 * R̄_t = diag(∂F/∂λ_i / ((T − w)(R_t)_ii)), then the QR adjoint gives Ȳ_t, and the tangent cell turns
 * (σ_t, Ȳ_t) into (σ_{t−1}, Q̄_{t−1} = J_tᵀȲ_t) and the parameter gradient.
 *
 * <p>The initial frame Q_0 is a fixed Haar-random n × k frame (from a seed), as is usual for the QR
 * method; it is held fixed, not differentiated. Everything is allocated by the constructor: a call
 * allocates nothing (checked by a test). One computation at a time per instance.
 */
public final class LyapunovGradient {
    private final RecurrentCell cell;
    private final TangentCell tangent;
    private final int exponents;
    private final int horizon;
    private final int warmUp;
    private final DMatrixRMaj[] states;
    private final DMatrixRMaj[] frames;
    private final DMatrixRMaj[] triangles;
    private final TangentStep[] steps;
    private final DMatrixRMaj image;
    private final PositiveQr qr;
    private final QrAdjoint qrAdjoint;
    private final Adjoints bar;
    private final double[] sums;
    private final double[] lambda;

    /**
     * A computation of {@code exponents} (1 ≤ k ≤ n) exponents of {@code cell} over {@code horizon}
     * (T ≥ 1) steps, the first {@code warmUp} (0 ≤ w &lt; T) not counted, from the frame drawn from
     * {@code frameSeed}.
     */
    public LyapunovGradient(RecurrentCell cell, int exponents, int horizon, int warmUp, long frameSeed) {
        this.cell = Require.nonNull(cell, "cell");
        this.tangent = TangentCell.of(cell);
        int n = cell.stateSize();
        this.exponents = Require.inRange(exponents, 1, n, "exponents");
        // T + 1 states, frames and triangles are kept: T + 1 must be an array length
        this.horizon = Require.positive(horizon, "horizon");
        if (horizon > Require.MAX_ENTRIES - 1) {
            throw new IllegalArgumentException("horizon must be <= " + (Require.MAX_ENTRIES - 1) + ", was " + horizon);
        }
        this.warmUp = Require.inRange(warmUp, 0, horizon - 1, "warmUp");
        states = matrices(horizon + 1, n, 1);
        frames = matrices(horizon + 1, n, exponents);
        triangles = matrices(horizon + 1, exponents, exponents);
        steps = new TangentStep[horizon + 1];
        for (int t = 1; t <= horizon; t++) {
            steps[t] = tangent.newStep(exponents);
        }
        RandomMatrices.orthogonal(frames[0], RandomSource.seeded(frameSeed).fork("lyapunov-gradient-frame"));
        image = new DMatrixRMaj(n, exponents);
        qr = new PositiveQr(n, exponents);
        qrAdjoint = new QrAdjoint(n, exponents);
        bar = new Adjoints(n, exponents);
        sums = new double[exponents];
        lambda = new double[exponents];
    }

    private static DMatrixRMaj[] matrices(int count, int rows, int cols) {
        DMatrixRMaj[] m = new DMatrixRMaj[count];
        for (int t = 0; t < count; t++) {
            m[t] = new DMatrixRMaj(rows, cols);
        }
        return m;
    }

    /** The cell. */
    public RecurrentCell cell() {
        return cell;
    }

    /** k. */
    public int exponentCount() {
        return exponents;
    }

    /** T. */
    public int horizon() {
        return horizon;
    }

    /** w. */
    public int warmUp() {
        return warmUp;
    }

    /**
     * Writes λ_1..λ_k of the trajectory from {@code initialState} driven by {@code inputs} (the first T
     * entries are used) into {@code out} (length k). A lost direction (R_ii = 0) gives −∞.
     */
    public void exponents(DMatrixRMaj initialState, DMatrixRMaj[] inputs, double[] out) {
        Require.nonNull(out, "out");
        if (out.length != exponents) {
            throw new IllegalArgumentException("out must have length " + exponents + ", was " + out.length);
        }
        requireRun(initialState, inputs);
        forward(initialState, inputs);
        System.arraycopy(lambda, 0, out, 0, exponents);
    }

    /**
     * Computes F(λ) along the trajectory from {@code initialState} driven by {@code inputs}, adds
     * {@code scale}·∂F/∂θ to {@code gradients} (+=, the cell's layout) and returns F. Throws an
     * {@link ArithmeticException} where F has no derivative (some R_ii = 0).
     */
    public double gradient(ExponentObjective objective, DMatrixRMaj initialState, DMatrixRMaj[] inputs, double scale,
                           CellParameters gradients) {
        Require.nonNull(objective, "objective");
        Require.finite(scale, "scale");
        Require.nonNull(gradients, "gradients");
        requireRun(initialState, inputs);
        forward(initialState, inputs);
        backward(objective, scale, gradients);
        return objective.value(lambda);
    }

    /** λ_1..λ_k of the last run (a copy). */
    public double[] lastExponents() {
        return lambda.clone();
    }

    // tag::benettin-forward[]
    private void forward(DMatrixRMaj initialState, DMatrixRMaj[] inputs) {
        states[0].setTo(initialState);
        Arrays.fill(sums, 0);
        for (int t = 1; t <= horizon; t++) {
            tangent.forward(steps[t], states[t - 1], inputs[t - 1], states[t]);   // s_t = f(s_{t−1}, x_t)
            requireFiniteState(t);
            tangent.tangent(steps[t], frames[t - 1], image);                      // Y_t = J_t Q_{t−1}
            qr.decompose(image, frames[t], triangles[t]);                          // Y_t = Q_t R_t
            if (t > warmUp) {
                PositiveQr.accumulateLogDiagonal(triangles[t], sums);              // Σ ln (R_t)_ii
            }
        }
        for (int i = 0; i < exponents; i++) {
            lambda[i] = sums[i] / (horizon - warmUp);                              // λ_i
        }
    }
    // end::benettin-forward[]

    // tag::benettin-backward[]
    private void backward(ExponentObjective objective, double scale, CellParameters gradients) {
        DMatrixRMaj sigma = bar.state;                 // σ_t = ∂F/∂s_t
        DMatrixRMaj sigmaPrevious = bar.previousState;
        DMatrixRMaj frameBar = bar.frame;              // Q̄_t = ∂F/∂Q_t
        DMatrixRMaj frameBarPrevious = bar.previousFrame;
        sigma.zero();
        frameBar.zero();                               // F does not depend on Q_T
        for (int t = horizon; t >= 1; t--) {
            logDiagonalAdjoint(objective, scale, t);                                   // R̄_t
            qrAdjoint.adjoint(frames[t], triangles[t], frameBar, bar.triangle, bar.image);   // Ȳ_t
            tangent.adjoint(steps[t], frames[t - 1], sigma, bar.image, sigmaPrevious, frameBarPrevious, gradients);
            DMatrixRMaj s = sigma;
            sigma = sigmaPrevious;
            sigmaPrevious = s;
            DMatrixRMaj f = frameBar;
            frameBar = frameBarPrevious;
            frameBarPrevious = f;
        }
    }

    /** R̄_t = diag(scale · ∂F/∂λ_i / ((T − w)(R_t)_ii)) on counted steps, zero during the warm-up. */
    private void logDiagonalAdjoint(ExponentObjective objective, double scale, int t) {
        bar.triangle.zero();
        if (t <= warmUp) {
            return;
        }
        for (int i = 0; i < exponents; i++) {
            double dFdLambda = scale * objective.derivative(lambda[i]);
            bar.triangle.unsafe_set(i, i, dFdLambda / ((horizon - warmUp) * triangles[t].unsafe_get(i, i)));
        }
    }
    // end::benettin-backward[]

    private void requireFiniteState(int t) {
        DMatrixRMaj s = states[t];
        for (int i = 0; i < s.numRows; i++) {
            if (!Double.isFinite(s.data[i])) {
                throw new ArithmeticException("the trajectory left double range at step " + t + ", entry " + i
                        + " was " + s.data[i]);
            }
        }
    }

    private void requireRun(DMatrixRMaj initialState, DMatrixRMaj[] inputs) {
        Require.finite(Require.columnVector(initialState, cell.stateSize(), "initialState"), "initialState");
        Require.nonNull(inputs, "inputs");
        if (inputs.length < horizon) {
            throw new IllegalArgumentException("inputs must hold at least the horizon " + horizon + " steps, was "
                    + inputs.length);
        }
        for (int t = 0; t < horizon; t++) {
            requireInput(inputs[t], t);
        }
        CellParameters p = cell.parameters();
        Require.finite(p.weightIh(), "parameters.weight_ih");
        Require.finite(p.weightHh(), "parameters.weight_hh");
        Require.finite(p.biasIh(), "parameters.bias_ih");
        Require.finite(p.biasHh(), "parameters.bias_hh");
    }

    /** Checks x_{t+1} = inputs[t] without building a message unless it fails. */
    private void requireInput(DMatrixRMaj x, int t) {
        if (x == null || x.numRows != cell.inputSize() || x.numCols != 1) {
            throw new IllegalArgumentException("inputs[" + t + "] must be a " + cell.inputSize() + "x1 column, was "
                    + (x == null ? "null" : Require.shapeOf(x)));
        }
        for (int i = 0; i < x.numRows; i++) {
            if (!Double.isFinite(x.data[i])) {
                throw new IllegalArgumentException("inputs[" + t + "] must be finite, entry " + i + " was " + x.data[i]);
            }
        }
    }

    /** The adjoint buffers of the backward pass. */
    private static final class Adjoints {
        final DMatrixRMaj state;
        final DMatrixRMaj previousState;
        final DMatrixRMaj frame;
        final DMatrixRMaj previousFrame;
        final DMatrixRMaj image;
        final DMatrixRMaj triangle;

        Adjoints(int n, int k) {
            state = new DMatrixRMaj(n, 1);
            previousState = new DMatrixRMaj(n, 1);
            frame = new DMatrixRMaj(n, k);
            previousFrame = new DMatrixRMaj(n, k);
            image = new DMatrixRMaj(n, k);
            triangle = new DMatrixRMaj(k, k);
        }
    }
}
