package org.rnngradients.bptt;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.bptt.loss.Loss;
import org.rnngradients.cells.RecurrentCell;

/**
 * Workspace for the per-step loss of a model: reads h_t out of the state s_t, applies the readout
 * and the loss, and injects ∂L_t/∂h_t into the state adjoint. Allocates only in its constructor.
 */
final class OutputLayer {
    private final RnnModel model;
    private final RecurrentCell cell;
    private final Loss loss;
    private final DMatrixRMaj h;
    private final DMatrixRMaj output;
    private final DMatrixRMaj dOutput;
    private final DMatrixRMaj dh;

    OutputLayer(RnnModel model) {
        this.model = model;
        this.cell = model.cell();
        this.loss = model.loss();
        int hidden = cell.hiddenSize();
        this.h = new DMatrixRMaj(hidden, 1);
        this.output = new DMatrixRMaj(model.outputSize(), 1);
        this.dOutput = new DMatrixRMaj(model.outputSize(), 1);
        this.dh = new DMatrixRMaj(hidden, 1);
    }

    /** ŷ_t for the state s_t (the returned matrix is this workspace's; copy it to keep it). */
    DMatrixRMaj output(DMatrixRMaj state) {
        cell.hidden(state, h);
        if (model.hasReadout()) {
            model.readout().forward(h, output);
        } else {
            output.setTo(h);
        }
        return output;
    }

    // tag::inject-loss-gradient[]
    /** δ_t[h] += ∂L_t/∂h_t (through the readout, whose gradients are added); returns L_t. */
    double injectLossGradient(DMatrixRMaj state, DMatrixRMaj target, ModelGradients gradients, DMatrixRMaj delta) {
        double value = loss.gradient(output(state), target, dOutput);
        if (model.hasReadout()) {
            model.readout().backward(h, dOutput, gradients.readoutWeight(), gradients.readoutBias(), dh);
        } else {
            dh.setTo(dOutput);
        }
        for (int i = 0; i < dh.numRows; i++) {
            delta.data[i] += dh.data[i];
        }
        return value;
    }
    // end::inject-loss-gradient[]
}
