package org.rnngradients.bptt.floss;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rnngradients.cells.Activation;
import org.rnngradients.cells.CellParameters;
import org.rnngradients.cells.LstmCell;

/**
 * The LSTM of PyTorch (gate blocks i, f, g, o; state s = [h; c]) with its tangent. For a direction
 * q = [q_h; q_c], with ȧ = W_hh q_h and τ = tanh(c'):
 * <pre>
 * i̇ = i(1−i) ȧ_i,  ḟ = f(1−f) ȧ_f,  ġ = (1−g²) ȧ_g,  ȯ = o(1−o) ȧ_o
 * ċ' = ḟ c + f q_c + i̇ g + i ġ,    ḣ' = ȯ τ + o (1−τ²) ċ'             ([ḣ'; ċ'] = J_t q)
 * </pre>
 */
final class LstmTangent extends BaseTangent {
    private static final int I = 0;
    private static final int F = 1;
    private static final int G = 2;
    private static final int O = 3;

    private final DMatrixRMaj frameTop;
    private final DMatrixRMaj frameAdjointTop;
    private final DMatrixRMaj gateTangentAdjoint;
    private final DMatrixRMaj gateAdjoint;
    private final DMatrixRMaj hiddenAdjoint;
    private final PerUnit bar;

    LstmTangent(LstmCell cell) {
        super(cell, 4);
        frameTop = new DMatrixRMaj(hidden, states);
        frameAdjointTop = new DMatrixRMaj(hidden, states);
        gateTangentAdjoint = new DMatrixRMaj(gateRows, states);
        gateAdjoint = new DMatrixRMaj(gateRows, 1);
        hiddenAdjoint = new DMatrixRMaj(hidden, 1);
        bar = new PerUnit(hidden);
    }

    @Override
    public TangentStep newStep(int directions) {
        return new Step(this, requireDirections(directions));
    }

    // tag::lstm-tangent-forward[]
    @Override
    public void forward(TangentStep step, DMatrixRMaj previous, DMatrixRMaj input, DMatrixRMaj state) {
        Step s = (Step) own(step);
        keep(s, previous, input, state);
        fusedPreActivation(s, s.a);                                       // a = W_ih x + b_ih + W_hh h + b_hh
        for (int u = 0; u < hidden; u++) {
            double i = Activation.sigmoid(s.a.data[I * hidden + u]);
            double f = Activation.sigmoid(s.a.data[F * hidden + u]);
            double g = Math.tanh(s.a.data[G * hidden + u]);
            double o = Activation.sigmoid(s.a.data[O * hidden + u]);
            double cell = f * s.previous.data[hidden + u] + i * g;           // c' = f c + i g
            double tau = Math.tanh(cell);
            s.gates.set(u, i, f, g, o, tau);
            state.data[u] = o * tau;                                         // h' = o tanh(c')
            state.data[hidden + u] = cell;
        }
    }
    // end::lstm-tangent-forward[]

    // tag::lstm-tangent[]
    @Override
    public void tangent(TangentStep step, DMatrixRMaj frame, DMatrixRMaj image) {
        Step s = (Step) own(step);
        requireFrame(s, frame, image);
        int k = s.directions;
        topRows(frame, frameTop, k);
        CommonOps_DDRM.mult(p.weightHh(), frameTop, s.preActivationTangents);    // ȧ = W_hh Q_h
        for (int u = 0; u < hidden; u++) {
            for (int j = 0; j < k; j++) {
                Direction d = s.direction(u, j, frame.data[(hidden + u) * k + j]);
                image.data[u * k + j] = d.hDot;                                   // ḣ' = ȯ τ + o (1−τ²) ċ'
                image.data[(hidden + u) * k + j] = d.cDot;                        // ċ' = ḟ c + f q_c + i̇ g + i ġ
            }
        }
    }
    // end::lstm-tangent[]

    /** Copies the first H rows of the n × k {@code frame} into {@code top} (H × k); row-major, so one block. */
    private void topRows(DMatrixRMaj frame, DMatrixRMaj top, int k) {
        top.reshape(hidden, k);
        System.arraycopy(frame.data, 0, top.data, 0, hidden * k);
    }

