package org.rnngradients.cells;

import org.ejml.data.DMatrixRMaj;

/**
 * The batched GRU step in PyTorch's form (gates r, z, n): the reset gate multiplies the whole
 * hidden-side term of n, r ⊙ (W_hn H + b_hn), which the cache keeps for the backward step.
 */
final class GruPass extends CellPass {
    private static final int R = GruCell.R;
    private static final int Z = GruCell.Z;
    private static final int N = GruCell.N;

    GruPass(GruCell cell, int batchSize) {
        super(cell, batchSize, true);
    }

    @Override
    public BatchCache newCache() {
        return new Cache(this);
    }

    // tag::batched-gru-forward[]
    @Override
    void gates(BaseBatchCache cache, double[] p, int offset, int rowStride, int columnStride, DMatrixRMaj state) {
        Cache c = (Cache) cache;
        int hs = hiddenSize;
        int nb = batchSize;
        for (int k = 0; k < hs; k++) {
            int row = k * nb;
            int ir = offset + (R * hs + k) * rowStride;
            int iz = offset + (Z * hs + k) * rowStride;
            int in = offset + (N * hs + k) * rowStride;
            for (int b = 0; b < nb; b++) {
                int e = row + b;
                int column = b * columnStride;
                if (!c.active[b]) {
                    state.data[e] = c.hPrevious.data[e];
                    continue;
                }
                double ar = (p[ir + column] + biasIh.data[R * hs + k]) + (recurrent.data[(R * hs + k) * nb + b] + biasHh.data[R * hs + k]);
                double az = (p[iz + column] + biasIh.data[Z * hs + k]) + (recurrent.data[(Z * hs + k) * nb + b] + biasHh.data[Z * hs + k]);
                double ghN = recurrent.data[(N * hs + k) * nb + b] + biasHh.data[N * hs + k];   // W_hn h + b_hn
                requireFinite(ar, R * hs + k, b);
                requireFinite(az, Z * hs + k, b);
                requireFinite(ghN, N * hs + k, b);
                double r = Activation.sigmoid(ar);
                double z = Activation.sigmoid(az);
                double an = (p[in + column] + biasIh.data[N * hs + k]) + r * ghN;    // W_in x + b_in + r ⊙ (W_hn h + b_hn)
                requireFinite(an, N * hs + k, b);
                double n = FastTanh.tanh(an);
                c.r.data[e] = r;
                c.z.data[e] = z;
                c.n.data[e] = n;
                c.ghN.data[e] = ghN;
                state.data[e] = (1 - z) * n + z * c.hPrevious.data[e];           // h' = (1 − z) n + z h
            }
        }
    }
    // end::batched-gru-forward[]

    // tag::batched-gru-backward[]
    @Override
    void gateAdjoints(BaseBatchCache cache, DMatrixRMaj delta, DMatrixRMaj previous) {
        Cache c = (Cache) cache;
        int hs = hiddenSize;
        int nb = batchSize;
        for (int k = 0; k < hs; k++) {
            for (int b = 0; b < nb; b++) {
                int e = k * nb + b;
                double d = c.active[b] ? delta.data[e] : 0;
                double r = c.r.data[e];
                double z = c.z.data[e];
                double n = c.n.data[e];
                double dn = d * (1 - z) * (1 - n * n);                         // ∂L/∂(W_in x + b_in + r ⊙ gh_n)
                double dr = dn * c.ghN.data[e] * r * (1 - r);                  // ∂L/∂(pre-activation of r)
                double dz = d * (c.hPrevious.data[e] - n) * z * (1 - z);       // ∂L/∂(pre-activation of z)
                gateAdjointsIh.data[(R * hs + k) * nb + b] = dr;
                gateAdjointsIh.data[(Z * hs + k) * nb + b] = dz;
                gateAdjointsIh.data[(N * hs + k) * nb + b] = dn;
                gateAdjointsHh.data[(R * hs + k) * nb + b] = dr;
                gateAdjointsHh.data[(Z * hs + k) * nb + b] = dz;
                gateAdjointsHh.data[(N * hs + k) * nb + b] = dn * r;
                previous.data[e] = d * z;                                      // the additive path; W_hhᵀ dA is added
            }
        }
    }
    // end::batched-gru-backward[]

    @Override
    boolean carriesHiddenAdjoint() {
        return true;
    }

    @Override
    void combineRows(BaseBatchCache cache, int column, DMatrixRMaj frame, DMatrixRMaj u, DMatrixRMaj image) {
        Cache c = (Cache) cache;
        int hs = hiddenSize;
        int k = frame.numCols;
        for (int i = 0; i < hs; i++) {
            int e = i * batchSize + column;
            double r = c.r.data[e];
            double z = c.z.data[e];
            double n = c.n.data[e];
            double dn = (1 - z) * (1 - n * n);
            double aR = dn * c.ghN.data[e] * r * (1 - r);
            double aZ = (c.hPrevious.data[e] - n) * z * (1 - z);
            double aN = dn * r;
            int row = i * k;
            int ur = (R * hs + i) * k;
            int uz = (Z * hs + i) * k;
            int un = (N * hs + i) * k;
            for (int j = 0; j < k; j++) {           // J·V = z ⊙ V + a_r ⊙ W_hr V + a_z ⊙ W_hz V + a_n ⊙ W_hn V
                image.data[row + j] = z * frame.data[row + j] + aR * u.data[ur + j] + aZ * u.data[uz + j]
                        + aN * u.data[un + j];
            }
        }
    }

    /** r, z, n and W_hn H + b_hn of one step (each H × B). */
    private static final class Cache extends BaseBatchCache {
        final DMatrixRMaj r;
        final DMatrixRMaj z;
        final DMatrixRMaj n;
        final DMatrixRMaj ghN;

        Cache(GruPass pass) {
            super(pass);
            int h = pass.hiddenSize;
            int b = pass.batchSize;
            r = new DMatrixRMaj(h, b);
            z = new DMatrixRMaj(h, b);
            n = new DMatrixRMaj(h, b);
            ghN = new DMatrixRMaj(h, b);
        }

        @Override
        public long bytes() {
            return sharedBytes() + BaseCache.arrayBytes(r) + BaseCache.arrayBytes(z) + BaseCache.arrayBytes(n)
                    + BaseCache.arrayBytes(ghN);
        }
    }
}
