package org.rnngradients.bptt.train;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.bptt.ForwardPass;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.Sequence;
import org.rnngradients.bptt.loss.SoftmaxCrossEntropy;
import org.rnngradients.linalg.Require;

/** Test-set measures from forward passes only. */
public final class Evaluation {
    private Evaluation() {
    }

    /** The mean per-target loss over the sequences (for the adding problem: the test MSE). */
    public static double meanLossPerTarget(RnnModel model, Sequence[] sequences) {
        requireBatch(model, sequences);
        double sum = 0;
        long targets = 0;
        for (Sequence s : sequences) {
            sum += ForwardPass.run(model, s).loss();
            targets += s.lossSteps().length;
        }
        return sum / targets;
    }

    /** The fraction of targets whose arg-max output equals the arg-max target (classification tasks). */
    public static double accuracy(RnnModel model, Sequence[] sequences) {
        requireBatch(model, sequences);
        long right = 0;
        long total = 0;
        for (Sequence s : sequences) {
            ForwardPass pass = ForwardPass.run(model, s);
            for (int t : s.lossSteps()) {
                DMatrixRMaj y = s.target(t);
                right += SoftmaxCrossEntropy.argmax(pass.output(t)) == SoftmaxCrossEntropy.argmax(y) ? 1 : 0;
                total++;
            }
        }
        return (double) right / total;
    }

    /** The fraction of scalar targets predicted within {@code tolerance} (Hochreiter's 0.04 criterion). */
    public static double fractionWithin(RnnModel model, Sequence[] sequences, double tolerance) {
        requireBatch(model, sequences);
        Require.positive(tolerance, "tolerance");
        long right = 0;
        long total = 0;
        for (Sequence s : sequences) {
            ForwardPass pass = ForwardPass.run(model, s);
            for (int t : s.lossSteps()) {
                right += Math.abs(pass.output(t).data[0] - s.target(t).data[0]) < tolerance ? 1 : 0;
                total++;
            }
        }
        return (double) right / total;
    }

    private static void requireBatch(RnnModel model, Sequence[] sequences) {
        Require.nonNull(model, "model");
        Require.nonNull(sequences, "sequences");
        if (sequences.length == 0) {
            throw new IllegalArgumentException("sequences must not be empty, was length 0");
        }
    }
}
