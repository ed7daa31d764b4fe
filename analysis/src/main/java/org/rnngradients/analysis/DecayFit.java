package org.rnngradients.analysis;

import org.rnngradients.linalg.internal.Require;

/**
 * A straight-line least-squares fit of log₁₀‖δ‖ against the step index, the rate at which a gradient
 * profile shrinks or grows, reported in orders of magnitude per 10 steps (the unit of the lab
 * results the book quotes) with the slope's standard error. A profile that falls by three orders of
 * magnitude every ten steps back from the loss has {@code ordersPerTenSteps() ≈ −3} when fitted
 * against the distance from the loss.
 */
public final class DecayFit {
    private final double slope;
    private final double intercept;
    private final double slopeStandardError;
    private final int points;

    private DecayFit(double slope, double intercept, double slopeStandardError, int points) {
        this.slope = slope;
        this.intercept = intercept;
        this.slopeStandardError = slopeStandardError;
        this.points = points;
    }

    // tag::decay-fit[]
    /**
     * Fits y = a + b·x by least squares, y = log₁₀‖δ‖ at steps x (≥ 3 points, not all x equal).
     * b = Σ(x−x̄)(y−ȳ)/Σ(x−x̄)², SE(b) = √(Σ residual²/(N−2) / Σ(x−x̄)²).
     */
    public static DecayFit of(double[] steps, double[] log10Norms) {
        requireData(steps, log10Norms);
        int count = steps.length;
        double xMean = mean(steps);
        double yMean = mean(log10Norms);
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < count; i++) {
            sxx += (steps[i] - xMean) * (steps[i] - xMean);
            sxy += (steps[i] - xMean) * (log10Norms[i] - yMean);
        }
        double b = sxy / sxx;
        double a = yMean - b * xMean;
        double residuals = 0;
        for (int i = 0; i < count; i++) {
            double e = log10Norms[i] - (a + b * steps[i]);
            residuals += e * e;
        }
        return new DecayFit(b, a, Math.sqrt(residuals / (count - 2) / sxx), count);
    }
    // end::decay-fit[]

    /** Fits natural-log norms ln‖δ_x‖ (converted to log₁₀) at steps x = 0, 1, …, N − 1. */
    public static DecayFit ofLogNorms(double[] logNorms) {
        Require.finite(logNorms, "logNorms");
        double[] x = new double[logNorms.length];
        double[] y = new double[logNorms.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            y[i] = logNorms[i] / Math.log(10);
        }
        return of(x, y);
    }

    /**
     * Fits a profile ln‖∂h_T/∂h_t‖ given for t = 0, …, T (as {@link JacobianProduct#logSpectralNormsToEnd()}
     * returns it) against the distance T − t from the end, so a vanishing gradient has a negative rate.
     */
    public static DecayFit againstDistance(double[] logNormsToEnd) {
        Require.finite(logNormsToEnd, "logNormsToEnd");
        double[] byDistance = new double[logNormsToEnd.length];
        for (int t = 0; t < byDistance.length; t++) {
            byDistance[byDistance.length - 1 - t] = logNormsToEnd[t];
        }
        return ofLogNorms(byDistance);
    }

    /** Fits norms ‖δ_x‖ (> 0) at steps x = 0, 1, …, N − 1. */
    public static DecayFit ofNorms(double[] norms) {
        Require.nonNull(norms, "norms");
        double[] logs = new double[norms.length];
        for (int i = 0; i < norms.length; i++) {
            logs[i] = Math.log(Require.positive(norms[i], "norms[" + i + "]"));
        }
        return ofLogNorms(logs);
    }

    /** The fitted slope b in orders of magnitude (log₁₀) per step. */
    public double slope() {
        return slope;
    }

    /** The fitted intercept a = log₁₀‖δ‖ at step 0. */
    public double intercept() {
        return intercept;
    }

    /** 10·b: orders of magnitude per 10 steps (negative when the norm shrinks as the index grows). */
    public double ordersPerTenSteps() {
        return 10 * slope;
    }

    /** The standard error of {@link #ordersPerTenSteps()}, 10·SE(b). */
    public double ordersPerTenStepsStandardError() {
        return 10 * slopeStandardError;
    }

    /** The number of fitted points. */
    public int points() {
        return points;
    }

    private static void requireData(double[] steps, double[] log10Norms) {
        Require.finite(steps, "steps");
        Require.finite(log10Norms, "log10Norms");
        if (steps.length != log10Norms.length) {
            throw new IllegalArgumentException("log10Norms must have the length of steps " + steps.length
                    + ", was " + log10Norms.length);
        }
        if (steps.length < 3) {
            throw new IllegalArgumentException("steps must hold at least 3 points for a slope and its error, was "
                    + steps.length);
        }
        double first = steps[0];
        boolean spread = false;
        for (double x : steps) {
            spread |= x != first;
        }
        if (!spread) {
            throw new IllegalArgumentException("steps must not all be equal, were all " + first);
        }
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
