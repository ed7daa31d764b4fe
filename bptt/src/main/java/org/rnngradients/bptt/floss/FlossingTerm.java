package org.rnngradients.bptt.floss;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.bptt.ModelGradients;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.Sequence;
import org.rnngradients.bptt.train.LossTerm;
import org.rnngradients.cells.CellParameters;
import org.rnngradients.linalg.internal.Require;

/**
 * Gradient flossing during training as an extra objective term: on the steps its
 * {@link FlossingSchedule} names, R = weight · Σ_{i ≤ k} λ_i², the k largest Lyapunov exponents of the
 * cell driven by the batch's own inputs (back to back, from s_0 = 0), and ∂R/∂θ by the exact QR
 * recursion of {@link LyapunovGradient}. The trainer adds it to the task gradient before clipping.
 * On the other steps it returns 0 and adds nothing.
 */
public final class FlossingTerm implements LossTerm {
    /** The seed of the fixed initial frame Q_0. */
    public static final long FRAME_SEED = 0xF1055L;

    private final FlossingTarget target;
    private final FlossingSchedule schedule;
    private final FlossingInputs inputs;
    private LyapunovGradient engine;
    private DMatrixRMaj initialState;
    private double[] lastExponents = new double[0];

    /** A term flossing {@code target} on the steps of {@code schedule}. */
    public FlossingTerm(FlossingTarget target, FlossingSchedule schedule) {
        this.target = Require.nonNull(target, "target");
        this.schedule = Require.nonNull(schedule, "schedule");
        this.inputs = new FlossingInputs(target.horizon());
    }

    @Override
    public String name() {
        return "flossing";
    }

    /** The target. */
    public FlossingTarget target() {
        return target;
    }

    /** The schedule. */
    public FlossingSchedule schedule() {
        return schedule;
    }

    /** λ_1..λ_k at the last step the term acted on (empty before the first). */
    public double[] lastExponents() {
        return lastExponents.clone();
    }

    // tag::flossing-term[]
    @Override
    public double accumulate(RnnModel model, Sequence[] batch, long step, ModelGradients gradients) {
        Require.nonNull(model, "model");
        Require.nonNull(gradients, "gradients");
        if (!schedule.activeAt(step)) {
            return 0;
        }
        double sumOfSquares = floss(model, batch, schedule.weight(), gradients.cell());   // += weight · ∂Σλ²/∂θ
        return schedule.weight() * sumOfSquares;                                          // R = weight · Σλ²
    }
    // end::flossing-term[]

    /** Σλ_i² on the batch's input stream; adds {@code scale}·∂Σλ_i²/∂θ to {@code gradients}. */
    double floss(RnnModel model, Sequence[] batch, double scale, CellParameters gradients) {
        LyapunovGradient e = engineFor(model);
        double sumOfSquares = e.gradient(ExponentObjective.SUM_OF_SQUARES, initialState, inputs.fill(batch), scale,
                gradients);
        lastExponents = e.lastExponents();
        return sumOfSquares;
    }

    /** The engine for the model's cell, made at the first use (and again if the cell changes). */
    private LyapunovGradient engineFor(RnnModel model) {
        if (engine == null || engine.cell() != model.cell()) {
            int n = model.cell().stateSize();
            if (target.exponents() > n) {
                throw new IllegalArgumentException("exponents must be <= the state size " + n + ", was "
                        + target.exponents());
            }
            engine = new LyapunovGradient(model.cell(), target.exponents(), target.horizon(), target.warmUp(), FRAME_SEED);
            initialState = model.zeroState();
        }
        return engine;
    }
}
