package org.rnngradients.analysis.cli;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.bptt.loss.Loss;

/**
 * L = uᵀŷ for a fixed unit vector u passed as the target: its gradient is u itself, so
 * ‖∂L/∂h_T‖ = 1 and the profile ‖∂L/∂h_t‖ = ‖(∂h_T/∂h_t)ᵀu‖ shows the propagation alone,
 * independent of how large h_T happens to be.
 */
final class ProjectionLoss implements Loss {

    @Override
    public double value(DMatrixRMaj output, DMatrixRMaj target) {
        double sum = 0;
        for (int i = 0; i < output.getNumElements(); i++) {
            sum += target.data[i] * output.data[i];
        }
        return sum;
    }

    @Override
    public double gradient(DMatrixRMaj output, DMatrixRMaj target, DMatrixRMaj gradient) {
        System.arraycopy(target.data, 0, gradient.data, 0, output.getNumElements());
        return value(output, target);
    }

    @Override
    public String toString() {
        return "projection";
    }
}
