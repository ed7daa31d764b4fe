package org.rnngradients.analysis;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.linalg.MatrixProducts;
import org.rnngradients.linalg.internal.Require;

/**
 * A given list of step Jacobians J_1, …, J_m played in order and then repeated periodically
 * (J_{m+1} = J_1, …). Used for hand-made constructions (aligned or rotating singular vectors) and
 * for random instances in tests.
 */
public final class JacobianSequence implements JacobianSource {
    private final List<DMatrixRMaj> jacobians;
    private final int n;
    private int next;

    private JacobianSequence(List<DMatrixRMaj> jacobians) {
        Require.nonNull(jacobians, "jacobians");
        if (jacobians.isEmpty()) {
            throw new IllegalArgumentException("jacobians must not be empty");
        }
        this.n = Require.square(jacobians.get(0), "jacobians[0]").numRows;
        List<DMatrixRMaj> copies = new ArrayList<>(jacobians.size());
        for (int t = 0; t < jacobians.size(); t++) {
            DMatrixRMaj j = jacobians.get(t);
            Require.shape(j, n, n, "jacobians[" + t + "]");
            Require.finite(j, "jacobians[" + t + "]");
            copies.add(j.copy());
        }
        this.jacobians = copies;
    }

    /** The sequence J_1 = {@code jacobians[0]}, J_2 = {@code jacobians[1]}, … (copied; all n × n and finite). */
    public static JacobianSequence of(List<DMatrixRMaj> jacobians) {
        return new JacobianSequence(jacobians);
    }

    /** The period m: how many distinct Jacobians are played before the sequence repeats. */
    public int period() {
        return jacobians.size();
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public void advance(DMatrixRMaj jacobian) {
        Require.shape(jacobian, n, n, "jacobian");
        jacobian.setTo(jacobians.get(next));
        next = (next + 1) % jacobians.size();
    }

    /** image = J_t·frame for the next Jacobian of the sequence, without copying it. */
    @Override
    public void advance(DMatrixRMaj frame, DMatrixRMaj image) {
        Frames.require(frame, image, n);
        MatrixProducts.mult(jacobians.get(next), frame, image);
        next = (next + 1) % jacobians.size();
    }
}
