package org.rnngradients.analysis.plot;

/**
 * Small helpers for the data of a chart: index axes, a few evenly spread series to show out of many, and
 * subscript digits for labels such as σ₁₂.
 */
public final class PlotData {

    private PlotData() {
    }

    /** The x values 1, 2, …, n. */
    public static double[] oneTo(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = k + 1;
        }
        return x;
    }

    /** At most {@code most} of the indices 0..n−1, evenly spread and always including the first and the last. */
    public static int[] evenlySpread(int n, int most) {
        if (n < 0 || most < 1) {
            throw new IllegalArgumentException("need n >= 0 and most >= 1, were " + n + " and " + most);
        }
        int shown = Math.min(n, most);
        int[] indices = new int[shown];
        for (int k = 0; k < shown; k++) {
            indices[k] = shown == 1 ? 0 : (int) Math.round(k * (n - 1.0) / (shown - 1));
        }
        return indices;
    }

    /** The decimal digits of {@code n} (at least zero) as Unicode subscripts: 12 → "₁₂". */
    public static String subscript(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        StringBuilder sb = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) {
            sb.append((char) ('\u2080' + (c - '0')));
        }
        return sb.toString();
    }
}
