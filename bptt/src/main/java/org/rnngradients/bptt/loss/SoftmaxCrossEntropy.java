package org.rnngradients.bptt.loss;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.linalg.internal.Require;

/**
 * Softmax cross-entropy on logits ŷ against a probability target y (usually one-hot):
 * L = −Σᵢ yᵢ ln softmax(ŷ)ᵢ = logsumexp(ŷ)·Σy − Σ yᵢŷᵢ, with ∂L/∂ŷ = softmax(ŷ)·Σy − y.
 * The log-sum-exp is shifted by max ŷ so large logits cannot overflow.
 */
public final class SoftmaxCrossEntropy implements Loss {

    // tag::softmax-cross-entropy[]
    @Override
    public double gradient(DMatrixRMaj output, DMatrixRMaj target, DMatrixRMaj gradient) {
        int n = LossArguments.check(output, target, gradient);
        double logSumExp = logSumExp(output);
        double mass = 0;
        double loss = 0;
        for (int i = 0; i < n; i++) {
            mass += target.data[i];
            loss -= target.data[i] * (output.data[i] - logSumExp);
        }
        for (int i = 0; i < n; i++) {
            gradient.data[i] = Math.exp(output.data[i] - logSumExp) * mass - target.data[i];
        }
        return loss;
    }
    // end::softmax-cross-entropy[]

    @Override
    public double value(DMatrixRMaj output, DMatrixRMaj target) {
        LossArguments.check(output, target);
        double logSumExp = logSumExp(output);
        double loss = 0;
        for (int i = 0; i < output.getNumElements(); i++) {
            loss -= target.data[i] * (output.data[i] - logSumExp);
        }
        return loss;
    }

    /** ln Σ exp(ŷᵢ), shifted by the maximum. */
    static double logSumExp(DMatrixRMaj v) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < v.getNumElements(); i++) {
            max = Math.max(max, v.data[i]);
        }
        double sum = 0;
        for (int i = 0; i < v.getNumElements(); i++) {
            sum += Math.exp(v.data[i] - max);
        }
        return max + Math.log(sum);
    }

    /** Index of the largest logit (the predicted class). */
    public static int argmax(DMatrixRMaj v) {
        Require.finite(Require.nonEmpty(v, "v"), "v");
        int best = 0;
        for (int i = 1; i < v.getNumElements(); i++) {
            if (v.data[i] > v.data[best]) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return "SoftmaxCrossEntropy";
    }
}
