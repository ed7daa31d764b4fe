package org.rnngradients.cells;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.linalg.RandomMatrices;
import org.rnngradients.linalg.RandomSource;

/**
 * A batch of B sequences of different lengths through one cell, with the linear loss
 * L = Σ_b Σ_{t ≤ T_b} w_{t,b}ᵀ s_{t,b} (random weights): its gradients are computed by an
 * {@link Unroll} and, column by column, by the batch-1 reference path, to compare the two.
 */
final class UnrollProblem {
    final RecurrentCell cell;
    final int[] lengths;
    final int steps;
    final DMatrixRMaj[][] inputs;
    final DMatrixRMaj[][] weights;
    final DMatrixRMaj initial;

    UnrollProblem(RecurrentCell cell, int[] lengths, double weightScale, RandomSource random) {
        this.cell = cell;
        this.lengths = lengths.clone();
        int longest = 0;
        for (int l : lengths) {
            longest = Math.max(longest, l);
        }
        this.steps = longest;
        for (DMatrixRMaj m : cell.parameters().tensors()) {
            RandomMatrices.uniform(m, weightScale, random);
        }
        int batch = lengths.length;
        inputs = new DMatrixRMaj[batch][];
        weights = new DMatrixRMaj[batch][];
        for (int b = 0; b < batch; b++) {
            inputs[b] = new DMatrixRMaj[lengths[b]];
            weights[b] = new DMatrixRMaj[lengths[b]];
            for (int t = 0; t < lengths[b]; t++) {
                inputs[b][t] = BatchFixture.random(cell.inputSize(), 1, random);
                weights[b][t] = BatchFixture.random(cell.stateSize(), 1, random);
            }
        }
        initial = BatchFixture.random(cell.stateSize(), batch, random);
    }

    int batch() {
        return lengths.length;
    }

    /** The result of one gradient computation. */
    static final class Gradient {
        final CellParameters parameters;
        final DMatrixRMaj initial;
        final DMatrixRMaj[][] inputs;
        final DMatrixRMaj finalStates;
        double loss;

        Gradient(UnrollProblem p) {
            parameters = p.cell.parameters().zerosLike();
            initial = new DMatrixRMaj(p.cell.stateSize(), p.batch());
            finalStates = new DMatrixRMaj(p.cell.stateSize(), p.batch());
            inputs = new DMatrixRMaj[p.batch()][];
            for (int b = 0; b < p.batch(); b++) {
                inputs[b] = new DMatrixRMaj[p.lengths[b]];
            }
        }
    }

    /** The gradients by the time-batched unroll of a fresh pass. */
    Gradient byUnroll() {
        return byUnroll(new Unroll(cell.newPass(batch())));
    }

    /** The gradients by {@code unroll} (reused across calls). */
    Gradient byUnroll(Unroll unroll) {
        Gradient g = new Gradient(this);
        int n = cell.stateSize();
        int nb = batch();
        unroll.begin(lengths);
        for (int b = 0; b < nb; b++) {
            for (int t = 1; t <= lengths[b]; t++) {
                unroll.input(t, b, inputs[b][t - 1]);
            }
        }
        DMatrixRMaj[] states = new DMatrixRMaj[steps + 1];
        states[0] = initial.copy();
        for (int t = 1; t <= steps; t++) {
            states[t] = unroll.forward(t, states[t - 1], null);
        }
        g.finalStates.setTo(states[steps]);
        DMatrixRMaj delta = new DMatrixRMaj(n, nb);
        for (int t = steps; t >= 1; t--) {
            for (int b = 0; b < nb; b++) {
                if (t <= lengths[b]) {
                    for (int r = 0; r < n; r++) {
                        delta.data[r * nb + b] += weights[b][t - 1].data[r];
                        g.loss += weights[b][t - 1].data[r] * states[t].data[r * nb + b];
                    }
                }
            }
            delta = unroll.backward(t, delta, null);
        }
        g.initial.setTo(delta);
        unroll.accumulateGradients(g.parameters);
        for (int b = 0; b < nb; b++) {
            for (int t = 1; t <= lengths[b]; t++) {
                g.inputs[b][t - 1] = unroll.inputGradient(t, b, null);
            }
        }
        return g;
    }

    /** The gradients by the batch-1 reference path, one column after another. */
    Gradient byReference() {
        Gradient g = new Gradient(this);
        int n = cell.stateSize();
        for (int b = 0; b < batch(); b++) {
            int length = lengths[b];
            StepCache[] caches = new StepCache[length + 1];
            DMatrixRMaj[] states = new DMatrixRMaj[length + 1];
            states[0] = BatchFixture.column(initial, b);
            for (int t = 1; t <= length; t++) {
                caches[t] = cell.newCache();
                states[t] = new DMatrixRMaj(n, 1);
                cell.forward(states[t - 1], inputs[b][t - 1], caches[t], states[t]);
            }
            DMatrixRMaj delta = new DMatrixRMaj(n, 1);
            for (int t = length; t >= 1; t--) {
                for (int r = 0; r < n; r++) {
                    delta.data[r] += weights[b][t - 1].data[r];
                    g.loss += weights[b][t - 1].data[r] * states[t].data[r];
                }
                g.inputs[b][t - 1] = new DMatrixRMaj(cell.inputSize(), 1);
                DMatrixRMaj previous = new DMatrixRMaj(n, 1);
                cell.backward(caches[t], delta, previous, g.inputs[b][t - 1], g.parameters);
                delta = previous;
            }
            setColumn(g.initial, b, delta);
            setColumn(g.finalStates, b, states[length]);
        }
        return g;
    }

    /** L by the reference forward pass (for finite differences). */
    double loss() {
        double loss = 0;
        for (int b = 0; b < batch(); b++) {
            DMatrixRMaj state = BatchFixture.column(initial, b);
            StepCache cache = cell.newCache();
            for (int t = 1; t <= lengths[b]; t++) {
                cell.forward(state, inputs[b][t - 1], cache, state);
                for (int r = 0; r < state.numRows; r++) {
                    loss += weights[b][t - 1].data[r] * state.data[r];
                }
            }
        }
        return loss;
    }

    static void setColumn(DMatrixRMaj m, int b, DMatrixRMaj v) {
        for (int r = 0; r < m.numRows; r++) {
            m.data[r * m.numCols + b] = v.data[r];
        }
    }
}
