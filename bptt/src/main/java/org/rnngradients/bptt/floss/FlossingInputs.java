package org.rnngradients.bptt.floss;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.bptt.Sequence;
import org.rnngradients.bptt.tasks.Task;
import org.rnngradients.linalg.RandomSource;
import org.rnngradients.linalg.internal.Require;

/**
 * The input stream flossing runs on: the inputs of a batch's sequences back to back, x_1 … x_T, with
 * no reset between sequences (the exponents describe the dynamics driven by task-like inputs, not any
 * one sequence). Holds references only; the array is reused.
 */
final class FlossingInputs {
    private final DMatrixRMaj[] stream;

    FlossingInputs(int horizon) {
        this.stream = new DMatrixRMaj[horizon];
    }

    /** Fills the stream from {@code batch} in order; throws naming {@code batch} if it holds fewer than T inputs. */
    DMatrixRMaj[] fill(Sequence[] batch) {
        Require.nonNull(batch, "batch");
        int t = 0;
        for (int b = 0; b < batch.length && t < stream.length; b++) {
            if (batch[b] == null) {
                throw new IllegalArgumentException("batch[" + b + "] must not be null");
            }
            for (int s = 1; s <= batch[b].length() && t < stream.length; s++) {
                stream[t++] = batch[b].input(s);
            }
        }
        if (t < stream.length) {
            throw new IllegalArgumentException("batch must hold at least the flossing horizon " + stream.length
                    + " inputs in total, held " + t);
        }
        return stream;
    }

    /** Sequences drawn from {@code task} one after another until they hold at least {@code horizon} inputs. */
    static Sequence[] draw(Task task, int horizon, RandomSource random) {
        List<Sequence> drawn = new ArrayList<>();
        int total = 0;
        while (total < horizon) {
            Sequence s = task.sample(random);
            drawn.add(s);
            total += s.length();
        }
        return drawn.toArray(new Sequence[0]);
    }
}
