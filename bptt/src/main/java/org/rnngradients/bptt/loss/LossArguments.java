package org.rnngradients.bptt.loss;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.linalg.internal.Require;

/** The argument checks of every loss: an output column, a target of its shape, a gradient of its shape. */
final class LossArguments {
    private LossArguments() {
    }

    /** Checks ŷ (a finite n × 1 column) and y (finite, the same shape); returns n. */
    static int check(DMatrixRMaj output, DMatrixRMaj target) {
        Require.finite(Require.columnVector(output, "output"), "output");
        Require.finite(Require.columnVector(target, output.numRows, "target"), "target");
        return output.numRows;
    }

    /** {@link #check(DMatrixRMaj, DMatrixRMaj)} and the gradient output (n × 1, not the output or the target). */
    static int check(DMatrixRMaj output, DMatrixRMaj target, DMatrixRMaj gradient) {
        int n = check(output, target);
        Require.columnVector(gradient, n, "gradient");
        return n;
    }
}
