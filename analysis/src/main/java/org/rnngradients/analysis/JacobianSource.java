package org.rnngradients.analysis;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.linalg.MatrixProducts;

/**
 * A dynamical system seen through its step Jacobians: each call to {@link #advance} moves the state
 * s_{t−1} → s_t and gives J_t = ∂s_t/∂s_{t−1} (evaluated along the trajectory), either formed or applied
 * to a block of tangent vectors. Everything in this package that multiplies Jacobians — products, bounds,
 * Lyapunov spectra — reads them from here, so the same code runs on recurrent cells ({@link CellTrajectory}),
 * linear maps ({@link LinearMap}) and classical maps ({@link HenonMap}).
 */
public interface JacobianSource {

    /** The state dimension n; every Jacobian is n × n. */
    int dimension();

    /** Advances one step and writes its Jacobian J_t into {@code jacobian} (n × n, overwritten). */
    void advance(DMatrixRMaj jacobian);

    /**
     * Advances one step and writes J_t·frame into {@code image}: the step of k tangent vectors at once, which
     * a source can compute without forming J_t (a resident W for a linear map, diag(φ′)·(W·frame) for a cell).
     * Both are n × k with k ≥ 1 and must not share storage; {@code frame} is not modified.
     *
     * <p>The default forms J_t with {@link #advance(DMatrixRMaj)} in an n × n scratch matrix kept per thread
     * (so a source whose {@code advance(jacobian)} itself calls this default on the same thread must override
     * it), then multiplies through {@link MatrixProducts}; after the first call on a thread it allocates nothing.
     */
    default void advance(DMatrixRMaj frame, DMatrixRMaj image) {
        Frames.require(frame, image, dimension());
        DMatrixRMaj jacobian = Frames.scratchJacobian(dimension());
        advance(jacobian);
        MatrixProducts.mult(jacobian, frame, image);
    }
}
