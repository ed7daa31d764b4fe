package org.rnngradients.analysis;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.linalg.internal.Require;

/** Argument checks and the per-thread formed Jacobian behind {@link JacobianSource#advance(DMatrixRMaj, DMatrixRMaj)}. */
final class Frames {
    private static final ThreadLocal<DMatrixRMaj> JACOBIAN = ThreadLocal.withInitial(() -> new DMatrixRMaj(1, 1));

    private Frames() {
    }

    /** Checks that {@code frame} and {@code image} are n × k blocks (k ≥ 1) with separate storage. */
    static void require(DMatrixRMaj frame, DMatrixRMaj image, int n) {
        Require.nonNull(frame, "frame");
        if (frame.numRows != n || frame.numCols < 1) {
            throw new IllegalArgumentException("frame must be " + n + " x k with k >= 1, was " + Require.shapeOf(frame));
        }
        Require.shape(image, n, frame.numCols, "image");
        if (image == frame || image.data == frame.data) {
            throw new IllegalArgumentException("image must not share its storage with frame");
        }
    }

    /** This thread's n × n scratch matrix (reshaped in place; it grows only to the largest n seen). */
    static DMatrixRMaj scratchJacobian(int n) {
        DMatrixRMaj j = JACOBIAN.get();
        if (j.numRows != n || j.numCols != n) {
            j.reshape(n, n);
        }
        return j;
    }
}
