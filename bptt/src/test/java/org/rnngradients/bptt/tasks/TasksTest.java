package org.rnngradients.bptt.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rnngradients.bptt.Sequence;
import org.rnngradients.linalg.RandomSource;

class TasksTest {

    private static int[] marked(Sequence s) {
        return java.util.stream.IntStream.rangeClosed(1, s.length()).filter(t -> s.input(t).data[1] == 1).toArray();
    }

    @Test
    void sumFormHasOneMarkerPerHalfAndTheSumAsTarget() {
        AddingProblem task = AddingProblem.sumForm(20);
        RandomSource r = RandomSource.seeded(61);
        for (int n = 0; n < 500; n++) {
            Sequence s = task.sample(r);
            int[] m = marked(s);
            assertEquals(2, m.length);
            assertTrue(m[0] <= 10 && m[1] > 10);
            assertEquals(s.input(m[0]).data[0] + s.input(m[1]).data[0], s.target(20).data[0], 0);
            assertEquals(1, s.lossSteps().length);
        }
    }

    @Test
    void predictingOneInTheSumFormScoresTheBaselineMseOfOneSixth() {
        AddingProblem task = AddingProblem.sumForm(10);
        RandomSource r = RandomSource.seeded(62);
        int n = 200_000;
        double sum = 0;
        double sumSq = 0;
        for (int k = 0; k < n; k++) {
            double e = task.sample(r).target(10).data[0] - 1;
            sum += e * e;
            sumSq += e * e * e * e;
        }
        double mse = sum / n;
        double standardError = Math.sqrt((sumSq / n - mse * mse) / n);   // about 4e-4
        assertEquals(AddingProblem.SUM_FORM_BASELINE_MSE, mse, 4 * standardError);
    }

    @Test
    void hochreiterFormFollowsSection5Point4() {
        int minLength = 100;
        AddingProblem task = AddingProblem.hochreiter(minLength);
        RandomSource r = RandomSource.seeded(63);
        for (int n = 0; n < 2000; n++) {
            Sequence s = task.sample(r);
            int length = s.length();
            assertTrue(length >= minLength && length <= minLength + minLength / 10, "length " + length);
            int[] m = marked(s);
            assertEquals(2, m.length);
            assertTrue(m[0] <= 10, "X1 among the first ten pairs");
            assertTrue(m[1] <= minLength / 2, "X2 among the first T/2 − 1 unmarked pairs");
            if (m[0] != 1) {
                assertEquals(-1, s.input(1).data[1]);
                assertTrue(s.input(1).data[0] != 0, "an unmarked first pair keeps its drawn value");
            } else {
                assertEquals(0, s.input(1).data[0]);     // X1 = 0 when the first pair is marked
            }
            assertEquals(-1, s.input(length).data[1]);
            for (int t = 1; t <= length; t++) {
                assertTrue(Math.abs(s.input(t).data[0]) <= 1);
            }
            double target = 0.5 + (s.input(m[0]).data[0] + s.input(m[1]).data[0]) / 4;
            assertEquals(target, s.target(length).data[0], 1e-15);
        }
        assertTrue(AddingProblem.isCorrect(0.53, 0.5) && !AddingProblem.isCorrect(0.55, 0.5));
    }

    @Test
    void agreementTargetIsTheVerbFormTheSubjectTakes() {
        AgreementTask task = new AgreementTask(30, 5);
        assertEquals(7 + 5 + 1, task.inputSize());
        RandomSource r = RandomSource.seeded(64);
        for (int n = 0; n < 200; n++) {
            Sequence s = task.sample(r);
            assertEquals(32, s.length());
            int subject = argmax(s.input(1));
            assertTrue(subject < AgreementTask.SUBJECTS.size());
            for (int t = 2; t <= 31; t++) {
                int token = argmax(s.input(t));
                assertTrue(token >= 7 && token < 12, "distractor");
            }
            assertEquals(task.inputSize() - 1, argmax(s.input(32)));
            String verb = AgreementTask.VERB_FORMS.get(argmax(s.target(32)));
            String pronoun = AgreementTask.SUBJECTS.get(subject);
            assertEquals(pronoun.equals("he") || pronoun.equals("she") || pronoun.equals("it") ? "works" : "work", verb);
        }
    }

    @Test
    void copyTaskAsksForTheMessageAfterTheDelimiter() {
        CopyTask task = new CopyTask(4, 3, 5);
        Sequence s = task.sample(RandomSource.seeded(65));
        assertEquals(11, s.length());
        assertEquals(5, argmax(s.input(8)));                     // delimiter at step L + delay
        for (int k = 1; k <= 3; k++) {
            assertEquals(argmax(s.input(k)), argmax(s.target(8 + k)));
        }
        assertEquals(3, s.lossSteps().length);
    }

    @Test
    void tasksAreReproducibleFromTheSeed() {
        Task task = AddingProblem.hochreiter(50);
        Sequence a = task.sample(RandomSource.seeded(66));
        Sequence b = task.sample(RandomSource.seeded(66));
        assertEquals(a.length(), b.length());
        for (int t = 1; t <= a.length(); t++) {
            assertTrue(org.ejml.dense.row.MatrixFeatures_DDRM.isIdentical(a.input(t), b.input(t), 0));
        }
    }

    @Test
    void badTaskArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> AddingProblem.hochreiter(9));
        assertThrows(IllegalArgumentException.class, () -> AddingProblem.sumForm(1));
        assertThrows(IllegalArgumentException.class, () -> new AgreementTask(-1, 3));
        assertThrows(IllegalArgumentException.class, () -> new CopyTask(1, 3, 3));
        assertThrows(IllegalArgumentException.class, () -> new CopyTask(3, 3, 0));
    }

    private static int argmax(DMatrixRMaj v) {
        return org.rnngradients.bptt.loss.SoftmaxCrossEntropy.argmax(v);
    }
}
