package org.rnngradients.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.rnngradients.analysis.cli.csv.CsvTable;

/**
 * Reads the adding-problem results recorded by the CLI's {@code adding} command and judges text 000's claim that a
 * vanilla RNN fails beyond about ten steps. A length counts as solved when the test MSE is below a tenth of the
 * baseline 1/6 (always predicting 1), and as failed when it is above half of it.
 */
public final class AddingResults {

    /** MSE of always predicting 1 on the sum form: the baseline to beat. */
    public static final double BASELINE = 1.0 / 6;
    /** Solved: test MSE below this fraction of the baseline. */
    public static final double SOLVED = 0.1;
    /** Failed: test MSE above this fraction of the baseline. */
    public static final double FAILED = 0.5;

    private AddingResults() {
    }

    /** The vanilla length sweep, {@code docs/src/data/adding-vanilla/summary.csv}. */
    public static Path vanillaSweep(Path root) {
        return root.resolve(ExperimentResults.DIR).resolve("adding-vanilla/summary.csv");
    }

    /** The same sweep with an orthogonal W_hh, {@code adding-vanilla-orthogonal/summary.csv}. */
    public static Path orthogonalSweep(Path root) {
        return root.resolve(ExperimentResults.DIR).resolve("adding-vanilla-orthogonal/summary.csv");
    }

    /** {@link #boundary} of the default-initialisation sweep. */
    public static double[] vanillaBoundary(Path root) throws IOException {
        return boundary(vanillaSweep(root));
    }

    /** {longest solved T, shortest failed T, whether every T beyond the shortest failed one also failed}. */
    public static double[] boundary(Path sweep) throws IOException {
        CsvTable t = CsvTable.read(sweep);
        double longestSolved = 0;
        double shortestFailed = Double.POSITIVE_INFINITY;
        for (int r = 0; r < t.size(); r++) {
            double ratio = t.number(r, "test_over_baseline");
            double length = t.number(r, "T");
            if (ratio < SOLVED) {
                longestSolved = Math.max(longestSolved, length);
            } else if (ratio > FAILED) {
                shortestFailed = Math.min(shortestFailed, length);
            }
        }
        boolean monotone = true;
        for (int r = 0; r < t.size(); r++) {
            if (t.number(r, "T") > shortestFailed && t.number(r, "test_over_baseline") <= FAILED) {
                monotone = false;
            }
        }
        return new double[] {longestSolved, shortestFailed, monotone ? 1 : 0};
    }

    /** Whether the vanilla sweep was recorded. */
    public static boolean present(Path root) {
        return Files.isRegularFile(vanillaSweep(root));
    }
}
