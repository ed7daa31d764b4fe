package org.rnngradients.cells;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.linalg.RandomMatrices;
import org.rnngradients.linalg.RandomSource;

/**
 * A cell with seeded random parameters and a batch of B previous states and inputs (as matrix
 * columns), with helpers to cut a column out as the batch-1 vector the reference path takes.
 */
final class BatchFixture {
    final RecurrentCell cell;
    final int batch;
    final DMatrixRMaj previous;
    final DMatrixRMaj inputs;

    /** Parameters U[±weightScale]; states and inputs U[±1], LSTM cell states U[±2]. */
    BatchFixture(RecurrentCell cell, int batch, double weightScale, RandomSource random) {
        this.cell = cell;
        this.batch = batch;
        for (DMatrixRMaj m : cell.parameters().tensors()) {
            RandomMatrices.uniform(m, weightScale, random);
        }
        previous = RandomMatrices.uniform(new DMatrixRMaj(cell.stateSize(), batch), 1.0, random);
        for (int k = cell.hiddenSize() * batch; k < previous.getNumElements(); k++) {
            previous.data[k] *= 2;
        }
        inputs = RandomMatrices.uniform(new DMatrixRMaj(cell.inputSize(), batch), 1.0, random);
    }

    /** Column b of m as an n × 1 vector. */
    static DMatrixRMaj column(DMatrixRMaj m, int b) {
        DMatrixRMaj v = new DMatrixRMaj(m.numRows, 1);
        for (int r = 0; r < m.numRows; r++) {
            v.data[r] = m.data[r * m.numCols + b];
        }
        return v;
    }

    /** The reference step of column b: its cache after {@code cell.forward} on that column. */
    StepCache referenceStep(int b, DMatrixRMaj state) {
        StepCache cache = cell.newCache();
        cell.forward(column(previous, b), column(inputs, b), cache, state);
        return cache;
    }

    /** A random rows × cols matrix with entries U[±1]. */
    static DMatrixRMaj random(int rows, int cols, RandomSource random) {
        return RandomMatrices.uniform(new DMatrixRMaj(rows, cols), 1.0, random);
    }
}
