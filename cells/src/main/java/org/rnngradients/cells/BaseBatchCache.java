package org.rnngradients.cells;

import org.ejml.data.DMatrixRMaj;

/**
 * The part of a batch cache every cell shares: its owner, whether a forward step filled it, which
 * columns took part in the step, and copies of the step's inputs X_t (I × B) and previous hidden
 * states H_{t−1} (H × B), plus C_{t−1} for an LSTM. Because the forward step copies its arguments
 * here first, the output state may alias the previous state.
 */
abstract class BaseBatchCache implements BatchCache {
    final CellPass owner;
    final DMatrixRMaj input;
    final DMatrixRMaj hPrevious;
    final DMatrixRMaj cPrevious;
    final boolean[] active;
    boolean filled;

    BaseBatchCache(CellPass owner) {
        this.owner = owner;
        int b = owner.batchSize;
        this.input = new DMatrixRMaj(owner.inputSize, b);
        this.hPrevious = new DMatrixRMaj(owner.hiddenSize, b);
        this.cPrevious = owner.stateSize > owner.hiddenSize ? new DMatrixRMaj(owner.hiddenSize, b) : null;
        this.active = new boolean[b];
    }

    /** Copies S_{t−1} = [H; C] (or H), X_t and the mask (all columns when null) into this cache. */
    final void keep(DMatrixRMaj previous, DMatrixRMaj inputs, boolean[] mask) {
        keepPrevious(previous);
        System.arraycopy(inputs.data, 0, input.data, 0, input.getNumElements());
        if (mask == null) {
            java.util.Arrays.fill(active, true);
        } else {
            System.arraycopy(mask, 0, active, 0, active.length);
        }
    }

    /** Copies S_{t−1} (the H rows, then the C rows of an LSTM) into this cache. */
    final void keepPrevious(DMatrixRMaj previous) {
        int n = hPrevious.getNumElements();
        System.arraycopy(previous.data, 0, hPrevious.data, 0, n);
        if (cPrevious != null) {
            System.arraycopy(previous.data, n, cPrevious.data, 0, n);
        }
    }

    /** The bytes of the shared arrays; subclasses add their own. */
    long sharedBytes() {
        return BaseCache.arrayBytes(input) + BaseCache.arrayBytes(hPrevious)
                + (cPrevious == null ? 0 : BaseCache.arrayBytes(cPrevious)) + 16 + active.length;
    }
}
