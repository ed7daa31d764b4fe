package org.rnngradients.bptt.tasks;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.bptt.Sequence;
import org.rnngradients.bptt.loss.Loss;
import org.rnngradients.bptt.loss.MeanSquaredError;
import org.rnngradients.linalg.RandomSource;
import org.rnngradients.linalg.internal.Require;

/**
 * The adding problem in its two common forms. Each input is a pair (value, marker); the target,
 * given at the last step only, depends on the two marked values, which lie far apart.
 * <ul>
 * <li>{@link #hochreiter(int)} — Hochreiter and Schmidhuber (1997, §5.4): values U[−1, 1]; length
 * uniform in [T, T + T/10]; X₁ marked among the first 10 pairs, X₂ among the first T/2 − 1 pairs still
 * unmarked; marker −1 on the first and last pair otherwise; when the first pair is marked (by either
 * draw) its value is set to zero, our reading of the paper's "X₁ is set to zero";
 * target 0.5 + (X₁ + X₂)/4; a sequence counts as correct when |error| &lt; 0.04.</li>
 * <li>{@link #sumForm(int)} — the later form (Le et al. 2015, Arjovsky et al. 2016): length exactly
 * T, values U[0, 1], one marker in each half, target X₁ + X₂. Always predicting 1 scores MSE
 * Var(X₁ + X₂) = 1/6, the baseline a model must beat.</li>
 * </ul>
 */
public final class AddingProblem implements Task {
    /** The |error| below which Hochreiter and Schmidhuber count a sequence as processed correctly. */
    public static final double CORRECT_TOLERANCE = 0.04;
    /** The MSE of the constant prediction 1 in the sum form. */
    public static final double SUM_FORM_BASELINE_MSE = 1.0 / 6.0;

    /** Which form. */
    public enum Form {
        /** Hochreiter and Schmidhuber 1997. */
        HOCHREITER_1997,
        /** Values U[0,1], one marker per half, target the sum. */
        SUM
    }

    /** The largest minimum length whose longest sequence, T + T/10, still fits an array. */
    private static final int LONGEST_HOCHREITER = (int) (Require.MAX_ENTRIES / 1.1) - 1;

    private final Form form;
    private final int length;
    private final Loss loss = new MeanSquaredError();

    private AddingProblem(Form form, int length) {
        this.form = form;
        this.length = length;
    }

    /** Hochreiter and Schmidhuber's form with minimal length T ≥ 10. */
    public static AddingProblem hochreiter(int minLength) {
        if (minLength < 10) {
            throw new IllegalArgumentException("minLength must be >= 10 (X1 is marked among the first 10 pairs), was "
                    + minLength);
        }
        if (minLength > LONGEST_HOCHREITER) {
            throw new IllegalArgumentException("minLength must keep the longest sequence, minLength + minLength/10, within"
                    + " the largest array (minLength <= " + LONGEST_HOCHREITER + "), was " + minLength);
        }
        return new AddingProblem(Form.HOCHREITER_1997, minLength);
    }

    /** The U[0,1]/sum form with length T ≥ 2. */
    public static AddingProblem sumForm(int length) {
        if (length < 2) {
            throw new IllegalArgumentException("length must be >= 2 (one marker per half), was " + length);
        }
        return new AddingProblem(Form.SUM, length);
    }

    /** The form. */
    public Form form() {
        return form;
    }

    /** T (the minimal length in Hochreiter's form). */
    public int length() {
        return length;
    }

    @Override
    public String name() {
        return "adding-" + (form == Form.SUM ? "sum" : "hochreiter") + "-T" + length;
    }

    @Override
    public int inputSize() {
        return 2;
    }

    @Override
    public int outputSize() {
        return 1;
    }

    @Override
    public Loss loss() {
        return loss;
    }

    @Override
    public Sequence sample(RandomSource random) {
        Require.nonNull(random, "random");
        return form == Form.SUM ? sampleSum(random) : sampleHochreiter(random);
    }

    // tag::adding-problem-sum[]
    private Sequence sampleSum(RandomSource random) {
        double[] values = new double[length];
        double[] markers = new double[length];
        for (int t = 0; t < length; t++) {
            values[t] = random.uniform();
        }
        int half = length / 2;
        int first = random.nextInt(0, half);            // one marker in the first half
        int second = random.nextInt(half, length);      // and one in the second
        markers[first] = 1;
        markers[second] = 1;
        return pairs(values, markers, values[first] + values[second]);
    }
    // end::adding-problem-sum[]

    // tag::adding-problem-hochreiter[]
    private Sequence sampleHochreiter(RandomSource random) {
        int n = random.nextInt(length, length + length / 10 + 1);   // length in [T, T + T/10]
        double[] values = new double[n];
        double[] markers = new double[n];
        for (int t = 0; t < n; t++) {
            values[t] = random.uniform(-1, 1);
        }
        markers[0] = -1;
        markers[n - 1] = -1;
        int first = random.nextInt(10);                   // X1 among the first 10 pairs
        int candidates = length / 2 - 1;                  // X2 among the first T/2 − 1 still unmarked
        int pick = random.nextInt(candidates);
        int second = pick < first ? pick : pick + 1;      // skip the pair already marked
        markers[first] = 1;
        markers[second] = 1;
        if (first == 0 || second == 0) {
            values[0] = 0;                                // the rare case: a marked first pair counts zero
        }
        return pairs(values, markers, 0.5 + (values[first] + values[second]) / 4.0);
    }
    // end::adding-problem-hochreiter[]

    private static Sequence pairs(double[] values, double[] markers, double target) {
        DMatrixRMaj[] inputs = new DMatrixRMaj[values.length];
        for (int t = 0; t < values.length; t++) {
            inputs[t] = new DMatrixRMaj(new double[][] {{values[t]}, {markers[t]}});
        }
        return Sequence.lastStep(inputs, new DMatrixRMaj(new double[][] {{target}}));
    }

    /** Hochreiter and Schmidhuber's criterion: |prediction − target| &lt; 0.04. */
    public static boolean isCorrect(double prediction, double target) {
        return Math.abs(prediction - target) < CORRECT_TOLERANCE;
    }
}
