package org.rnngradients.bptt.optim;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.bptt.ParameterSet;
import org.rnngradients.linalg.internal.Require;

/** Stochastic gradient descent with (heavy-ball) momentum μ: v ← μ v + g, θ ← θ − η v. μ = 0 is plain SGD. */
public final class Sgd implements Optimiser {
    private final double learningRate;
    private final double momentum;
    private ParameterSet velocity;
    private long steps;

    /** SGD with learning rate η &gt; 0 and momentum μ in [0, 1). */
    public Sgd(double learningRate, double momentum) {
        this.learningRate = Require.positive(learningRate, "learningRate");
        Require.nonNegative(momentum, "momentum");
        if (momentum >= 1) {
            throw new IllegalArgumentException("momentum must be < 1, was " + momentum);
        }
        this.momentum = momentum;
    }

    // tag::sgd-momentum[]
    @Override
    public void step(ParameterSet parameters, ParameterSet gradient) {
        Require.nonNull(parameters, "parameters");
        parameters.requireSameShapes(gradient, "gradient");
        gradient.requireFinite("gradient");
        if (velocity == null) {
            velocity = parameters.zerosLike();
        }
        for (int k = 0; k < parameters.tensors().size(); k++) {
            DMatrixRMaj theta = parameters.tensors().get(k);
            DMatrixRMaj g = gradient.tensors().get(k);
            DMatrixRMaj v = velocity.tensors().get(k);
            for (int i = 0; i < theta.getNumElements(); i++) {
                v.data[i] = momentum * v.data[i] + g.data[i];        // v ← μ v + g
                theta.data[i] -= learningRate * v.data[i];          // θ ← θ − η v
            }
        }
        steps++;
    }
    // end::sgd-momentum[]

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public String toString() {
        return "SGD(lr=" + learningRate + ", momentum=" + momentum + ")";
    }
}
