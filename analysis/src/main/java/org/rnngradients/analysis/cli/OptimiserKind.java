package org.rnngradients.analysis.cli;

import org.rnngradients.bptt.optim.Adam;
import org.rnngradients.bptt.optim.Optimiser;
import org.rnngradients.bptt.optim.Sgd;

/** The optimisers of the bptt module, as the training commands' {@code --optimiser} names them. */
enum OptimiserKind {
    /** Adam with the usual β₁ = 0.9, β₂ = 0.999, ε = 1e-8. */
    adam,
    /** SGD with heavy-ball momentum (--momentum; 0 is plain SGD). */
    sgd;

    /** A fresh optimiser of this kind (the momentum is used by SGD only). */
    Optimiser create(double learningRate, double momentum) {
        return this == adam ? new Adam(learningRate) : new Sgd(learningRate, momentum);
    }
}
