package org.rnngradients.bptt.floss;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rnngradients.cells.CellParameters;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.linalg.internal.Require;

/**
 * The checks and the parameter-gradient bookkeeping every tangent cell shares, so that each concrete
 * one holds only its equations. Shape checks allocate nothing unless they fail.
 */
abstract class BaseTangent implements TangentCell {
    final int hidden;
    final int inputs;
    final int states;
    final int gateRows;
    final CellParameters p;

    BaseTangent(RecurrentCell cell, int gates) {
        this.hidden = cell.hiddenSize();
        this.inputs = cell.inputSize();
        this.states = cell.stateSize();
        this.gateRows = gates * hidden;
        this.p = cell.parameters();
    }

    @Override
    public final int stateSize() {
        return states;
    }

    @Override
    public final int inputSize() {
        return inputs;
    }

    @Override
    public final CellParameters parameters() {
        return p;
    }

    /** Checks the number of directions of a new step. */
    final int requireDirections(int directions) {
        return Require.inRange(directions, 1, states, "directions");
    }

    /** Returns {@code step} if this cell made it, else throws naming it. */
    final TangentStep own(TangentStep step) {
        Require.nonNull(step, "step");
        if (step.owner != this) {
            throw new IllegalArgumentException("step must come from this cell's newStep(), was " + step);
        }
        return step;
    }

    /** Checks the forward arguments and copies s_{t−1} and x_t into the step. */
    final void keep(TangentStep step, DMatrixRMaj previous, DMatrixRMaj input, DMatrixRMaj state) {
        Require.columnVector(previous, states, "previous");
        Require.columnVector(input, inputs, "input");
        Require.columnVector(state, states, "state");
        if (state == previous) {
            throw new IllegalArgumentException("state must not be the same object as previous");
        }
        step.previous.setTo(previous);
        step.input.setTo(input);
        if (step.hiddenPrevious != step.previous) {
            System.arraycopy(previous.data, 0, step.hiddenPrevious.data, 0, hidden);
        }
    }

    /** Checks the shapes of a tangent call: Q and Y are n × k for the step's k. */
    final void requireFrame(TangentStep step, DMatrixRMaj frame, DMatrixRMaj image) {
        Require.shape(frame, states, step.directions, "frame");
        Require.shape(image, states, step.directions, "image");
        if (image == frame) {
            throw new IllegalArgumentException("image must not be the same object as frame");
        }
    }

    /** Checks the shapes of an adjoint call. */
    final void requireAdjoints(TangentStep step, DMatrixRMaj frame, DMatrixRMaj stateAdjoint, DMatrixRMaj imageAdjoint,
                               DMatrixRMaj previousStateAdjoint, DMatrixRMaj frameAdjoint, CellParameters gradients) {
        Require.shape(frame, states, step.directions, "frame");
        Require.columnVector(stateAdjoint, states, "stateAdjoint");
        Require.shape(imageAdjoint, states, step.directions, "imageAdjoint");
        Require.columnVector(previousStateAdjoint, states, "previousStateAdjoint");
        Require.shape(frameAdjoint, states, step.directions, "frameAdjoint");
        Require.nonNull(gradients, "gradients");
        Require.shape(gradients.weightHh(), gateRows, hidden, "gradients.weight_hh");
        Require.shape(gradients.weightIh(), gateRows, inputs, "gradients.weight_ih");
        if (previousStateAdjoint == stateAdjoint || frameAdjoint == imageAdjoint || frameAdjoint == frame) {
            throw new IllegalArgumentException("the adjoint outputs must be different objects from the inputs");
        }
    }

    /** a = W_ih x_t + b_ih + W_hh h_{t−1} + b_hh for every gate block at once (the vanilla cell and the LSTM). */
    final void fusedPreActivation(TangentStep step, DMatrixRMaj a) {
        CommonOps_DDRM.mult(p.weightIh(), step.input, a);
        CommonOps_DDRM.addEquals(a, p.biasIh());
        CommonOps_DDRM.multAdd(p.weightHh(), step.hiddenPrevious, a);
        CommonOps_DDRM.addEquals(a, p.biasHh());
    }

    /**
     * The parameter gradients of the affine maps gi = W_ih x + b_ih and gh = W_hh h + b_hh given their
     * adjoints: W̄_ih += ḡi xᵀ, b̄_ih += ḡi, W̄_hh += ḡh hᵀ, b̄_hh += ḡh.
     */
    final void addAffineGradients(TangentStep step, DMatrixRMaj dIh, DMatrixRMaj dHh, CellParameters gradients) {
        CommonOps_DDRM.multAddTransB(dIh, step.input, gradients.weightIh());
        CommonOps_DDRM.multAddTransB(dHh, step.hiddenPrevious, gradients.weightHh());
        CommonOps_DDRM.addEquals(gradients.biasIh(), dIh);
        CommonOps_DDRM.addEquals(gradients.biasHh(), dHh);
    }
}
