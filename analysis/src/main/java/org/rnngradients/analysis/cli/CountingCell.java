package org.rnngradients.analysis.cli;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.cells.CellParameters;
import org.rnngradients.cells.CellPass;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.cells.StepCache;

/**
 * A cell that behaves exactly like the one it wraps and reports each forward and backward step to a
 * progress bar, so an engine that runs a whole sequence in one call still shows its progress.
 */
final class CountingCell implements RecurrentCell {
    private final RecurrentCell cell;
    private final Progress progress;

    CountingCell(RecurrentCell cell, Progress progress) {
        this.cell = cell;
        this.progress = progress;
    }

    @Override
    public int inputSize() {
        return cell.inputSize();
    }

    @Override
    public int hiddenSize() {
        return cell.hiddenSize();
    }

    @Override
    public int stateSize() {
        return cell.stateSize();
    }

    @Override
    public CellParameters parameters() {
        return cell.parameters();
    }

    @Override
    public StepCache newCache() {
        return cell.newCache();
    }

    @Override
    public CellPass newPass(int batchSize) {
        return cell.newPass(batchSize);
    }

    @Override
    public DMatrixRMaj forward(DMatrixRMaj previous, DMatrixRMaj input, StepCache cache, DMatrixRMaj state) {
        DMatrixRMaj out = cell.forward(previous, input, cache, state);
        progress.advance(1);
        return out;
    }

    @Override
    public DMatrixRMaj stateJacobian(StepCache cache, DMatrixRMaj out) {
        return cell.stateJacobian(cache, out);
    }

    @Override
    public DMatrixRMaj inputJacobian(StepCache cache, DMatrixRMaj out) {
        return cell.inputJacobian(cache, out);
    }

    @Override
    public DMatrixRMaj backward(StepCache cache, DMatrixRMaj adjoint, DMatrixRMaj previousAdjoint,
                                DMatrixRMaj inputAdjoint, CellParameters gradients) {
        DMatrixRMaj out = cell.backward(cache, adjoint, previousAdjoint, inputAdjoint, gradients);
        progress.advance(1);
        return out;
    }

    @Override
    public DMatrixRMaj backwardState(StepCache cache, DMatrixRMaj adjoint, DMatrixRMaj previousAdjoint) {
        DMatrixRMaj out = cell.backwardState(cache, adjoint, previousAdjoint);
        progress.advance(1);
        return out;
    }

    @Override
    public double supActivationDerivative() {
        return cell.supActivationDerivative();
    }

    @Override
    public void validateParameters() {
        cell.validateParameters();
    }

    @Override
    public void setParameters(CellParameters source) {
        cell.setParameters(source);
    }

    @Override
    public DMatrixRMaj hidden(DMatrixRMaj state, DMatrixRMaj hidden) {
        return cell.hidden(state, hidden);
    }
}
