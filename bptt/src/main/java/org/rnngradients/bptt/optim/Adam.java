package org.rnngradients.bptt.optim;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.bptt.ParameterSet;
import org.rnngradients.linalg.internal.Require;

/**
 * Adam (Kingma and Ba 2015): m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², and
 * θ ← θ − η·m̂/(√v̂ + ε) with the bias corrections m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ).
 */
public final class Adam implements Optimiser {
    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private ParameterSet m;
    private ParameterSet v;
    private long steps;

    /** Adam with the usual β₁ = 0.9, β₂ = 0.999, ε = 1e-8. */
    public Adam(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-8);
    }

    /** Adam with every constant given; β's in [0, 1), ε &gt; 0. */
    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        this.learningRate = Require.positive(learningRate, "learningRate");
        this.beta1 = requireBeta(beta1, "beta1");
        this.beta2 = requireBeta(beta2, "beta2");
        this.epsilon = Require.positive(epsilon, "epsilon");
    }

    private static double requireBeta(double beta, String name) {
        Require.nonNegative(beta, name);
        if (beta >= 1) {
            throw new IllegalArgumentException(name + " must be < 1, was " + beta);
        }
        return beta;
    }

    // tag::adam-step[]
    @Override
    public void step(ParameterSet parameters, ParameterSet gradient) {
        Require.nonNull(parameters, "parameters");
        parameters.requireSameShapes(gradient, "gradient");
        gradient.requireFinite("gradient");
        if (m == null) {
            m = parameters.zerosLike();
            v = parameters.zerosLike();
        }
        steps++;
        double correction1 = 1 - Math.pow(beta1, steps);
        double correction2 = 1 - Math.pow(beta2, steps);
        for (int k = 0; k < parameters.tensors().size(); k++) {
            DMatrixRMaj theta = parameters.tensors().get(k);
            DMatrixRMaj g = gradient.tensors().get(k);
            DMatrixRMaj mk = m.tensors().get(k);
            DMatrixRMaj vk = v.tensors().get(k);
            for (int i = 0; i < theta.getNumElements(); i++) {
                mk.data[i] = beta1 * mk.data[i] + (1 - beta1) * g.data[i];
                vk.data[i] = beta2 * vk.data[i] + (1 - beta2) * g.data[i] * g.data[i];
                double mHat = mk.data[i] / correction1;
                double vHat = vk.data[i] / correction2;
                theta.data[i] -= learningRate * mHat / (Math.sqrt(vHat) + epsilon);
            }
        }
    }
    // end::adam-step[]

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public String toString() {
        return "Adam(lr=" + learningRate + ", beta1=" + beta1 + ", beta2=" + beta2 + ", eps=" + epsilon + ")";
    }
}
