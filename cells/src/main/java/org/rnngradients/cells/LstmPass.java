package org.rnngradients.cells;

import org.ejml.data.DMatrixRMaj;

/**
 * The batched LSTM step (gates i, f, g, o; state [H; C], 2H × B): the stacked pre-activations
 * A = W_ih X + b_ih + W_hh H + b_hh come from one GEMM per step, and J·V from one GEMM W_hh·V_h.
 */
final class LstmPass extends CellPass {
    private static final int I = LstmCell.I;
    private static final int F = LstmCell.F;
    private static final int G = LstmCell.G;
    private static final int O = LstmCell.O;

    LstmPass(LstmCell cell, int batchSize) {
        super(cell, batchSize, false);
    }

    @Override
    public BatchCache newCache() {
        return new Cache(this);
    }

    /** The pre-activation of gate {@code gate}, unit {@code k}, column {@code b}: W_ih x + b_ih + W_hh h + b_hh. */
    private double preActivation(double[] p, int at, int rowStride, int gate, int k, int b) {
        int r = gate * hiddenSize + k;
        double a = p[at + r * rowStride] + biasIh.data[r] + recurrent.data[r * batchSize + b] + biasHh.data[r];
        requireFinite(a, r, b);
        return a;
    }

    // tag::batched-lstm-forward[]
    @Override
    void gates(BaseBatchCache cache, double[] p, int offset, int rowStride, int columnStride, DMatrixRMaj state) {
        Cache c = (Cache) cache;
        int cells = hiddenSize * batchSize;                                  // C rows start here in [H; C]
        for (int k = 0; k < hiddenSize; k++) {
            for (int b = 0; b < batchSize; b++) {
                int e = k * batchSize + b;
                if (!c.active[b]) {
                    state.data[e] = c.hPrevious.data[e];
                    state.data[cells + e] = c.cPrevious.data[e];
                    continue;
                }
                int at = offset + b * columnStride;                            // W_ih x of column b, row 0
                double i = Activation.sigmoid(preActivation(p, at, rowStride, I, k, b));
                double f = Activation.sigmoid(preActivation(p, at, rowStride, F, k, b));
                double g = FastTanh.tanh(preActivation(p, at, rowStride, G, k, b));
                double o = Activation.sigmoid(preActivation(p, at, rowStride, O, k, b));
                double cell = f * c.cPrevious.data[e] + i * g;                 // c' = f c + i g
                double tanhCell = FastTanh.tanh(cell);
                c.i.data[e] = i;
                c.f.data[e] = f;
                c.g.data[e] = g;
                c.o.data[e] = o;
                c.tanhCell.data[e] = tanhCell;
                state.data[e] = o * tanhCell;                                  // h' = o tanh(c')
                state.data[cells + e] = cell;
            }
        }
    }
    // end::batched-lstm-forward[]

    // tag::batched-lstm-backward[]
    @Override
    void gateAdjoints(BaseBatchCache cache, DMatrixRMaj delta, DMatrixRMaj previous) {
        Cache c = (Cache) cache;
        int hs = hiddenSize;
        int nb = batchSize;
        int cells = hs * nb;                                                   // C rows start here in [H; C]
        for (int k = 0; k < hs; k++) {
            for (int b = 0; b < nb; b++) {
                int e = k * nb + b;
                boolean active = c.active[b];
                double i = c.i.data[e];
                double f = c.f.data[e];
                double g = c.g.data[e];
                double o = c.o.data[e];
                double t = c.tanhCell.data[e];
                double dh = active ? delta.data[e] : 0;
                double dc = active ? delta.data[cells + e] + dh * o * (1 - t * t) : 0;   // ∂L/∂c' through both paths
                gateAdjointsIh.data[(I * hs + k) * nb + b] = dc * g * i * (1 - i);
                gateAdjointsIh.data[(F * hs + k) * nb + b] = dc * c.cPrevious.data[e] * f * (1 - f);
                gateAdjointsIh.data[(G * hs + k) * nb + b] = dc * i * (1 - g * g);
                gateAdjointsIh.data[(O * hs + k) * nb + b] = dh * t * o * (1 - o);
                previous.data[cells + e] = dc * f;                              // the additive path: ∂L/∂c = f ⊙ ∂L/∂c'
            }
        }
    }
    // end::batched-lstm-backward[]

    @Override
    void combineRows(BaseBatchCache cache, int column, DMatrixRMaj frame, DMatrixRMaj u, DMatrixRMaj image) {
        Cache c = (Cache) cache;
        int hs = hiddenSize;
        int k = frame.numCols;
        for (int r = 0; r < hs; r++) {
            int e = r * batchSize + column;
            double i = c.i.data[e];
            double f = c.f.data[e];
            double g = c.g.data[e];
            double o = c.o.data[e];
            double t = c.tanhCell.data[e];
            double dhdc = o * (1 - t * t);                                     // ∂h'/∂c'
            double ci = g * i * (1 - i);                                       // ∂c'/∂a_i
            double cf = c.cPrevious.data[e] * f * (1 - f);                     // ∂c'/∂a_f
            double cg = i * (1 - g * g);                                       // ∂c'/∂a_g
            double co = t * o * (1 - o);                                       // ∂h'/∂a_o
            int h = r * k;
            int cRow = (hs + r) * k;
            int ui = (I * hs + r) * k;
            int uf = (F * hs + r) * k;
            int ug = (G * hs + r) * k;
            int uo = (O * hs + r) * k;
            for (int j = 0; j < k; j++) {
                double dc = ci * u.data[ui + j] + cf * u.data[uf + j] + cg * u.data[ug + j] + f * frame.data[cRow + j];
                image.data[cRow + j] = dc;                                     // row of ∂c'/∂(h, c)·V
                image.data[h + j] = dhdc * dc + co * u.data[uo + j];           // row of ∂h'/∂(h, c)·V
            }
        }
    }

    /** i, f, g, o and tanh(c') of one step (each H × B). */
    private static final class Cache extends BaseBatchCache {
        final DMatrixRMaj i;
        final DMatrixRMaj f;
        final DMatrixRMaj g;
        final DMatrixRMaj o;
        final DMatrixRMaj tanhCell;

        Cache(LstmPass pass) {
            super(pass);
            int h = pass.hiddenSize;
            int b = pass.batchSize;
            i = new DMatrixRMaj(h, b);
            f = new DMatrixRMaj(h, b);
            g = new DMatrixRMaj(h, b);
            o = new DMatrixRMaj(h, b);
            tanhCell = new DMatrixRMaj(h, b);
        }

        @Override
        public long bytes() {
            return sharedBytes() + BaseCache.arrayBytes(i) + BaseCache.arrayBytes(f) + BaseCache.arrayBytes(g)
                    + BaseCache.arrayBytes(o) + BaseCache.arrayBytes(tanhCell);
        }
    }
}
