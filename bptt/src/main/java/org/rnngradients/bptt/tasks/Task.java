package org.rnngradients.bptt.tasks;

import org.rnngradients.bptt.Sequence;
import org.rnngradients.bptt.loss.Loss;
import org.rnngradients.linalg.RandomSource;
import org.rnngradients.linalg.internal.Require;

/** A seeded generator of training sequences for a long-range task, with the loss it is scored by. */
public interface Task {

    /** A short name for reports. */
    String name();

    /** Input size I. */
    int inputSize();

    /** Output size O. */
    int outputSize();

    /** The per-step loss the task is scored by. */
    Loss loss();

    /** One sequence; every random number comes from {@code random}. */
    Sequence sample(RandomSource random);

    /** {@code n} sequences drawn one after another from {@code random}. */
    default Sequence[] batch(int n, RandomSource random) {
        Require.positive(n, "n");
        Require.nonNull(random, "random");
        Sequence[] out = new Sequence[n];
        for (int k = 0; k < n; k++) {
            out[k] = sample(random);
        }
        return out;
    }
}
