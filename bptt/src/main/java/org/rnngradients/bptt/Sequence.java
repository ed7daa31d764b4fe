package org.rnngradients.bptt;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.linalg.internal.Require;

/**
 * One training sequence: inputs x_1..x_T (I × 1 columns) and, per step, an optional target y_t
 * (null where the step carries no loss). {@link #everyStep} puts a loss at every step,
 * {@link #lastStep} only at step T. Validated on construction: non-empty, equal lengths, equal sizes,
 * finite values, at least one target.
 */
public final class Sequence {
    private final DMatrixRMaj[] inputs;
    private final DMatrixRMaj[] targets;

    private Sequence(DMatrixRMaj[] inputs, DMatrixRMaj[] targets) {
        Require.nonNull(inputs, "inputs");
        Require.nonNull(targets, "targets");
        if (inputs.length == 0) {
            throw new IllegalArgumentException("inputs must not be empty (sequence length T >= 1), was length 0");
        }
        if (targets.length != inputs.length) {
            throw new IllegalArgumentException("targets must have the length of inputs (" + inputs.length
                    + "), was " + targets.length);
        }
        int inputSize = requireColumn(inputs[0], "inputs[0]").numRows;
        int targetSize = -1;
        for (int t = 0; t < inputs.length; t++) {
            Require.finite(Require.columnVector(inputs[t], inputSize, "inputs[" + t + "]"), "inputs[" + t + "]");
            if (targets[t] != null) {
                if (targetSize < 0) {
                    targetSize = requireColumn(targets[t], "targets[" + t + "]").numRows;
                }
                Require.finite(Require.columnVector(targets[t], targetSize, "targets[" + t + "]"), "targets[" + t + "]");
            }
        }
        if (targetSize < 0) {
            throw new IllegalArgumentException("targets must hold at least one non-null target, were all null");
        }
        this.inputs = inputs.clone();
        this.targets = targets.clone();
    }

    private static DMatrixRMaj requireColumn(DMatrixRMaj m, String name) {
        return Require.columnVector(m, name);
    }

    /** A sequence with a target at every step. */
    public static Sequence everyStep(DMatrixRMaj[] inputs, DMatrixRMaj[] targets) {
        Require.nonNull(targets, "targets");
        for (int t = 0; t < targets.length; t++) {
            Require.nonNull(targets[t], "targets[" + t + "]");
        }
        return new Sequence(inputs, targets);
    }

    /** A sequence with a single target at its last step. */
    public static Sequence lastStep(DMatrixRMaj[] inputs, DMatrixRMaj target) {
        Require.nonNull(inputs, "inputs");
        Require.nonNull(target, "target");
        DMatrixRMaj[] targets = new DMatrixRMaj[inputs.length];
        if (inputs.length > 0) {
            targets[inputs.length - 1] = target;
        }
        return new Sequence(inputs, targets);
    }

    /** A sequence with targets at some steps (null elsewhere). */
    public static Sequence of(DMatrixRMaj[] inputs, DMatrixRMaj[] targets) {
        return new Sequence(inputs, targets);
    }

    /** The length T. */
    public int length() {
        return inputs.length;
    }

    /** The input size I. */
    public int inputSize() {
        return inputs[0].numRows;
    }

    /** x_t for t = 1..T. */
    public DMatrixRMaj input(int t) {
        return inputs[Require.inRange(t, 1, inputs.length, "t") - 1];
    }

    /** y_t for t = 1..T, or null when step t has no loss. */
    public DMatrixRMaj target(int t) {
        return targets[Require.inRange(t, 1, targets.length, "t") - 1];
    }

    /** The steps t (1-based, increasing) that carry a loss. */
    public int[] lossSteps() {
        return java.util.stream.IntStream.rangeClosed(1, inputs.length).filter(t -> targets[t - 1] != null).toArray();
    }

    /** The sub-sequence of steps from..to (1-based, inclusive); it must contain a target. */
    public Sequence slice(int from, int to) {
        Require.inRange(from, 1, inputs.length, "from");
        Require.inRange(to, from, inputs.length, "to");
        return new Sequence(Arrays.copyOfRange(inputs, from - 1, to), Arrays.copyOfRange(targets, from - 1, to));
    }
}
