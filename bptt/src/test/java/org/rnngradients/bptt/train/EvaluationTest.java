package org.rnngradients.bptt.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rnngradients.bptt.Readout;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.Sequence;
import org.rnngradients.bptt.loss.MeanSquaredError;
import org.rnngradients.bptt.loss.SoftmaxCrossEntropy;
import org.rnngradients.cells.Activation;
import org.rnngradients.cells.VanillaRnnCell;

/** Evaluation on a model whose output is known exactly: zero weights, so ŷ equals the readout bias. */
class EvaluationTest {

    private static RnnModel constant(double[] bias, boolean classify) {
        Readout readout = new Readout(2, bias.length);
        System.arraycopy(bias, 0, readout.bias().data, 0, bias.length);
        return new RnnModel(new VanillaRnnCell(1, 2, Activation.TANH), readout,
                classify ? new SoftmaxCrossEntropy() : new MeanSquaredError());
    }

    private static Sequence scalar(double target) {
        return Sequence.lastStep(new DMatrixRMaj[] {new DMatrixRMaj(1, 1), new DMatrixRMaj(1, 1)},
                new DMatrixRMaj(new double[][] {{target}}));
    }

    @Test
    void meanLossAndToleranceCountUseTheTargets() {
        RnnModel model = constant(new double[] {1.0}, false);
        Sequence[] data = {scalar(1.0), scalar(1.03), scalar(1.5)};
        assertEquals((0 + 0.03 * 0.03 + 0.25) / 3, Evaluation.meanLossPerTarget(model, data), 1e-15);
        assertEquals(2.0 / 3, Evaluation.fractionWithin(model, data, 0.04), 1e-15);
    }

    @Test
    void accuracyComparesArgMaxOfOutputAndTarget() {
        RnnModel model = constant(new double[] {0.1, 2.0}, true);
        Sequence right = Sequence.lastStep(new DMatrixRMaj[] {new DMatrixRMaj(1, 1)}, new DMatrixRMaj(new double[][] {{0}, {1}}));
        Sequence wrong = Sequence.lastStep(new DMatrixRMaj[] {new DMatrixRMaj(1, 1)}, new DMatrixRMaj(new double[][] {{1}, {0}}));
        assertEquals(0.5, Evaluation.accuracy(model, new Sequence[] {right, wrong}));
    }
}
