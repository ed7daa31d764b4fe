package org.rnngradients.bptt.floss;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rnngradients.cells.Activation;
import org.rnngradients.cells.CellParameters;
import org.rnngradients.cells.GruCell;

/**
 * The GRU of PyTorch (gate blocks r, z, n) with its tangent. For a direction q, with ġh = W_hh q:
 * <pre>
 * ṙ = r(1−r) ġh_r,  ż = z(1−z) ġh_z,  ȧ_n = ṙ ⊙ gh_n + r ⊙ ġh_n,  ṅ = (1−n²) ȧ_n
 * ḣ' = (1−z) ṅ + (h − n) ż + z q                                   (= J_t q)
 * </pre>
 * The adjoint runs these lines backwards for every direction, then the primal step.
 */
final class GruTangent extends BaseTangent {
    private static final int R = 0;
    private static final int Z = 1;
    private static final int N = 2;

    private final DMatrixRMaj gateTangentAdjoint;
    private final DMatrixRMaj inputSideAdjoint;
    private final DMatrixRMaj hiddenSideAdjoint;
    private final Accumulators bar;

    GruTangent(GruCell cell) {
        super(cell, 3);
        gateTangentAdjoint = new DMatrixRMaj(gateRows, hidden);
        inputSideAdjoint = new DMatrixRMaj(gateRows, 1);
        hiddenSideAdjoint = new DMatrixRMaj(gateRows, 1);
        bar = new Accumulators(hidden);
    }

    @Override
    public TangentStep newStep(int directions) {
        return new Step(this, requireDirections(directions));
    }

    // tag::gru-tangent-forward[]
    @Override
    public void forward(TangentStep step, DMatrixRMaj previous, DMatrixRMaj input, DMatrixRMaj state) {
        Step s = (Step) own(step);
        keep(s, previous, input, state);
        CommonOps_DDRM.mult(p.weightIh(), s.input, s.gi);
        CommonOps_DDRM.addEquals(s.gi, p.biasIh());                       // gi = W_ih x + b_ih
        CommonOps_DDRM.mult(p.weightHh(), s.previous, s.gh);
        CommonOps_DDRM.addEquals(s.gh, p.biasHh());                       // gh = W_hh h + b_hh
        for (int u = 0; u < hidden; u++) {
            double r = Activation.sigmoid(s.gi.data[R * hidden + u] + s.gh.data[R * hidden + u]);
            double z = Activation.sigmoid(s.gi.data[Z * hidden + u] + s.gh.data[Z * hidden + u]);
            double n = Math.tanh(s.gi.data[N * hidden + u] + r * s.gh.data[N * hidden + u]);
            s.r.data[u] = r;
            s.z.data[u] = z;
            s.n.data[u] = n;
            state.data[u] = (1 - z) * n + z * s.previous.data[u];        // h' = (1 − z) n + z h
        }
    }
    // end::gru-tangent-forward[]

    // tag::gru-tangent[]
    @Override
    public void tangent(TangentStep step, DMatrixRMaj frame, DMatrixRMaj image) {
        Step s = (Step) own(step);
        requireFrame(s, frame, image);
        CommonOps_DDRM.mult(p.weightHh(), frame, s.preActivationTangents);   // ġh = W_hh Q
        int k = s.directions;
        for (int u = 0; u < hidden; u++) {
            for (int j = 0; j < k; j++) {
                Direction d = s.direction(u, j, frame.data[u * k + j]);
                image.data[u * k + j] = (1 - d.z) * d.nDot + (d.h - d.n) * d.zDot + d.z * d.q;
            }
        }
    }
    // end::gru-tangent[]

    // tag::gru-tangent-adjoint[]
    @Override
    public void adjoint(TangentStep step, DMatrixRMaj frame, DMatrixRMaj stateAdjoint, DMatrixRMaj imageAdjoint,
                        DMatrixRMaj previousStateAdjoint, DMatrixRMaj frameAdjoint, CellParameters gradients) {
        Step s = (Step) own(step);
        requireAdjoints(s, frame, stateAdjoint, imageAdjoint, previousStateAdjoint, frameAdjoint, gradients);
        int k = s.directions;
        DMatrixRMaj ghDotBar = gateTangentAdjoint;
        ghDotBar.reshape(gateRows, k);
        bar.zero();
        for (int u = 0; u < hidden; u++) {
            for (int j = 0; j < k; j++) {
                Direction d = s.direction(u, j, frame.data[u * k + j]);
                tangentAdjoint(d, imageAdjoint.data[u * k + j], u, j, k, ghDotBar);
                frameAdjoint.data[u * k + j] = d.z * imageAdjoint.data[u * k + j];   // the additive path z q
            }
        }
        CommonOps_DDRM.multAddTransA(p.weightHh(), ghDotBar, frameAdjoint);     // Q̄ = diag(z) Ȳ + W_hhᵀ ġh̄
        CommonOps_DDRM.multAddTransB(ghDotBar, frame, gradients.weightHh());    // W̄_hh += ġh̄ Qᵀ
        primalAdjoint(s, stateAdjoint);
        addAffineGradients(s, inputSideAdjoint, hiddenSideAdjoint, gradients);
        CommonOps_DDRM.multTransA(p.weightHh(), hiddenSideAdjoint, previousStateAdjoint);
        CommonOps_DDRM.addEquals(previousStateAdjoint, bar.h);                // σ_{t−1} = W_hhᵀ ḡh + h̄
    }

