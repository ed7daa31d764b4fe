package org.rnngradients.cells;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.linalg.RandomMatrices;
import org.rnngradients.linalg.RandomSource;

/**
 * A cell with seeded random parameters, a previous state and an input, after one forward step:
 * the common starting point of the derivative tests.
 */
final class CellFixture {
    final RecurrentCell cell;
    final DMatrixRMaj previous;
    final DMatrixRMaj input;
    final StepCache cache;
    final DMatrixRMaj state;

    /**
     * Weights and biases U[±weightScale], previous state and input U[±1]; the LSTM cell state is
     * drawn from U[±2] so that c_{t−1} is not confined to the range of h.
     */
    CellFixture(RecurrentCell cell, double weightScale, RandomSource random) {
        this.cell = cell;
        for (DMatrixRMaj m : cell.parameters().tensors()) {
            RandomMatrices.uniform(m, weightScale, random);
        }
        previous = new DMatrixRMaj(cell.stateSize(), 1);
        RandomMatrices.uniform(previous, 1.0, random);
        for (int k = cell.hiddenSize(); k < cell.stateSize(); k++) {
            previous.data[k] *= 2;
        }
        input = new DMatrixRMaj(cell.inputSize(), 1);
        RandomMatrices.uniform(input, 1.0, random);
        cache = cell.newCache();
        state = new DMatrixRMaj(cell.stateSize(), 1);
        cell.forward(previous, input, cache, state);
    }

    /** A random vector of length n with entries U[±1]. */
    static DMatrixRMaj randomVector(int n, RandomSource random) {
        DMatrixRMaj v = new DMatrixRMaj(n, 1);
        RandomMatrices.uniform(v, 1.0, random);
        return v;
    }

    /** vᵀ s_t for the current parameters, previous state and input (a fresh forward step). */
    double projectedState(DMatrixRMaj v) {
        DMatrixRMaj out = new DMatrixRMaj(cell.stateSize(), 1);
        cell.forward(previous, input, cell.newCache(), out);
        double s = 0;
        for (int k = 0; k < out.numRows; k++) {
            s += v.data[k] * out.data[k];
        }
        return s;
    }

    /** The smallest |z| over the vanilla cell's pre-activations (to keep ReLU away from its kink). */
    double smallestAbsolutePreActivation() {
        DMatrixRMaj z = new DMatrixRMaj(cell.hiddenSize(), 1);
        ((VanillaRnnCell) cell).preActivation(cache, z);
        double m = Double.POSITIVE_INFINITY;
        for (double v : z.data) {
            m = Math.min(m, Math.abs(v));
        }
        return m;
    }
}
