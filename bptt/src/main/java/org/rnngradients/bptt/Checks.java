package org.rnngradients.bptt;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.linalg.internal.Require;

/** The argument checks every engine applies before it runs. */
final class Checks {
    private Checks() {
    }

    /** Validates the model, the sequence and s_0 against each other; returns a copy of s_0 (zero when null). */
    static DMatrixRMaj initialState(RnnModel model, Sequence sequence, DMatrixRMaj initialState) {
        Require.nonNull(model, "model");
        sequence(model, sequence, "sequence");
        if (initialState == null) {
            return model.zeroState();
        }
        Require.columnVector(initialState, model.cell().stateSize(), "initialState");
        Require.finite(initialState, "initialState");
        return initialState.copy();
    }

    /** Validates {@code sequence} (named {@code name}) against the model's input and output sizes. */
    static void sequence(RnnModel model, Sequence sequence, String name) {
        Require.nonNull(sequence, name);
        if (sequence.inputSize() != model.cell().inputSize()) {
            throw new IllegalArgumentException(name + " inputSize must equal the cell's inputSize "
                    + model.cell().inputSize() + ", was " + sequence.inputSize());
        }
        int[] steps = sequence.lossSteps();
        int targetSize = sequence.target(steps[0]).numRows;
        if (targetSize != model.outputSize()) {
            throw new IllegalArgumentException(name + " target size must equal the model's outputSize "
                    + model.outputSize() + ", was " + targetSize);
        }
    }

    /** Validates a non-empty batch of sequences against the model. */
    static void batch(RnnModel model, Sequence[] batch) {
        Require.nonNull(model, "model");
        Require.nonNull(batch, "batch");
        if (batch.length == 0) {
            throw new IllegalArgumentException("batch must not be empty, was length 0");
        }
        for (int b = 0; b < batch.length; b++) {
            sequence(model, batch[b], "batch[" + b + "]");
        }
    }

    /** The state vectors s_0..s_n, each stateSize × 1. */
    static DMatrixRMaj[] states(int n, int stateSize) {
        DMatrixRMaj[] s = new DMatrixRMaj[n + 1];
        for (int k = 0; k <= n; k++) {
            s[k] = new DMatrixRMaj(stateSize, 1);
        }
        return s;
    }
}
