package org.rnngradients.analysis.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

import org.rnngradients.cells.CellKind;
import org.rnngradients.linalg.RandomSource;
import org.rnngradients.linalg.internal.Require;

/**
 * Where λ_1(g) first rises through a threshold (0 for the onset of chaos, ε for the exploding regime)
 * for one cell and size N, estimated two ways from a complete sweep (every seed at every gain):
 *
 * <ul>
 *   <li>the crossing of the seed-mean curve λ̄_1(g), linearly interpolated between the bracketing grid
 *       gains, with a bootstrap standard error: the seeds are resampled with replacement (the same
 *       resampled networks at every gain, since a seed is one network drawn at every gain) and the
 *       crossing recomputed; resamples whose curve never crosses are counted, not used;</li>
 *   <li>the crossing of each network's own curve, averaged over the networks that cross, with its
 *       standard error.</li>
 * </ul>
 * A curve that starts above the threshold at the smallest gain, or never reaches it, has no crossing.
 *
 * @param cell                    the cell kind
 * @param hidden                  N
 * @param threshold               the level crossed, nats per step
 * @param networks                the number of seeds
 * @param meanCurveGain           the crossing of λ̄_1(g), if any
 * @param bootstrapStandardError  the standard deviation of the bootstrap crossings (NaN with fewer than two)
 * @param bootstrapMisses         how many bootstrap resamples had no crossing
 * @param resamples               how many resamples were drawn
 * @param perNetworkMean          the mean crossing over the networks that cross, if any
 * @param perNetworkStandardError its standard error (NaN with fewer than two)
 * @param networksCrossing        how many networks cross
 */
public record ZeroCrossing(CellKind cell, int hidden, double threshold, int networks, OptionalDouble meanCurveGain,
                           double bootstrapStandardError, int bootstrapMisses, int resamples,
                           OptionalDouble perNetworkMean, double perNetworkStandardError, int networksCrossing) {

    /**
     * The crossings of {@code threshold} (finite) for every (cell, N) of {@code results}, in the order they
     * first appear, with {@code resamples} (&gt; 0) bootstrap resamples drawn from {@code seed}.
     */
    public static List<ZeroCrossing> of(List<SweepResult> results, double threshold, int resamples, long seed) {
        Require.nonNull(results, "results");
        Require.finite(threshold, "threshold");
        Require.positive(resamples, "resamples");
        Map<List<Object>, List<SweepResult>> groups = new LinkedHashMap<>();
        for (SweepResult r : results) {
            SweepPoint p = Require.nonNull(r, "result").point();
            groups.computeIfAbsent(List.of(p.cell(), p.hidden()), k -> new ArrayList<>()).add(r);
        }
        List<ZeroCrossing> out = new ArrayList<>();
        for (List<SweepResult> g : groups.values()) {
            out.add(estimate(g, threshold, resamples, RandomSource.seeded(seed)));
        }
        return out;
    }

    private static ZeroCrossing estimate(List<SweepResult> group, double threshold, int resamples, RandomSource random) {
        Curves c = Curves.of(group);
        OptionalDouble meanCurve = firstUpwardCrossing(c.gains, c.meanOver(identity(c.seeds())), threshold);
        List<Double> boot = new ArrayList<>();
        int[] pick = new int[c.seeds()];
        for (int b = 0; b < resamples; b++) {
            for (int k = 0; k < pick.length; k++) {
                pick[k] = random.nextInt(pick.length);
            }
            firstUpwardCrossing(c.gains, c.meanOver(pick), threshold).ifPresent(boot::add);
        }
        List<Double> own = new ArrayList<>();
        for (int s = 0; s < c.seeds(); s++) {
            firstUpwardCrossing(c.gains, c.lambda[s], threshold).ifPresent(own::add);
        }
        double[] ownValues = own.stream().mapToDouble(Double::doubleValue).toArray();
        SweepPoint p = group.get(0).point();
        return new ZeroCrossing(p.cell(), p.hidden(), threshold, c.seeds(), meanCurve, standardDeviation(boot),
                resamples - boot.size(), resamples,
                own.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(GainSummary.mean(ownValues)),
                GainSummary.standardError(ownValues), own.size());
    }

    // tag::first-upward-crossing[]
    /**
     * The smallest g at which the piecewise-linear curve through (g_i, y_i) (g ascending) rises through
     * {@code threshold}: y_i ≤ threshold &lt; y_{i+1}, interpolated; empty if y_0 &gt; threshold or no
     * such i exists.
     */
    static OptionalDouble firstUpwardCrossing(double[] g, double[] y, double threshold) {
        if (y[0] > threshold) {
            return OptionalDouble.empty();
        }
        for (int i = 0; i + 1 < g.length; i++) {
            if (y[i] <= threshold && y[i + 1] > threshold) {
                if (!Double.isFinite(y[i])) {
                    return OptionalDouble.of(g[i + 1]);
                }
                return OptionalDouble.of(g[i] + (g[i + 1] - g[i]) * (threshold - y[i]) / (y[i + 1] - y[i]));
            }
        }
        return OptionalDouble.empty();
    }
    // end::first-upward-crossing[]

    private static int[] identity(int n) {
        int[] idx = new int[n];
        for (int k = 0; k < n; k++) {
            idx[k] = k;
        }
        return idx;
    }

    private static double standardDeviation(List<Double> values) {
        if (values.size() < 2) {
            return Double.NaN;
        }
        double[] x = values.stream().mapToDouble(Double::doubleValue).toArray();
        return GainSummary.standardError(x) * Math.sqrt(x.length);
    }

    /** λ_1[seed][gain] of one (cell, N), gains ascending, seeds in order of first appearance. */
    private record Curves(double[] gains, double[][] lambda) {
        int seeds() {
            return lambda.length;
        }

        /** The mean over the seeds {@code pick} (with repeats) at every gain. */
        double[] meanOver(int[] pick) {
            double[] m = new double[gains.length];
            for (int i = 0; i < gains.length; i++) {
                for (int s : pick) {
                    m[i] += lambda[s][i] / pick.length;
                }
            }
            return m;
        }

        static Curves of(List<SweepResult> group) {
            TreeMap<Double, Integer> gainIndex = new TreeMap<>();
            Map<Long, Integer> seedIndex = new LinkedHashMap<>();
            for (SweepResult r : group) {
                gainIndex.putIfAbsent(r.point().gain(), 0);
                seedIndex.putIfAbsent(r.point().seed(), seedIndex.size());
            }
            double[] gains = gainIndex.keySet().stream().mapToDouble(Double::doubleValue).toArray();
            for (int i = 0; i < gains.length; i++) {
                gainIndex.put(gains[i], i);
            }
            double[][] lambda = new double[seedIndex.size()][gains.length];
            boolean[][] present = new boolean[seedIndex.size()][gains.length];
            for (SweepResult r : group) {
                int s = seedIndex.get(r.point().seed());
                int i = gainIndex.get(r.point().gain());
                lambda[s][i] = r.largestExponent();
                present[s][i] = true;
            }
            requireComplete(group.get(0).point(), gains, seedIndex, present);
            return new Curves(gains, lambda);
        }

        private static void requireComplete(SweepPoint p, double[] gains, Map<Long, Integer> seeds, boolean[][] present) {
            for (Map.Entry<Long, Integer> s : seeds.entrySet()) {
                for (int i = 0; i < gains.length; i++) {
                    if (!present[s.getValue()][i]) {
                        throw new IllegalArgumentException("results must hold every seed at every gain; "
                                + new SweepPoint(p.cell(), p.hidden(), gains[i], s.getKey()) + " is missing");
                    }
                }
            }
        }
    }
}
