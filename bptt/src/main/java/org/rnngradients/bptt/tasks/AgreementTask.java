package org.rnngradients.bptt.tasks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.bptt.Sequence;
import org.rnngradients.bptt.loss.Loss;
import org.rnngradients.bptt.loss.SoftmaxCrossEntropy;
import org.rnngradients.linalg.RandomSource;
import org.rnngradients.linalg.internal.Require;

/**
 * The stretched agreement task of text 002: a subject pronoun, then {@code gap} distractor tokens,
 * then a query token; the model must name the verb form that agrees with the subject ("works" after
 * he/she/it, "work" after I/you/we/they). Tokens are one-hot over the vocabulary
 * [subjects…, distractors…, query]; the target, at the last step only, is one-hot over [work, works]
 * and scored by softmax cross-entropy. Guessing scores ln 2 per sequence.
 */
public final class AgreementTask implements Task {
    /** The subjects; the first three take the third-person singular verb form. */
    public static final List<String> SUBJECTS = List.of("he", "she", "it", "I", "you", "we", "they");
    /** The two verb forms, in output order. */
    public static final List<String> VERB_FORMS = List.of("work", "works");
    private static final int SINGULAR_SUBJECTS = 3;

    private final int gap;
    private final int distractors;
    private final Loss loss = new SoftmaxCrossEntropy();

    /** Subject and query {@code gap} ≥ 0 distractors apart, drawn from {@code distractors} ≥ 1 distinct tokens. */
    public AgreementTask(int gap, int distractors) {
        this.gap = Require.inRange(gap, 0, Require.MAX_ENTRIES - 2, "gap");
        this.distractors = Require.inRange(distractors, 1, Require.MAX_ENTRIES - SUBJECTS.size() - 1, "distractors");
    }

    /** The number of distractor tokens between subject and query. */
    public int gap() {
        return gap;
    }

    /** The token names, in one-hot order. */
    public List<String> vocabulary() {
        List<String> v = new ArrayList<>(SUBJECTS);
        for (int k = 0; k < distractors; k++) {
            v.add("d" + k);
        }
        v.add("?");
        return Collections.unmodifiableList(v);
    }

    @Override
    public String name() {
        return "agreement-gap" + gap;
    }

    @Override
    public int inputSize() {
        return SUBJECTS.size() + distractors + 1;
    }

    @Override
    public int outputSize() {
        return VERB_FORMS.size();
    }

    @Override
    public Loss loss() {
        return loss;
    }

    // tag::agreement-task[]
    @Override
    public Sequence sample(RandomSource random) {
        Require.nonNull(random, "random");
        int size = inputSize();
        DMatrixRMaj[] inputs = new DMatrixRMaj[gap + 2];
        int subject = random.nextInt(SUBJECTS.size());
        inputs[0] = OneHot.of(subject, size);
        for (int k = 1; k <= gap; k++) {
            inputs[k] = OneHot.of(SUBJECTS.size() + random.nextInt(distractors), size);
        }
        inputs[gap + 1] = OneHot.of(size - 1, size);                    // the query token
        int verbForm = subject < SINGULAR_SUBJECTS ? 1 : 0;             // he/she/it → "works"
        return Sequence.lastStep(inputs, OneHot.of(verbForm, VERB_FORMS.size()));
    }
    // end::agreement-task[]
}
