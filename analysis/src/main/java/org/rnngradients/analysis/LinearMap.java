package org.rnngradients.analysis;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.linalg.Require;

/**
 * The linear map s_t = A s_{t−1} (a linear RNN without input): its step Jacobian is A at every step,
 * so ∂s_T/∂s_t = A^{T−t}. The reference case with closed forms: for normal A the Lyapunov exponents
 * are ln|eig(A)|.
 */
public final class LinearMap implements JacobianSource {
    private final DMatrixRMaj a;

    /** The map with matrix {@code a} (square, finite; copied). */
    public LinearMap(DMatrixRMaj a) {
        Require.square(a, "a");
        Require.nonEmpty(a, "a");
        Require.finite(a, "a");
        this.a = a.copy();
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
}
