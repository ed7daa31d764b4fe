package org.rnngradients.analysis.cli;

import org.rnngradients.linalg.internal.Require;

/**
 * The squared errors e_b² of the most recent training sequences, in a ring of fixed size W, and Hochreiter and
 * Schmidhuber's stopping rule ST3(β) (1997, §5.4 and Table 11): stop "once the average training error is below β
 * and the W = 2000 most recent sequences were processed correctly", a sequence being correct when |e| &lt; 0.04.
 * We read "average training error" as the mean squared error over the same W sequences (with every |e| &lt; 0.04
 * it is below 0.0016, so for β = 0.01 the correctness condition is the binding one). Each error is the one the
 * sequence had when it was trained on, before the update it contributed to, as in on-line learning.
 */
final class RecentErrors {
    private final double[] squared;
    private final double tolerance;
    private int filled;
    private int next;
    private int wrong;

    /** A window of {@code window} sequences; a sequence is correct when |e| &lt; {@code tolerance}. */
    RecentErrors(int window, double tolerance) {
        this.squared = new double[Require.positive(window, "window")];
        this.tolerance = Require.positive(tolerance, "tolerance");
    }

    /** Records the squared error of the next training sequence (its MSE loss, a scalar output). */
    void add(double squaredError) {
        Require.nonNegative(squaredError, "squaredError");
        if (filled == squared.length) {
            wrong -= isWrong(squared[next]) ? 1 : 0;
        } else {
            filled++;
        }
        squared[next] = squaredError;
        wrong += isWrong(squaredError) ? 1 : 0;
        next = (next + 1) % squared.length;
    }

    private boolean isWrong(double squaredError) {
        return !(Math.sqrt(squaredError) < tolerance);
    }

    /** Whether W sequences have been recorded. */
    boolean full() {
        return filled == squared.length;
    }

    /** The number of sequences recorded so far, at most W. */
    int size() {
        return filled;
    }

    /** The mean squared error over the recorded sequences (NaN when none). */
    double meanSquared() {
        double s = 0;
        for (int k = 0; k < filled; k++) {
            s += squared[k];
        }
        return filled == 0 ? Double.NaN : s / filled;
    }

    /** The fraction of the recorded sequences with |e| &lt; tolerance (NaN when none). */
    double fractionCorrect() {
        return filled == 0 ? Double.NaN : (double) (filled - wrong) / filled;
    }

    /** ST3(β): the window is full, every sequence in it is correct and its mean squared error is below β. */
    boolean st3(double beta) {
        return full() && wrong == 0 && meanSquared() < beta;
    }
}