    /** The tangent lines backwards for unit u, direction j, given ȳ = Ȳ_uj; writes ġh̄ and adds to the unit's accumulators. */
    private void tangentAdjoint(Direction d, double yBar, int u, int j, int k, DMatrixRMaj ghDotBar) {
        double nDotBar = (1 - d.z) * yBar;
        double zDotBar = (d.h - d.n) * yBar;
        bar.z.data[u] += yBar * (d.q - d.nDot);
        bar.h.data[u] += yBar * d.zDot;
        double aNDotBar = (1 - d.n * d.n) * nDotBar;
        bar.n.data[u] += -yBar * d.zDot - 2 * d.n * d.aNDot * nDotBar;
        bar.ghN.data[u] += d.rDot * aNDotBar;
        bar.r.data[u] += d.ghNDot * aNDotBar;
        double rDotBar = d.ghN * aNDotBar;
        bar.z.data[u] += (1 - 2 * d.z) * d.ghZDot * zDotBar;
        bar.r.data[u] += (1 - 2 * d.r) * d.ghRDot * rDotBar;
        ghDotBar.data[(R * hidden + u) * k + j] = d.r * (1 - d.r) * rDotBar;
        ghDotBar.data[(Z * hidden + u) * k + j] = d.z * (1 - d.z) * zDotBar;
        ghDotBar.data[(N * hidden + u) * k + j] = d.r * aNDotBar;
    }

    /** The primal step backwards with σ_t and the accumulated n̄, z̄, r̄, h̄: the gate pre-activation adjoints. */
    private void primalAdjoint(Step s, DMatrixRMaj sigma) {
        for (int u = 0; u < hidden; u++) {
            double r = s.r.data[u];
            double z = s.z.data[u];
            double n = s.n.data[u];
            double nBar = bar.n.data[u] + (1 - z) * sigma.data[u];
            double zBar = bar.z.data[u] + (s.previous.data[u] - n) * sigma.data[u];
            bar.h.data[u] += z * sigma.data[u];
            double aN = (1 - n * n) * nBar;
            double rBar = bar.r.data[u] + s.gh.data[N * hidden + u] * aN;
            double aZ = z * (1 - z) * zBar;
            double aR = r * (1 - r) * rBar;
            inputSideAdjoint.data[R * hidden + u] = aR;
            inputSideAdjoint.data[Z * hidden + u] = aZ;
            inputSideAdjoint.data[N * hidden + u] = aN;
            hiddenSideAdjoint.data[R * hidden + u] = aR;
            hiddenSideAdjoint.data[Z * hidden + u] = aZ;
            hiddenSideAdjoint.data[N * hidden + u] = r * aN + bar.ghN.data[u];
        }
    }
    // end::gru-tangent-adjoint[]

    /** Per-unit adjoint sums over the k directions: n̄, z̄, r̄, h̄ and the extra ∂F/∂gh_n. */
    private static final class Accumulators {
        final DMatrixRMaj n;
        final DMatrixRMaj z;
        final DMatrixRMaj r;
        final DMatrixRMaj h;
        final DMatrixRMaj ghN;

        Accumulators(int hidden) {
            n = new DMatrixRMaj(hidden, 1);
            z = new DMatrixRMaj(hidden, 1);
            r = new DMatrixRMaj(hidden, 1);
            h = new DMatrixRMaj(hidden, 1);
            ghN = new DMatrixRMaj(hidden, 1);
        }

        void zero() {
            n.zero();
            z.zero();
            r.zero();
            h.zero();
            ghN.zero();
        }
    }

    /** The tangent values of one unit and direction (a reused holder, so nothing is allocated). */
    private static final class Direction {
        double r;
        double z;
        double n;
        double h;
        double q;
        double ghN;
        double ghRDot;
        double ghZDot;
        double ghNDot;
        double rDot;
        double zDot;
        double aNDot;
        double nDot;
    }

    /** gi, gh, the gates and ġh of one step. */
    private static final class Step extends TangentStep {
        final DMatrixRMaj gi;
        final DMatrixRMaj gh;
        final DMatrixRMaj r;
        final DMatrixRMaj z;
        final DMatrixRMaj n;
        private final Direction d = new Direction();
        private final int hidden;

        Step(GruTangent cell, int directions) {
            super(cell, cell.hidden, cell.gateRows, directions);
            hidden = cell.hidden;
            gi = new DMatrixRMaj(cell.gateRows, 1);
            gh = new DMatrixRMaj(cell.gateRows, 1);
            r = new DMatrixRMaj(hidden, 1);
            z = new DMatrixRMaj(hidden, 1);
            n = new DMatrixRMaj(hidden, 1);
        }

        /** The tangent of unit u along direction j (q = Q_uj), recomputed from ġh. */
        Direction direction(int u, int j, double q) {
            int k = directions;
            d.r = r.data[u];
            d.z = z.data[u];
            d.n = n.data[u];
            d.h = previous.data[u];
            d.q = q;
            d.ghN = gh.data[N * hidden + u];
            d.ghRDot = preActivationTangents.data[(R * hidden + u) * k + j];
            d.ghZDot = preActivationTangents.data[(Z * hidden + u) * k + j];
            d.ghNDot = preActivationTangents.data[(N * hidden + u) * k + j];
            d.rDot = d.r * (1 - d.r) * d.ghRDot;                        // ṙ = r(1−r) ġh_r
            d.zDot = d.z * (1 - d.z) * d.ghZDot;                        // ż = z(1−z) ġh_z
            d.aNDot = d.rDot * d.ghN + d.r * d.ghNDot;                  // ȧ_n = ṙ gh_n + r ġh_n
            d.nDot = (1 - d.n * d.n) * d.aNDot;                         // ṅ = (1−n²) ȧ_n
            return d;
        }
    }
}
