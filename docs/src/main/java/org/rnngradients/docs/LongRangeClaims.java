package org.rnngradients.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.rnngradients.analysis.cli.csv.CsvTable;

/**
 * The measurements behind the ledger rows on long-range learning and divergence, from the recorded runs: the LSTM at
 * T = 1000, the cost of length for the LSTM, the optimisers on a vanilla RNN, and how soon an exploding run fails.
 */
final class LongRangeClaims {

    /** Lengths from which the optimiser claim is judged: well past the vanilla network's success length. */
    static final int LONG_LAG = 50;

    private LongRangeClaims() {
    }

    static LongRangeRuns runs(Path root) {
        return new LongRangeRuns(root.resolve(ExperimentResults.DIR));
    }

    /** The chrono LSTM runs at length {@code t} (both forms). */
    static List<LongRangeRuns.Run> chrono(Path root, int t) {
        return runs(root).runs(LongRangeSection.LSTM).stream()
                .filter(r -> r.length() == t && r.initialisation().equals("chrono")).toList();
    }

    /** {runs at T = 1000, of them solved by ST3, fewest sequences, most sequences}. */
    static long[] thousand(Path root) {
        List<LongRangeRuns.Run> r = chrono(root, 1000);
        return new long[] {r.size(), r.stream().filter(LongRangeRuns.Run::solved).count(),
            r.stream().mapToLong(LongRangeRuns.Run::sequences).min().orElse(0),
            r.stream().mapToLong(LongRangeRuns.Run::sequences).max().orElse(0)};
    }

    /**
     * The largest, over the two forms, ratio of the mean sequences to ST3 at T = 1000 to that at T = 100 (chrono
     * LSTM); infinite when a run at T = 1000 was not solved.
     */
    static double lengthCost(Path root) {
        double worst = 0;
        for (String form : new String[] {"sum", "hochreiter"}) {
            List<LongRangeRuns.Run> t100 = chrono(root, 100).stream().filter(r -> r.form().equals(form)).toList();
            List<LongRangeRuns.Run> t1000 = chrono(root, 1000).stream().filter(r -> r.form().equals(form)).toList();
            if (t100.isEmpty() || t1000.isEmpty()) {
                continue;
            }
            if (t1000.stream().anyMatch(r -> !r.solved())) {
                return Double.POSITIVE_INFINITY;
            }
            double ratio = mean(t1000) / mean(t100);
            worst = Math.max(worst, ratio);
        }
        return worst;
    }

    private static double mean(List<LongRangeRuns.Run> r) {
        return r.stream().mapToLong(LongRangeRuns.Run::sequences).average().orElse(Double.NaN);
    }

    /** {optimiser settings, smallest test MSE / baseline at T ≥ {@link #LONG_LAG}, largest at the shortest T}. */
    static double[] optimisers(Path root) {
        List<LongRangeRuns.Run> r = runs(root).runs(LongRangeSection.OPTIMISER);
        int shortest = r.stream().mapToInt(LongRangeRuns.Run::length).min().orElse(0);
        return new double[] {r.stream().map(LongRangeRuns.Run::dir).distinct().count(),
            r.stream().filter(x -> x.length() >= LONG_LAG).mapToDouble(LongRangeRuns.Run::testOverBaseline).min().orElse(Double.NaN),
            r.stream().filter(x -> x.length() == shortest).mapToDouble(LongRangeRuns.Run::testOverBaseline).max().orElse(Double.NaN),
            shortest};
    }

    /**
     * The unclipped run of {@code exploding-clipping}: {first step whose loss exceeds 10× the first, first step
     * whose loss or gradient norm exceeds float32's largest value, first step with a non-finite gradient in double}.
     */
    static int[] divergence(Path root) {
        try {
            CsvTable t = CsvTable.read(root.resolve(ExperimentResults.DIR).resolve("exploding-clipping/curves.csv"));
            int diverged = 0;
            int single = 0;
            int dbl = 0;
            double first = Double.NaN;
            for (int r = 0; r < t.size(); r++) {
                if (!t.text(r, "variant").equals("no-clipping")) {
                    continue;
                }
                int step = (int) t.number(r, "step");
                double loss = value(t.text(r, "train_loss"));
                double norm = value(t.text(r, "gradient_norm"));
                first = Double.isNaN(first) ? loss : first;
                diverged = diverged == 0 && !(loss <= 10 * first) ? step : diverged;
                single = single == 0 && !(loss <= Float.MAX_VALUE && norm <= Float.MAX_VALUE) ? step : single;
                dbl = dbl == 0 && !Double.isFinite(norm) ? step : dbl;
            }
            return new int[] {diverged, single, dbl};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double value(String text) {
        return text.isEmpty() ? Double.NaN : Double.parseDouble(text);
    }
}
