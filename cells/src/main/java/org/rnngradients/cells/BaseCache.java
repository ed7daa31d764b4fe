package org.rnngradients.cells;

import org.ejml.data.DMatrixRMaj;

/**
 * The part of a step cache every cell shares: its owner, whether a forward step has filled it, and
 * copies of the step's input x_t and previous hidden state h_{t−1} (plus c_{t−1} for an LSTM).
 * Because forward copies its arguments here first, the output state may alias the previous state.
 */
abstract class BaseCache implements StepCache {
    final BaseCell owner;
    final DMatrixRMaj input;
    final DMatrixRMaj hPrevious;
    final DMatrixRMaj cPrevious;
    boolean filled;

    BaseCache(BaseCell owner) {
        this.owner = owner;
        this.input = new DMatrixRMaj(owner.inputSize(), 1);
        this.hPrevious = new DMatrixRMaj(owner.hiddenSize(), 1);
        this.cPrevious = owner.stateSize() > owner.hiddenSize() ? new DMatrixRMaj(owner.hiddenSize(), 1) : null;
    }

    /** Copies s_{t−1} = [h; c] (or h) and x_t into this cache. */
    void keep(DMatrixRMaj previous, DMatrixRMaj x) {
        int h = hPrevious.numRows;
        System.arraycopy(previous.data, 0, hPrevious.data, 0, h);
        if (cPrevious != null) {
            System.arraycopy(previous.data, h, cPrevious.data, 0, h);
        }
        System.arraycopy(x.data, 0, input.data, 0, input.numRows);
    }

    /** The bytes of the shared arrays (x_t, h_{t−1}, c_{t−1}); subclasses add their own. */
    final long sharedBytes() {
        return arrayBytes(input) + arrayBytes(hPrevious) + (cPrevious == null ? 0 : arrayBytes(cPrevious));
    }

    /** Bytes of the array behind {@code m}: 8 per entry plus a 16-byte array header. */
    static long arrayBytes(DMatrixRMaj m) {
        return 16 + 8L * m.data.length;
    }
}
