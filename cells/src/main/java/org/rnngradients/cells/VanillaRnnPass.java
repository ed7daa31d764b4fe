package org.rnngradients.cells;

import org.ejml.data.DMatrixRMaj;

/** The batched vanilla RNN step: Z = W_ih X + b_ih + W_hh H + b_hh, H' = φ(Z), J·V = diag(φ′)·(W_hh V). */
final class VanillaRnnPass extends CellPass {
    private final Activation activation;
    private final boolean tanh;

    VanillaRnnPass(VanillaRnnCell cell, int batchSize) {
        super(cell, batchSize, false);
        this.activation = cell.activation();
        this.tanh = activation == Activation.TANH;
    }

    @Override
    public BatchCache newCache() {
        return new Cache(this);
    }

    // tag::batched-vanilla-forward[]
    @Override
    void gates(BaseBatchCache cache, double[] p, int offset, int rowStride, int columnStride, DMatrixRMaj h) {
        Cache c = (Cache) cache;
        int nb = batchSize;
        for (int k = 0; k < hiddenSize; k++) {
            int row = k * nb;
            int in = offset + k * rowStride;
            double bi = biasIh.data[k];
            double bh = biasHh.data[k];
            for (int b = 0; b < nb; b++) {
                if (!c.active[b]) {
                    h.data[row + b] = c.hPrevious.data[row + b];                 // a finished column keeps its state
                    continue;
                }
                double z = p[in + b * columnStride] + bi + recurrent.data[row + b] + bh;        // z = W_ih x + b_ih + W_hh h + b_hh
                requireFinite(z, k, b);
                double phi = tanh ? FastTanh.tanh(z) : activation.apply(z);
                h.data[row + b] = phi;                                           // h_t = φ(z)
                c.derivative.data[row + b] = activation.derivative(z, phi);
            }
        }
    }
    // end::batched-vanilla-forward[]

    // tag::batched-vanilla-backward[]
    @Override
    void gateAdjoints(BaseBatchCache cache, DMatrixRMaj delta, DMatrixRMaj previous) {
        Cache c = (Cache) cache;
        for (int e = 0; e < hiddenSize * batchSize; e++) {
            boolean active = c.active[e % batchSize];
            gateAdjointsIh.data[e] = active ? c.derivative.data[e] * delta.data[e] : 0;   // dZ = φ′(Z) ⊙ Δ_t
        }
    }
    // end::batched-vanilla-backward[]

    @Override
    void combineRows(BaseBatchCache cache, int column, DMatrixRMaj frame, DMatrixRMaj u, DMatrixRMaj image) {
        Cache c = (Cache) cache;
        int k = frame.numCols;
        for (int i = 0; i < hiddenSize; i++) {
            double d = c.derivative.data[i * batchSize + column];
            int row = i * k;
            for (int j = 0; j < k; j++) {
                image.data[row + j] = d * u.data[row + j];                        // J·V = diag(φ′)·(W_hh V)
            }
        }
    }

    /** φ′(Z) of one step (H × B). */
    private static final class Cache extends BaseBatchCache {
        final DMatrixRMaj derivative;

        Cache(VanillaRnnPass pass) {
            super(pass);
            derivative = new DMatrixRMaj(pass.hiddenSize, pass.batchSize);
        }

        @Override
        public long bytes() {
            return sharedBytes() + BaseCache.arrayBytes(derivative);
        }
    }
}
