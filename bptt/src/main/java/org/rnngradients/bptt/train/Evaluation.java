package org.rnngradients.bptt.train;

import java.util.function.BiPredicate;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.bptt.ForwardPass;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.Sequence;
import org.rnngradients.bptt.loss.SoftmaxCrossEntropy;
import org.rnngradients.linalg.internal.Require;

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
        return fractionOfTargets(model, sequences,
                (output, target) -> SoftmaxCrossEntropy.argmax(output) == SoftmaxCrossEntropy.argmax(target));
    }

    /** The fraction of scalar targets predicted within {@code tolerance} (Hochreiter's 0.04 criterion). */
    public static double fractionWithin(RnnModel model, Sequence[] sequences, double tolerance) {
        requireBatch(model, sequences);
        Require.positive(tolerance, "tolerance");
        return fractionOfTargets(model, sequences, (output, target) -> Math.abs(output.data[0] - target.data[0]) < tolerance);
    }

    /** The fraction of (ŷ_t, y_t) pairs over all targets of all sequences for which {@code right} holds. */
    private static double fractionOfTargets(RnnModel model, Sequence[] sequences,
                                            BiPredicate<DMatrixRMaj, DMatrixRMaj> right) {
        long hits = 0;
        long total = 0;
        for (Sequence s : sequences) {
            ForwardPass pass = ForwardPass.run(model, s);
            for (int t : s.lossSteps()) {
                hits += right.test(pass.output(t), s.target(t)) ? 1 : 0;
                total++;
            }
        }
        return (double) hits / total;
    }

    private static void requireBatch(RnnModel model, Sequence[] sequences) {
        Require.nonNull(model, "model");
        Require.nonNull(sequences, "sequences");
        if (sequences.length == 0) {
            throw new IllegalArgumentException("sequences must not be empty, was length 0");
        }
        for (int k = 0; k < sequences.length; k++) {
            Require.nonNull(sequences[k], "sequences[" + k + "]");
        }
    }
}
