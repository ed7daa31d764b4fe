package org.rnngradients.bptt.floss;

import org.rnngradients.linalg.internal.Require;

/**
 * The rule that decides the verdict on "flossing raises the success rate": a one-sided Fisher exact
 * test of flossing's successes against a reference set-up's, over the same number of seeds each.
 * <i>holds</i> when p &lt; 0.05, <i>suggested</i> when flossing has more successes but p ≥ 0.05,
 * <i>not supported</i> otherwise.
 */
public final class FlossingVerdict {
    /** The significance level of the rule. */
    public static final double LEVEL = 0.05;

    private FlossingVerdict() {
    }

    // tag::fisher-one-sided[]
    /**
     * P(X ≥ a) for X hypergeometric: the chance that, of the a + b successes among n + m runs, at least a fall
     * into the first n runs if the set-up made no difference.
     */
    public static double fisherOneSided(int a, int n, int b, int m) {
        requireCounts(a, n, "a", "n");
        requireCounts(b, m, "b", "m");
        requireTotal(n, m);
        int successes = a + b;
        double p = 0;
        for (int x = a; x <= Math.min(n, successes); x++) {
            p += Math.exp(logChoose(successes, x) + logChoose(n + m - successes, n - x) - logChoose(n + m, n));
        }
        return Math.min(1, p);
    }
    // end::fisher-one-sided[]

    /** "holds", "suggested" or "not supported" for {@code a} of {@code n} flossing successes against {@code b} of {@code m}. */
    public static String verdict(int a, int n, int b, int m) {
        double p = fisherOneSided(a, n, b, m);
        if ((double) a / n <= (double) b / m) {
            return "not supported";
        }
        return p < LEVEL ? "holds" : "suggested";
    }

    private static double logChoose(int n, int k) {
        if (k < 0 || k > n) {
            return Double.NEGATIVE_INFINITY;
        }
        double s = 0;
        for (int i = 1; i <= k; i++) {
            s += Math.log(n - k + i) - Math.log(i);
        }
        return s;
    }

    /** n + m runs must fit an int. */
    private static void requireTotal(int n, int m) {
        if (m > Integer.MAX_VALUE - n) {
            throw new IllegalArgumentException("m must be <= " + (Integer.MAX_VALUE - n) + " so that n + m fits an int,"
                    + " was " + m);
        }
    }

    private static void requireCounts(int successes, int runs, String successName, String runName) {
        Require.positive(runs, runName);
        Require.inRange(successes, 0, runs, successName);
    }
}
