package org.rnngradients.bptt.loss;

import org.ejml.data.DMatrixRMaj;

/**
 * Mean squared error L = (1/n) Σᵢ (ŷᵢ − yᵢ)², so for a scalar output it is the squared error itself
 * (the adding problem's MSE); ∂L/∂ŷᵢ = 2(ŷᵢ − yᵢ)/n.
 */
public final class MeanSquaredError implements Loss {

    // tag::mse-loss[]
    @Override
    public double gradient(DMatrixRMaj output, DMatrixRMaj target, DMatrixRMaj gradient) {
        int n = LossArguments.check(output, target, gradient);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double e = output.data[i] - target.data[i];
            sum += e * e;
            gradient.data[i] = 2 * e / n;
        }
        return sum / n;
    }
    // end::mse-loss[]

    @Override
    public double value(DMatrixRMaj output, DMatrixRMaj target) {
        int n = LossArguments.check(output, target);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double e = output.data[i] - target.data[i];
            sum += e * e;
        }
        return sum / n;
    }

    @Override
    public String toString() {
        return "MSE";
    }
}
