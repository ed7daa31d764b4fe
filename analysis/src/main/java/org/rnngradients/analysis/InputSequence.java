package org.rnngradients.analysis;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.linalg.RandomSource;
import org.rnngradients.linalg.internal.Require;

/**
 * The inputs x_1, x_2, … that drive a {@link CellTrajectory}: each call writes the next input into an
 * output vector (so long runs allocate nothing). Inputs are produced in order and only once.
 */
public interface InputSequence {

    /** The input size I. */
    int inputSize();

    /** Writes the next input x_t (I × 1) into {@code out}. */
    void next(DMatrixRMaj out);

    /** The same input x at every step (zero for an autonomous network). */
    static InputSequence constant(DMatrixRMaj x) {
        Require.columnVector(x, "x");
        Require.finite(x, "x");
        DMatrixRMaj copy = x.copy();
        return new InputSequence() {
            @Override
            public int inputSize() {
                return copy.numRows;
            }

            @Override
            public void next(DMatrixRMaj out) {
                Require.columnVector(out, copy.numRows, "out");
                out.setTo(copy);
            }
        };
    }

    /** The given inputs in order (copied); asking for more than were given is an error. */
    static InputSequence of(List<DMatrixRMaj> inputs) {
        Require.nonNull(inputs, "inputs");
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("inputs must not be empty");
        }
        int size = Require.columnVector(inputs.get(0), "inputs[0]").numRows;
        List<DMatrixRMaj> copies = new ArrayList<>(inputs.size());
        for (int t = 0; t < inputs.size(); t++) {
            Require.columnVector(inputs.get(t), size, "inputs[" + t + "]");
            copies.add(Require.finite(inputs.get(t), "inputs[" + t + "]").copy());
        }
        return new InputSequence() {
            private int t;

            @Override
            public int inputSize() {
                return size;
            }

            @Override
            public void next(DMatrixRMaj out) {
                Require.columnVector(out, size, "out");
                if (t >= copies.size()) {
                    throw new IllegalStateException("inputs exhausted after " + copies.size() + " steps");
                }
                out.setTo(copies.get(t++));
            }
        };
    }

    /** Independent N(0, std²) inputs of size I drawn in order from {@code random} (a driven, noisy network). */
    static InputSequence gaussian(int inputSize, double std, RandomSource random) {
        Require.positive(inputSize, "inputSize");
        Require.positive(std, "std");
        Require.nonNull(random, "random");
        return new InputSequence() {
            @Override
            public int inputSize() {
                return inputSize;
            }

            @Override
            public void next(DMatrixRMaj out) {
                Require.columnVector(out, inputSize, "out");
                for (int i = 0; i < inputSize; i++) {
                    out.data[i] = std * random.gaussian();
                }
            }
        };
    }
}
