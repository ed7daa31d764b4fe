package org.rnngradients.bptt;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.cells.StepCache;
import org.rnngradients.linalg.internal.Require;

/**
 * Exact BPTT that stores only O(√T) activations. The forward pass keeps the state at every c-th
 * step (a checkpoint, c = ⌈√T⌉ unless fixed); the backward pass walks the segments from last to
 * first, re-running each segment's forward steps from its checkpoint into c reusable caches and
 * then backpropagating through them with the carried adjoint. Every floating-point operation of
 * {@link FullBptt} is repeated in the same order, so the gradient is the same to the last bit;
 * the price is one extra forward pass.
 *
 * <p>Stored activations: ⌈T/c⌉ checkpoint states plus c caches and c + 1 states for one segment,
 * i.e. about 2√T step records instead of T.
 */
public final class CheckpointedBptt implements GradientEngine {
    private final int segmentLength;
    private StoredActivations lastStored;

    /** Segments of ⌈√T⌉ steps. */
    public CheckpointedBptt() {
        this.segmentLength = 0;
    }

    /** Segments of a fixed {@code segmentLength} steps. */
    public CheckpointedBptt(int segmentLength) {
        this.segmentLength = Require.positive(segmentLength, "segmentLength");
    }

    /** The segment length c used for a sequence of length T. */
    public int segmentLength(int length) {
        Require.positive(length, "length");
        return segmentLength > 0 ? Math.min(segmentLength, length) : (int) Math.ceil(Math.sqrt(length));
    }

    /** What the last {@link #compute} call stored (null before the first call). */
    public StoredActivations lastStored() {
        return lastStored;
    }

    @Override
    public SequenceGradient compute(RnnModel model, Sequence sequence, DMatrixRMaj initialState) {
        DMatrixRMaj s0 = Checks.initialState(model, sequence, initialState);
        RecurrentCell cell = model.cell();
        int steps = sequence.length();
        int c = segmentLength(steps);
        int segments = (steps + c - 1) / c;
        DMatrixRMaj[] checkpoints = Checks.states(segments - 1, cell.stateSize());
        checkpoints[0].setTo(s0);
        DMatrixRMaj[] states = Checks.states(c, cell.stateSize());
        StepCache[] caches = new StepCache[c + 1];
        for (int k = 1; k <= c; k++) {
            caches[k] = cell.newCache();
        }
        DMatrixRMaj finalState = storeCheckpoints(cell, sequence, c, checkpoints, states, caches[1]);
        lastStored = StoredActivations.measure(checkpoints.length, c, cell.stateSize(), caches[1]);
        return backward(model, sequence, c, checkpoints, states, caches, finalState);
    }

    // tag::checkpoint-forward[]
    /** Forward pass keeping s_{k·c} for every segment k; returns s_T. */
    private static DMatrixRMaj storeCheckpoints(RecurrentCell cell, Sequence sequence, int c, DMatrixRMaj[] checkpoints,
                                                DMatrixRMaj[] scratch, StepCache cache) {
        DMatrixRMaj previous = scratch[0];
        DMatrixRMaj current = scratch[1];
        previous.setTo(checkpoints[0]);
        for (int t = 1; t <= sequence.length(); t++) {
            cell.forward(previous, sequence.input(t), cache, current);
            if (t % c == 0 && t / c < checkpoints.length) {
                checkpoints[t / c].setTo(current);
            }
            DMatrixRMaj swap = previous;
            previous = current;
            current = swap;
        }
        return previous.copy();
    }
    // end::checkpoint-forward[]

    private static SequenceGradient backward(RnnModel model, Sequence sequence, int c, DMatrixRMaj[] checkpoints,
                                             DMatrixRMaj[] states, StepCache[] caches, DMatrixRMaj finalState) {
        RecurrentCell cell = model.cell();
        int steps = sequence.length();
        AdjointRecursion adjoint = new AdjointRecursion(model, sequence);
        // tag::checkpoint-backward[]
        for (int k = checkpoints.length - 1; k >= 0; k--) {
            int start = k * c;                                    // the segment is steps start+1 .. end
            int end = Math.min(start + c, steps);
            states[0].setTo(checkpoints[k]);
            for (int t = start + 1; t <= end; t++) {              // recompute the segment's caches
                cell.forward(states[t - start - 1], sequence.input(t), caches[t - start], states[t - start]);
            }
            for (int t = end; t > start; t--) {                   // then backpropagate through it
                adjoint.step(t, states[t - start], caches[t - start]);
            }
        }
        // end::checkpoint-backward[]
        return adjoint.result(finalState);
    }
}
