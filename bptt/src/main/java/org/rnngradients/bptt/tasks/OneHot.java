package org.rnngradients.bptt.tasks;

import org.ejml.data.DMatrixRMaj;

/** One-hot column vectors. */
final class OneHot {
    private OneHot() {
    }

    /** e_index of length size. */
    static DMatrixRMaj of(int index, int size) {
        DMatrixRMaj v = new DMatrixRMaj(size, 1);
        v.data[index] = 1;
        return v;
    }
}
