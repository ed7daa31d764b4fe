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

    /** A = W_ih X + b_ih + W_hh H + b_hh of the current step (4H × B). */
    private final DMatrixRMaj preActivations;
    private final PackedActivations packed = new PackedActivations();

    LstmPass(LstmCell cell, int batchSize) {
        super(cell, batchSize, false);
        preActivations = new DMatrixRMaj(gateRows, batchSize);
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

    /**
     * The packed path when every pre-activation lies within {@link PackedActivations#LIMIT}: sum A into
     * {@link #preActivations}, the gates of all columns as SIMD loops over the gate blocks of A (rows
     * I, F, G, O × B each), then c' and h'. Otherwise (a saturated or overflowing step, or B > 1 columns
     * that are not adjacent in {@code p}) the exact element-by-element loop below, which also names the
     * first non-finite pre-activation.
     */
    @Override
    void gates(BaseBatchCache cache, double[] p, int offset, int rowStride, int columnStride, DMatrixRMaj state) {
        Cache c = (Cache) cache;
        double[] a = preActivations.data;
        if (batchSize > 1 && columnStride != 1
                || !(sumPreActivations(p, offset, rowStride, a) < PackedActivations.LIMIT)) {
            exactGates(c, p, offset, rowStride, columnStride, state);
            return;
        }
        int cells = hiddenSize * batchSize;                                  // elements per gate block; C rows of [H; C]
        packed.sigmoid(a, I * cells, cells, c.i.data, 0);
        packed.sigmoid(a, F * cells, cells, c.f.data, 0);
        packed.tanh(a, G * cells, cells, c.g.data, 0);
        packed.sigmoid(a, O * cells, cells, c.o.data, 0);
        cellUpdate(c, state.data, cells);
        if (PackedActivations.maxAbs(state.data, cells, cells) < PackedActivations.LIMIT) {
            packed.tanh(state.data, cells, cells, c.tanhCell.data, 0);
        } else {
            for (int e = 0; e < cells; e++) {
                c.tanhCell.data[e] = FastTanh.tanh(state.data[cells + e]);
            }
        }
        for (int e = 0; e < cells; e++) {
            state.data[e] = c.o.data[e] * c.tanhCell.data[e];                  // h' = o tanh(c')
        }
        keepInactiveColumns(c, state.data, cells);
    }

    /**
     * A = W_ih x + b_ih + W_hh h + b_hh for every row and column, added in the exact path's order; returns
     * max |A| (NaN when an entry is NaN), which decides between the packed and the exact path.
     */
    private double sumPreActivations(double[] p, int offset, int rowStride, double[] a) {
        double[] rec = recurrent.data;
        int nb = batchSize;
        double max = 0;
        if (nb == 1) {
            for (int r = 0; r < gateRows; r++) {
                double v = p[offset + r * rowStride] + biasIh.data[r] + rec[r] + biasHh.data[r];
                a[r] = v;
                max = Math.max(max, Math.abs(v));
            }
        } else {
            for (int r = 0; r < gateRows; r++) {
                int row = offset + r * rowStride;
                double ih = biasIh.data[r];
                double hh = biasHh.data[r];
                for (int b = 0; b < nb; b++) {
                    double v = p[row + b] + ih + rec[r * nb + b] + hh;
                    a[r * nb + b] = v;
                    max = Math.max(max, Math.abs(v));
                }
            }
        }
        return max;
    }

    /** c' = f c + i g, into the C rows of the state. */
    private static void cellUpdate(Cache c, double[] state, int cells) {
        double[] i = c.i.data;
        double[] f = c.f.data;
        double[] g = c.g.data;
        double[] previous = c.cPrevious.data;
        for (int e = 0; e < cells; e++) {
            state[cells + e] = f[e] * previous[e] + i[e] * g[e];
        }
    }

    /** A column that sat the step out keeps S_{t−1}. */
    private void keepInactiveColumns(Cache c, double[] state, int cells) {
        for (int b = 0; b < batchSize; b++) {
            if (c.active[b]) {
                continue;
            }
            for (int k = 0; k < hiddenSize; k++) {
                int e = k * batchSize + b;
                state[e] = c.hPrevious.data[e];
                state[cells + e] = c.cPrevious.data[e];
            }
        }
    }

    // tag::batched-lstm-forward[]
    /** The gates element by element, as in the batch-1 cell (with {@link FastTanh}); checks every pre-activation. */
    private void exactGates(BaseBatchCache cache, double[] p, int offset, int rowStride, int columnStride, DMatrixRMaj state) {
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
        if (allActive(c)) {
            allColumnGateAdjoints(c, delta, previous);
            return;
        }
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

    private boolean allActive(Cache c) {
        for (boolean a : c.active) {
            if (!a) {
                return false;
            }
        }
        return true;
    }

    /**
     * The loop above when every column takes the step: the same arithmetic without the mask, one pass
     * over each gate block in storage order, which C2 compiles to SIMD code.
     */
    private void allColumnGateAdjoints(Cache c, DMatrixRMaj delta, DMatrixRMaj previous) {
        int cells = hiddenSize * batchSize;
        double[] da = gateAdjointsIh.data;
        double[] d = delta.data;
        double[] i = c.i.data;
        double[] f = c.f.data;
        double[] g = c.g.data;
        double[] o = c.o.data;
        double[] t = c.tanhCell.data;
        double[] cp = c.cPrevious.data;
        double[] out = previous.data;
        for (int e = 0; e < cells; e++) {
            double dh = d[e];
            double dc = d[cells + e] + dh * o[e] * (1 - t[e] * t[e]);
            da[I * cells + e] = dc * g[e] * i[e] * (1 - i[e]);
            da[F * cells + e] = dc * cp[e] * f[e] * (1 - f[e]);
            da[G * cells + e] = dc * i[e] * (1 - g[e] * g[e]);
            da[O * cells + e] = dh * t[e] * o[e] * (1 - o[e]);
            out[cells + e] = dc * f[e];
        }
    }

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
