package org.rnngradients.bptt;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.cells.CellParameters;

/**
 * Gradients of a sequence loss with respect to every parameter of an {@link RnnModel}: the cell's
 * (in {@link CellParameters} form, as {@code RecurrentCell.backward} accumulates them) and the
 * readout's, with {@link #all()} a live view under the model's parameter names.
 */
public final class ModelGradients {
    private final CellParameters cell;
    private final DMatrixRMaj readoutWeight;
    private final DMatrixRMaj readoutBias;
    private final ParameterSet all;

    ModelGradients(RnnModel model) {
        this.cell = model.cell().parameters().zerosLike();
        if (model.hasReadout()) {
            this.readoutWeight = new DMatrixRMaj(model.readout().outputSize(), model.readout().hiddenSize());
            this.readoutBias = new DMatrixRMaj(model.readout().outputSize(), 1);
        } else {
            this.readoutWeight = null;
            this.readoutBias = null;
        }
        this.all = RnnModel.view(cell, readoutWeight, readoutBias);
    }

    /** ∂L/∂θ_cell (live). */
    public CellParameters cell() {
        return cell;
    }

    /** ∂L/∂W_hy (live), or null without a readout. */
    public DMatrixRMaj readoutWeight() {
        return readoutWeight;
    }

    /** ∂L/∂b_y (live), or null without a readout. */
    public DMatrixRMaj readoutBias() {
        return readoutBias;
    }

    /** Every gradient under the model's parameter names (live). */
    public ParameterSet all() {
        return all;
    }
}
