package org.rnngradients.bptt;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.cells.CellPass;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.cells.Unroll;
import org.rnngradients.linalg.LogSpace;

/**
 * A profile-only backward pass: ‖∂L/∂h_t‖ for t = 1..T that stays finite for any T, whether the
 * adjoint vanishes or explodes. The adjoint is carried as δ_t = e^ℓ·u with ‖u‖ = 1: each backward
 * step computes J_tᵀ u, renormalises it and adds the log of its norm to ℓ; each loss gradient g is
 * merged as e^ℓ u + g at the common scale max(ℓ, ln‖g‖). Only the profile is produced: the backward
 * steps are state-only ({@link RecurrentCell#backwardState}), so no parameter gradient is computed
 * (those of such a run would not be representable anyway), and the readout's are discarded.
 *
 * <p>{@code new AdjointProfiler()} runs the batch-1 reference steps of the cell, as the book shows
 * them; {@link #timeBatched()} runs the same recursion on a batch-1 {@link CellPass} (W_hh resident,
 * the input projections of all steps as one GEMM), equal to the reference to rounding.
 */
public final class AdjointProfiler {
    private final boolean timeBatched;

    /** The reference profiler (batch-1 cell steps). */
    public AdjointProfiler() {
        this(false);
    }

    private AdjointProfiler(boolean timeBatched) {
        this.timeBatched = timeBatched;
    }

    /** A profiler on the time-batched fast path; its profiles equal the reference's to rounding. */
    public static AdjointProfiler timeBatched() {
        return new AdjointProfiler(true);
    }

    /** The profile of the sequence loss from s_0 (zero when null). */
    public GradientProfile profile(RnnModel model, Sequence sequence, DMatrixRMaj initialState) {
        DMatrixRMaj s0 = Checks.initialState(model, sequence, initialState);
        Trajectory forward = timeBatched ? unrolled(model.cell(), sequence, s0) : reference(model.cell(), sequence, s0);
        return backward(model, sequence, forward);
    }

    /** A forward trajectory as the backward pass walks it: s_t, and the state-only step δ_{t−1} = J_tᵀ δ_t. */
    private interface Trajectory {
        DMatrixRMaj state(int t);

        void backwardState(int t, DMatrixRMaj adjoint, DMatrixRMaj previous);
    }

    private static Trajectory reference(RecurrentCell cell, Sequence sequence, DMatrixRMaj s0) {
        StoredTrajectory forward = StoredTrajectory.run(cell, sequence, s0);
        return new Trajectory() {
            @Override
            public DMatrixRMaj state(int t) {
                return forward.states[t];
            }

            @Override
            public void backwardState(int t, DMatrixRMaj adjoint, DMatrixRMaj previous) {
                cell.backwardState(forward.caches[t], adjoint, previous);
            }
        };
    }

    private static Trajectory unrolled(RecurrentCell cell, Sequence sequence, DMatrixRMaj s0) {
        int steps = sequence.length();
        CellPass pass = cell.newPass(1);
        Unroll unroll = new Unroll(pass);
        unroll.begin(new int[] {steps});
        for (int t = 1; t <= steps; t++) {
            unroll.input(t, 0, sequence.input(t));
        }
        DMatrixRMaj[] states = Checks.states(steps, cell.stateSize());
        states[0].setTo(s0);
        for (int t = 1; t <= steps; t++) {
            unroll.forward(t, states[t - 1], states[t]);
        }
        return new Trajectory() {
            @Override
            public DMatrixRMaj state(int t) {
                return states[t];
            }

            @Override
            public void backwardState(int t, DMatrixRMaj adjoint, DMatrixRMaj previous) {
                pass.backwardState(unroll.cache(t), adjoint, previous);
            }
        };
    }

    private static GradientProfile backward(RnnModel model, Sequence sequence, Trajectory forward) {
        RecurrentCell cell = model.cell();
        OutputLayer out = new OutputLayer(model);
        ModelGradients discarded = model.newGradients();
        DMatrixRMaj u = new DMatrixRMaj(cell.stateSize(), 1);
        DMatrixRMaj next = new DMatrixRMaj(cell.stateSize(), 1);
        DMatrixRMaj g = new DMatrixRMaj(cell.stateSize(), 1);
        double[] logNorms = new double[sequence.length()];
        double logScale = Double.NEGATIVE_INFINITY;                 // δ = e^ℓ u, zero at first
        // tag::log-space-adjoint[]
        for (int t = sequence.length(); t >= 1; t--) {
            if (sequence.target(t) != null) {
                g.zero();
                out.injectLossGradient(forward.state(t), sequence.target(t), discarded, g);
                logScale = addAtCommonScale(u, logScale, g);         // δ_t = e^ℓ u + ∂L_t/∂s_t
            }
            logNorms[t - 1] = logScale + LogSpace.logNorm(u.data, cell.hiddenSize());
            forward.backwardState(t, u, next);                       // J_tᵀ u (no parameter gradients)
            logScale += LogSpace.normalise(next);                    // ℓ += ln‖J_tᵀ u‖, u ← unit(J_tᵀ u)
            DMatrixRMaj swap = u;
            u = next;
            next = swap;
        }
        // end::log-space-adjoint[]
        return new GradientProfile(logNorms);
    }

    /** Sets u ← unit(e^ℓ u + g) and returns the new ℓ, never forming e^ℓ itself. */
    static double addAtCommonScale(DMatrixRMaj u, double logScale, DMatrixRMaj g) {
        double logG = LogSpace.normalise(g);                        // g ← g/‖g‖
        if (logG == Double.NEGATIVE_INFINITY) {
            return logScale;
        }
        double common = Math.max(logScale, logG);
        double a = logScale == Double.NEGATIVE_INFINITY ? 0 : Math.exp(logScale - common);
        double b = Math.exp(logG - common);
        for (int i = 0; i < u.numRows; i++) {
            u.data[i] = a * u.data[i] + b * g.data[i];
        }
        return common + LogSpace.normalise(u);                      // common is finite: ln‖g‖ was
    }
}
