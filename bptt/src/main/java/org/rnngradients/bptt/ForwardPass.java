package org.rnngradients.bptt;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.linalg.internal.Require;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.cells.StepCache;

/**
 * A forward pass without gradients (one cache, two states): the sequence loss and the outputs ŷ_t at
 * the steps that carry a target. Used for evaluation and by finite-difference checks.
 */
public final class ForwardPass {
    private final double loss;
    private final DMatrixRMaj[] outputs;

    private ForwardPass(double loss, DMatrixRMaj[] outputs) {
        this.loss = loss;
        this.outputs = outputs;
    }

    /** Runs {@code model} over {@code sequence} from s_0 (zero when null). */
    public static ForwardPass run(RnnModel model, Sequence sequence, DMatrixRMaj initialState) {
        DMatrixRMaj previous = Checks.initialState(model, sequence, initialState);
        RecurrentCell cell = model.cell();
        DMatrixRMaj current = new DMatrixRMaj(cell.stateSize(), 1);
        StepCache cache = cell.newCache();
        OutputLayer out = new OutputLayer(model);
        DMatrixRMaj[] outputs = new DMatrixRMaj[sequence.length()];
        double loss = 0;
        for (int t = 1; t <= sequence.length(); t++) {
            cell.forward(previous, sequence.input(t), cache, current);
            DMatrixRMaj target = sequence.target(t);
            if (target != null) {
                outputs[t - 1] = out.output(current).copy();
                loss += model.loss().value(outputs[t - 1], target);
            }
            DMatrixRMaj swap = previous;
            previous = current;
            current = swap;
        }
        return new ForwardPass(loss, outputs);
    }

    /** Runs from the zero state. */
    public static ForwardPass run(RnnModel model, Sequence sequence) {
        return run(model, sequence, null);
    }

    /** L = Σ_t L_t. */
    public double loss() {
        return loss;
    }

    /** ŷ_t for a step that carries a target (null otherwise), t = 1..T. */
    public DMatrixRMaj output(int t) {
        return outputs[Require.inRange(t, 1, outputs.length, "t") - 1];
    }
}
