package org.rnngradients.analysis;

import org.ejml.data.DMatrixRMaj;

/**
 * A dynamical system seen through its step Jacobians: each call to {@link #advance} moves the state
 * s_{t−1} → s_t and writes J_t = ∂s_t/∂s_{t−1} (evaluated along the trajectory). Everything in this
 * package that multiplies Jacobians — products, bounds, Lyapunov spectra — reads them from here, so
 * the same code runs on recurrent cells ({@link CellTrajectory}), linear maps ({@link LinearMap}) and
 * classical maps ({@link HenonMap}).
 */
public interface JacobianSource {

    /** The state dimension n; every Jacobian is n × n. */
    int dimension();

    /** Advances one step and writes its Jacobian J_t into {@code jacobian} (n × n, overwritten). */
    void advance(DMatrixRMaj jacobian);

    /** Advances one step and writes J_t·frame (n × k) into {@code image}; the default forms J_t. */
    default void advance(DMatrixRMaj frame, DMatrixRMaj image) {
        DMatrixRMaj jacobian = new DMatrixRMaj(dimension(), dimension());
        advance(jacobian);
        org.ejml.dense.row.CommonOps_DDRM.mult(jacobian, frame, image);
    }
}
