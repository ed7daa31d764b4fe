package org.rnngradients.analysis.bench;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.analysis.InputSequence;
import org.rnngradients.analysis.JacobianSource;
import org.rnngradients.cells.CellParameters;
import org.rnngradients.linalg.DiagonalProducts;
import org.rnngradients.linalg.MatrixProducts;
import org.rnngradients.linalg.ResidentMatrix;

/**
 * The tanh RNN h_t = tanh(W_hh h_{t−1} + W_ih x_t + b_ih + b_hh) as a frame source that never forms J_t:
 * J_t·Q = diag(1 − h_t²)·(W_hh·Q) with W_hh resident. A stand-in, for the benchmark, for the cell
 * Jacobian–matrix product {@code CellTrajectory} will get; it follows the same trajectory as a
 * {@code CellTrajectory} of the same cell and inputs.
 */
final class TanhFrameSource implements JacobianSource {
    private final CellParameters p;
    private final InputSequence inputs;
    private final ResidentMatrix w;
    private final DMatrixRMaj x;
    private final DMatrixRMaj h;
    private final DMatrixRMaj z;
    private final DMatrixRMaj derivative;

    TanhFrameSource(CellParameters parameters, InputSequence inputs) {
        this.p = parameters;
        this.inputs = inputs;
        this.w = ResidentMatrix.of(parameters.weightHh());
        int n = parameters.weightHh().numRows;
        this.x = new DMatrixRMaj(inputs.inputSize(), 1);
        this.h = new DMatrixRMaj(n, 1);
        this.z = new DMatrixRMaj(n, 1);
        this.derivative = new DMatrixRMaj(n, 1);
    }

    @Override
    public int dimension() {
        return h.numRows;
    }

    /** h ← tanh(W_hh h + W_ih x + b), and φ′ = 1 − h². */
    private void step() {
        inputs.next(x);
        w.mult(h, z);
        MatrixProducts.multAdd(p.weightIh(), x, z);
        for (int i = 0; i < h.numRows; i++) {
            double hi = Math.tanh(z.data[i] + p.biasIh().data[i] + p.biasHh().data[i]);
            h.data[i] = hi;
            derivative.data[i] = 1 - hi * hi;
        }
    }

    @Override
    public void advance(DMatrixRMaj jacobian) {
        step();
        DiagonalProducts.diagTimes(derivative, p.weightHh(), jacobian);
    }

    @Override
    public void advance(DMatrixRMaj frame, DMatrixRMaj image) {
        step();
        w.mult(frame, image);
        for (int i = 0; i < image.numRows; i++) {
            double d = derivative.data[i];
            int row = i * image.numCols;
            for (int j = 0; j < image.numCols; j++) {
                image.data[row + j] *= d;
            }
        }
    }
}