    // tag::lstm-tangent-adjoint[]
    @Override
    public void adjoint(TangentStep step, DMatrixRMaj frame, DMatrixRMaj stateAdjoint, DMatrixRMaj imageAdjoint,
                        DMatrixRMaj previousStateAdjoint, DMatrixRMaj frameAdjoint, CellParameters gradients) {
        Step s = (Step) own(step);
        requireAdjoints(s, frame, stateAdjoint, imageAdjoint, previousStateAdjoint, frameAdjoint, gradients);
        int k = s.directions;
        DMatrixRMaj aDotBar = gateTangentAdjoint;
        aDotBar.reshape(gateRows, k);
        bar.zero();
        for (int u = 0; u < hidden; u++) {
            for (int j = 0; j < k; j++) {
                Direction d = s.direction(u, j, frame.data[(hidden + u) * k + j]);
                double cDotBar = tangentAdjoint(d, imageAdjoint.data[u * k + j],
                        imageAdjoint.data[(hidden + u) * k + j], u, j, k, aDotBar);
                frameAdjoint.data[(hidden + u) * k + j] = d.f * cDotBar;              // q̄_c = f ċ̄'
            }
        }
        topRows(frame, frameTop, k);
        frameAdjointTop.reshape(hidden, k);
        CommonOps_DDRM.multTransA(p.weightHh(), aDotBar, frameAdjointTop);          // q̄_h = W_hhᵀ ǡ
        System.arraycopy(frameAdjointTop.data, 0, frameAdjoint.data, 0, hidden * k);
        CommonOps_DDRM.multAddTransB(aDotBar, frameTop, gradients.weightHh());      // W̄_hh += ǡ Q_hᵀ
        primalAdjoint(s, stateAdjoint, previousStateAdjoint);
        addAffineGradients(s, gateAdjoint, gateAdjoint, gradients);
        CommonOps_DDRM.multTransA(p.weightHh(), gateAdjoint, hiddenAdjoint);        // h̄ = W_hhᵀ ā
        System.arraycopy(hiddenAdjoint.data, 0, previousStateAdjoint.data, 0, hidden);
    }

    /** The tangent lines backwards for unit u, direction j, given ȳ_h and ȳ_c; writes ǡ and returns ċ̄'. */
    private double tangentAdjoint(Direction d, double yH, double yC, int u, int j, int k, DMatrixRMaj aDotBar) {
        double oDotBar = d.tau * yH;
        double tauDotBar = d.o * yH;
        bar.tau.data[u] += d.oDot * yH - 2 * d.tau * d.cDot * tauDotBar;
        bar.o.data[u] += d.tauDot * yH + (1 - 2 * d.o) * d.aODot * oDotBar;
        double cDotBar = yC + (1 - d.tau * d.tau) * tauDotBar;
        double fDotBar = d.c * cDotBar;
        double iDotBar = d.g * cDotBar;
        double gDotBar = d.i * cDotBar;
        bar.c.data[u] += d.fDot * cDotBar;
        bar.f.data[u] += d.qc * cDotBar + (1 - 2 * d.f) * d.aFDot * fDotBar;
        bar.g.data[u] += d.iDot * cDotBar - 2 * d.g * d.aGDot * gDotBar;
        bar.i.data[u] += d.gDot * cDotBar + (1 - 2 * d.i) * d.aIDot * iDotBar;
        aDotBar.data[(I * hidden + u) * k + j] = d.i * (1 - d.i) * iDotBar;
        aDotBar.data[(F * hidden + u) * k + j] = d.f * (1 - d.f) * fDotBar;
        aDotBar.data[(G * hidden + u) * k + j] = (1 - d.g * d.g) * gDotBar;
        aDotBar.data[(O * hidden + u) * k + j] = d.o * (1 - d.o) * oDotBar;
        return cDotBar;
    }

