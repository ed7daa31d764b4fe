package org.rnngradients.docs;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.bptt.FullBptt;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.Sequence;
import org.rnngradients.bptt.TruncatedBptt;
import org.rnngradients.bptt.TruncationBias;
import org.rnngradients.bptt.loss.MeanSquaredError;
import org.rnngradients.cells.CellKind;
import org.rnngradients.cells.Cells;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.linalg.Initialiser;
import org.rnngradients.linalg.RandomMatrices;
import org.rnngradients.linalg.RandomSource;

/**
 * Truncation bias: the relative distance ‖g̃ − g‖/‖g‖ between the stateful BPTT(k, k) gradient and the exact
 * one, for a tanh RNN with a loss at every step, as the window k grows.
 */
public final class TruncationExperiment {

    static final int T = 60;
    static final int HIDDEN = 16;
    static final int INPUT = 4;
    static final int[] WINDOWS = {1, 2, 3, 5, 8, 10, 15, 20, 30, 60};

    private TruncationExperiment() {
    }

    /** A tanh RNN whose W_hh is orthogonal with the given gain (input weights PyTorch default). */
    static RnnModel model(double gain, RandomSource random) {
        RecurrentCell cell = CellKind.RNN_TANH.create(INPUT, HIDDEN);
        Cells.initialise(cell, Initialiser.orthogonal(gain), Initialiser.pytorchDefault(HIDDEN), random);
        return new RnnModel(cell, new MeanSquaredError());
    }

    // tag::truncation-bias-sweep[]
    /** Relative truncation bias for each window in {@link #WINDOWS}, recurrent gain {@code gain}. */
    public static double[] relativeBias(double gain, long seed) {
        RandomSource random = RandomSource.seeded(seed);
        RnnModel model = model(gain, random.fork("model"));
        DMatrixRMaj[] inputs = new DMatrixRMaj[T];
        DMatrixRMaj[] targets = new DMatrixRMaj[T];
        for (int t = 0; t < T; t++) {
            inputs[t] = RandomMatrices.gaussian(INPUT, 1, random);
            targets[t] = RandomMatrices.gaussian(HIDDEN, 1, random);
        }
        Sequence sequence = Sequence.everyStep(inputs, targets);
        var exact = new FullBptt().compute(model, sequence, null).gradients().all();
        double[] bias = new double[WINDOWS.length];
        for (int i = 0; i < WINDOWS.length; i++) {
            var engine = new TruncatedBptt(WINDOWS[i], WINDOWS[i], TruncatedBptt.Mode.STATEFUL);
            var truncated = engine.compute(model, sequence, null).gradients().all();
            bias[i] = TruncationBias.between(truncated, exact).relative();
        }
        return bias;
    }
    // end::truncation-bias-sweep[]
}
