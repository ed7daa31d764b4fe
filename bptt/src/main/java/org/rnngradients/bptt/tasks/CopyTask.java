package org.rnngradients.bptt.tasks;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.bptt.Sequence;
import org.rnngradients.bptt.loss.Loss;
import org.rnngradients.bptt.loss.SoftmaxCrossEntropy;
import org.rnngradients.linalg.RandomSource;
import org.rnngradients.linalg.internal.Require;

/**
 * The copy (memory) task: L symbols from an alphabet of K, then {@code delay} − 1 blanks and a
 * delimiter, then L blanks during which the model must output the L symbols in order. Inputs are
 * one-hot over [K symbols, blank, delimiter]; targets, one-hot over the K symbols, sit only at the
 * last L steps and are scored by softmax cross-entropy (guessing scores L·ln K per sequence).
 * Length L + delay + L; the dependency spans delay + L steps.
 */
public final class CopyTask implements Task {
    private final int symbols;
    private final int copyLength;
    private final int delay;
    private final Loss loss = new SoftmaxCrossEntropy();

    /** K ≥ 2 symbols, L ≥ 1 to copy, delay ≥ 1 (the delimiter is the delay-th step after the symbols). */
    public CopyTask(int symbols, int copyLength, int delay) {
        if (symbols < 2) {
            throw new IllegalArgumentException("symbols must be >= 2, was " + symbols);
        }
        this.symbols = symbols;
        this.copyLength = Require.positive(copyLength, "copyLength");
        this.delay = Require.positive(delay, "delay");
        if (2L * copyLength + delay > Require.MAX_ENTRIES) {
            throw new IllegalArgumentException("copyLength and delay must keep the length 2·copyLength + delay within "
                    + "the largest array, was copyLength=" + copyLength + ", delay=" + delay);
        }
        Require.inRange(symbols, 2, Require.MAX_ENTRIES - 2, "symbols");
    }

    /** The sequence length L + delay + L. */
    public int length() {
        return 2 * copyLength + delay;
    }

    @Override
    public String name() {
        return "copy-K" + symbols + "-L" + copyLength + "-delay" + delay;
    }

    @Override
    public int inputSize() {
        return symbols + 2;
    }

    @Override
    public int outputSize() {
        return symbols;
    }

    @Override
    public Loss loss() {
        return loss;
    }

    // tag::copy-task[]
    @Override
    public Sequence sample(RandomSource random) {
        Require.nonNull(random, "random");
        int blank = symbols;
        int delimiter = symbols + 1;
        DMatrixRMaj[] inputs = new DMatrixRMaj[length()];
        DMatrixRMaj[] targets = new DMatrixRMaj[length()];
        int[] message = new int[copyLength];
        for (int k = 0; k < copyLength; k++) {
            message[k] = random.nextInt(symbols);
            inputs[k] = OneHot.of(message[k], inputSize());
        }
        for (int t = copyLength; t < copyLength + delay; t++) {
            inputs[t] = OneHot.of(t == copyLength + delay - 1 ? delimiter : blank, inputSize());
        }
        for (int k = 0; k < copyLength; k++) {
            int t = copyLength + delay + k;
            inputs[t] = OneHot.of(blank, inputSize());
            targets[t] = OneHot.of(message[k], symbols);               // recall symbol k
        }
        return Sequence.of(inputs, targets);
    }
    // end::copy-task[]
}