    /** The primal step backwards with σ_t = [σ_h; σ_c] and the accumulated sums: ā and c̄ (into the c half of σ_{t−1}). */
    private void primalAdjoint(Step s, DMatrixRMaj sigma, DMatrixRMaj previousStateAdjoint) {
        PerUnit x = s.gates;
        for (int u = 0; u < hidden; u++) {
            double i = x.i.data[u];
            double f = x.f.data[u];
            double g = x.g.data[u];
            double o = x.o.data[u];
            double tau = x.tau.data[u];
            double oBar = bar.o.data[u] + tau * sigma.data[u];
            double tauBar = bar.tau.data[u] + o * sigma.data[u];
            double cellBar = sigma.data[hidden + u] + (1 - tau * tau) * tauBar;     // ∂F/∂c'
            double c = s.previous.data[hidden + u];
            previousStateAdjoint.data[hidden + u] = bar.c.data[u] + f * cellBar;
            gateAdjoint.data[I * hidden + u] = i * (1 - i) * (bar.i.data[u] + g * cellBar);
            gateAdjoint.data[F * hidden + u] = f * (1 - f) * (bar.f.data[u] + c * cellBar);
            gateAdjoint.data[G * hidden + u] = (1 - g * g) * (bar.g.data[u] + i * cellBar);
            gateAdjoint.data[O * hidden + u] = o * (1 - o) * oBar;
        }
    }
    // end::lstm-tangent-adjoint[]

    /**
     * Six H-vectors, one entry per unit, for i, f, g, o, τ = tanh(c') and c: the gate values of a step, or
     * the adjoint sums over the k directions (where c is c_{t−1}).
     */
    private static final class PerUnit {
        final DMatrixRMaj i;
        final DMatrixRMaj f;
        final DMatrixRMaj g;
        final DMatrixRMaj o;
        final DMatrixRMaj tau;
        final DMatrixRMaj c;

        PerUnit(int hidden) {
            i = new DMatrixRMaj(hidden, 1);
            f = new DMatrixRMaj(hidden, 1);
            g = new DMatrixRMaj(hidden, 1);
            o = new DMatrixRMaj(hidden, 1);
            tau = new DMatrixRMaj(hidden, 1);
            c = new DMatrixRMaj(hidden, 1);
        }

        void zero() {
            i.zero();
            f.zero();
            g.zero();
            o.zero();
            tau.zero();
            c.zero();
        }

        void set(int u, double iv, double fv, double gv, double ov, double tauv) {
            i.data[u] = iv;
            f.data[u] = fv;
            g.data[u] = gv;
            o.data[u] = ov;
            tau.data[u] = tauv;
        }
    }

    /** The tangent values of one unit and direction (a reused holder, so nothing is allocated). */
    private static final class Direction {
        double i;
        double f;
        double g;
        double o;
        double tau;
        double c;
        double qc;
        double aIDot;
        double aFDot;
        double aGDot;
        double aODot;
        double iDot;
        double fDot;
        double gDot;
        double oDot;
        double cDot;
        double tauDot;
        double hDot;
    }

    /** The pre-activations, gates and ȧ of one step. */
    private static final class Step extends TangentStep {
        final DMatrixRMaj a;
        final PerUnit gates;
        private final Direction d = new Direction();
        private final int hidden;

        Step(LstmTangent cell, int directions) {
            super(cell, cell.hidden, cell.gateRows, directions);
            hidden = cell.hidden;
            a = new DMatrixRMaj(cell.gateRows, 1);
            gates = new PerUnit(hidden);
        }

        /** The tangent of unit u along direction j (q_c = Q_{H+u, j}), recomputed from ȧ. */
        Direction direction(int u, int j, double qc) {
            int k = directions;
            DMatrixRMaj aDot = preActivationTangents;
            d.i = gates.i.data[u];
            d.f = gates.f.data[u];
            d.g = gates.g.data[u];
            d.o = gates.o.data[u];
            d.tau = gates.tau.data[u];
            d.c = previous.data[hidden + u];
            d.qc = qc;
            d.aIDot = aDot.data[(I * hidden + u) * k + j];
            d.aFDot = aDot.data[(F * hidden + u) * k + j];
            d.aGDot = aDot.data[(G * hidden + u) * k + j];
            d.aODot = aDot.data[(O * hidden + u) * k + j];
            d.iDot = d.i * (1 - d.i) * d.aIDot;
            d.fDot = d.f * (1 - d.f) * d.aFDot;
            d.gDot = (1 - d.g * d.g) * d.aGDot;
            d.oDot = d.o * (1 - d.o) * d.aODot;
            d.cDot = d.fDot * d.c + d.f * d.qc + d.iDot * d.g + d.i * d.gDot;
            d.tauDot = (1 - d.tau * d.tau) * d.cDot;
            d.hDot = d.oDot * d.tau + d.o * d.tauDot;
            return d;
        }
    }
}
