package org.rnngradients.analysis;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.linalg.internal.Require;
import org.rnngradients.linalg.ResidentMatrix;

/**
 * The linear map s_t = A s_{t−1} (a linear RNN without input): its step Jacobian is A at every step,
 * so ∂s_T/∂s_t = A^{T−t}. The reference case with closed forms: for normal A the Lyapunov exponents
 * are ln|eig(A)|. A is held resident in the linalg backend, so a frame step J·Q copies only Q.
 */
public final class LinearMap implements JacobianSource {
    private final DMatrixRMaj a;
    private final ResidentMatrix resident;

    /** The map with matrix {@code a} (square, finite; copied). */
    public LinearMap(DMatrixRMaj a) {
        Require.square(a, "a");
        Require.nonEmpty(a, "a");
        Require.finite(a, "a");
        this.a = a.copy();
        this.resident = ResidentMatrix.of(this.a);
    }

    @Override
    public int dimension() {
        return a.numRows;
    }

    @Override
    public void advance(DMatrixRMaj jacobian) {
        Require.shape(jacobian, a.numRows, a.numCols, "jacobian");
        jacobian.setTo(a);
    }

    /** image = A·frame, from the resident copy of A. */
    @Override
    public void advance(DMatrixRMaj frame, DMatrixRMaj image) {
        Frames.require(frame, image, a.numRows);
        resident.mult(frame, image);
    }
}
