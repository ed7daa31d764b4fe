package org.rnngradients.analysis.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rnngradients.cells.CellKind;
import org.rnngradients.linalg.internal.Require;

/**
 * The networks of one (cell, N, g) of a sweep, summarised: the mean of λ_1 and its standard error
 * s/√n (s the sample standard deviation over the n networks), the same mean over the first half of
 * the counted steps and the largest change between the two (the convergence check), how many
 * networks have λ_1 &gt; 0 and λ_1 &gt; ε, the mean final activity and, when computed, the mean ρ(W_hh).
 *
 * @param cell                the cell kind
 * @param hidden              N
 * @param gain                g
 * @param networks            n, the number of seeds
 * @param meanExponent        the mean of λ_1 (−∞ if any network's tangent vector collapsed)
 * @param standardError       s/√n of λ_1 (NaN for a single network, or when the mean is not finite)
 * @param meanHalfTimeExponent the mean of λ_1 over T/2
 * @param largestHalfTimeChange max over networks of |λ_1(T) − λ_1(T/2)| (NaN if a value is not finite)
 * @param positive            how many networks have λ_1 &gt; 0
 * @param exploding           how many have λ_1 &gt; ε (the margin given to {@link #of})
 * @param meanActivity        the mean over networks of (1/n) Σ s_i² at the end
 * @param meanSpectralRadius  the mean ρ(W_hh), NaN when the results lack it
 */
public record GainSummary(CellKind cell, int hidden, double gain, int networks, double meanExponent,
                          double standardError, double meanHalfTimeExponent, double largestHalfTimeChange,
                          int positive, int exploding, double meanActivity, double meanSpectralRadius) {

    /**
     * One summary per distinct (cell, N, g) of {@code results}, in the order they first appear (grid
     * order for a finished sweep); sums run over the networks in that order too. ε must be ≥ 0.
     */
    public static List<GainSummary> of(List<SweepResult> results, double epsilon) {
        Require.nonNull(results, "results");
        Require.nonNegative(epsilon, "epsilon");
        Map<List<Object>, List<SweepResult>> groups = new LinkedHashMap<>();
        for (SweepResult r : results) {
            SweepPoint p = Require.nonNull(r, "result").point();
            groups.computeIfAbsent(List.of(p.cell(), p.hidden(), p.gain()), k -> new ArrayList<>()).add(r);
        }
        List<GainSummary> out = new ArrayList<>(groups.size());
        for (List<SweepResult> g : groups.values()) {
            out.add(summarise(g, epsilon));
        }
        return out;
    }

    // tag::gain-summary[]
    private static GainSummary summarise(List<SweepResult> g, double epsilon) {
        int n = g.size();
        double[] lambda = new double[n];
        double[] half = new double[n];
        double activity = 0;
        double radius = 0;
        int positive = 0;
        int exploding = 0;
        double change = 0;
        for (int k = 0; k < n; k++) {
            SweepResult r = g.get(k);
            lambda[k] = r.largestExponent();
            half[k] = r.halfTimeExponent();
            activity += r.activity() / n;
            radius += r.spectralRadius() / n;              // NaN as soon as one result lacks ρ
            positive += lambda[k] > 0 ? 1 : 0;
            exploding += lambda[k] > epsilon ? 1 : 0;
            change = Math.max(change, Math.abs(lambda[k] - half[k]));
        }
        SweepPoint p = g.get(0).point();
        return new GainSummary(p.cell(), p.hidden(), p.gain(), n, mean(lambda), standardError(lambda), mean(half),
                change, positive, exploding, activity, radius);
    }
    // end::gain-summary[]

    /** The arithmetic mean, summed in order. */
    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** s/√n with s² = Σ(x − x̄)²/(n − 1); NaN for n &lt; 2 or a non-finite mean. */
    static double standardError(double[] x) {
        double m = mean(x);
        if (x.length < 2 || !Double.isFinite(m)) {
            return Double.NaN;
        }
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (x.length - 1) / x.length);
    }
}
