package org.rnngradients.bptt.floss;

import org.ejml.data.DMatrixRMaj;

/**
 * What one step of a {@link TangentCell} keeps for its adjoint: copies of s_{t−1} and x_t, the
 * cell's intermediate values, and the image W_hh·Q of the frame (the tangent pre-activations).
 * Made by {@link TangentCell#newStep} for a fixed number of directions k, so a trajectory of them is
 * allocated once and reused for every run.
 */
public abstract class TangentStep {
    final TangentCell owner;
    final int directions;
    final DMatrixRMaj previous;
    /** h_{t−1}: the same object as {@code previous} unless the state is [h; c]. */
    final DMatrixRMaj hiddenPrevious;
    final DMatrixRMaj input;
    /** W_hh·Q_h: the pre-activation tangents of the k directions (G·H × k). */
    final DMatrixRMaj preActivationTangents;

    TangentStep(TangentCell cell, int hidden, int gateRows, int directions) {
        this.owner = cell;
        this.directions = directions;
        this.previous = new DMatrixRMaj(cell.stateSize(), 1);
        this.hiddenPrevious = cell.stateSize() == hidden ? previous : new DMatrixRMaj(hidden, 1);
        this.input = new DMatrixRMaj(cell.inputSize(), 1);
        this.preActivationTangents = new DMatrixRMaj(gateRows, directions);
    }

    /** The number of tangent directions k this step carries. */
    public int directions() {
        return directions;
    }
}
