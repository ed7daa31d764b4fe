package org.rnngradients.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.rnngradients.analysis.cli.csv.CsvTable;

/**
 * The recorded finite-size study of λ₁(g) for autonomous random networks (the CLI's {@code sweep} command), read
 * from {@code docs/src/data/lyapunov-finite-size-*}: per (cell, N, g) the seed mean of λ₁ with its standard error,
 * per (cell, N, threshold) the gain where the mean curve rises through the threshold with its bootstrap error.
 * A directory counts only once its {@code manifest.json} exists (the CLI writes it last), so a sweep still being
 * computed is left out rather than half read.
 */
final class FiniteSizeStudy {

    /** Tanh networks, N = 32 … 512. */
    static final String TANH = "lyapunov-finite-size-tanh";
    /** Tanh networks, N = 1024 (a run of its own). */
    static final String TANH_1024 = "lyapunov-finite-size-tanh-n1024";
    /** GRU and LSTM networks. */
    static final String GATED = "lyapunov-finite-size-gated";
    /** ρ(W) of the tanh networks at g = 1. */
    static final String RADIUS = "lyapunov-tanh-spectral-radius";
    /** The T = 40 000 convergence check at N = 256. */
    static final String LONG_T = "lyapunov-tanh-long-T";

    /** One (cell, N, g): mean λ₁ over the networks, its standard error, networks with λ₁ > 0 and > ε, mean field. */
    record Point(String cell, int n, double gain, double mean, double se, int networks, int positive, int exploding,
                 double meanField) {
    }

    /** The gain where λ₁ rises through {@code threshold}: of the seed-mean curve (± bootstrap SE), and per network. */
    record Crossing(String cell, int n, double threshold, double gain, double se, double perNetwork,
                    double perNetworkSe, double meanField) {
    }

    private final Path data;
    private final List<Point> points = new ArrayList<>();
    private final List<Crossing> crossings = new ArrayList<>();

    /** Reads every finished sweep directory under {@code data} (the book's data directory). */
    FiniteSizeStudy(Path data) {
        this.data = data;
        for (String run : new String[] {TANH, TANH_1024, GATED}) {
            if (finished(run)) {
                read(run);
            }
        }
    }

    /** The study of the repository at {@code root}. */
    static FiniteSizeStudy of(Path root) {
        return new FiniteSizeStudy(root.resolve(ExperimentResults.DIR));
    }

    /** Whether {@code run} exists with its manifest (written last by the CLI). */
    boolean finished(String run) {
        return RunManifest.finished(data, run) && Files.isRegularFile(data.resolve(run).resolve("summary.csv"));
    }

    private void read(String run) {
        try {
            CsvTable s = CsvTable.read(data.resolve(run).resolve("summary.csv"));
            for (int r = 0; r < s.size(); r++) {
                String mf = s.text(r, "mean_field_lambda_1");
                points.add(new Point(s.text(r, "cell"), (int) s.number(r, "hidden"), s.number(r, "gain"),
                        s.number(r, "lambda_1_mean"), s.number(r, "lambda_1_se"), (int) s.number(r, "networks"),
                        (int) s.number(r, "positive"), (int) s.number(r, "exploding"),
                        mf.isEmpty() ? Double.NaN : Double.parseDouble(mf)));
            }
            CsvTable c = CsvTable.read(data.resolve(run).resolve("crossings.csv"));
            for (int r = 0; r < c.size(); r++) {
                crossings.add(new Crossing(c.text(r, "cell"), (int) c.number(r, "hidden"), c.number(r, "threshold"),
                        number(c, r, "mean_curve_gain"), number(c, r, "bootstrap_se"), number(c, r, "per_network_mean"),
                        number(c, r, "per_network_se"), number(c, r, "mean_field_gain")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double number(CsvTable t, int r, String column) {
        String v = t.text(r, column);
        return v.isEmpty() ? Double.NaN : Double.parseDouble(v);
    }

    /** The sizes recorded for {@code cell}, ascending. */
    List<Integer> sizes(String cell) {
        TreeSet<Integer> n = new TreeSet<>();
        points.stream().filter(p -> p.cell().equals(cell)).forEach(p -> n.add(p.n()));
        return new ArrayList<>(n);
    }

    /** The points of one (cell, N), in gain order. */
    List<Point> curve(String cell, int n) {
        return points.stream().filter(p -> p.cell().equals(cell) && p.n() == n)
                .sorted((a, b) -> Double.compare(a.gain(), b.gain())).toList();
    }

    /** The point at gain {@code g} (to 10⁻⁹), or null when that gain was not run. */
    Point at(String cell, int n, double g) {
        return curve(cell, n).stream().filter(p -> Math.abs(p.gain() - g) < 1e-9).findFirst().orElse(null);
    }

    /** The crossing of {@code threshold} at size N, or null. */
    Crossing crossing(String cell, int n, double threshold) {
        return crossings.stream().filter(c -> c.cell().equals(cell) && c.n() == n && c.threshold() == threshold)
                .findFirst().orElse(null);
    }

    /** Mean ρ(W) over the 8 networks of size N drawn at g = 1 ({@link #RADIUS}), NaN when not recorded. */
    double radiusAtUnitGain(int n) {
        Path f = data.resolve(RADIUS).resolve("summary.csv");
        if (!Files.isRegularFile(f)) {
            return Double.NaN;
        }
        try {
            CsvTable t = CsvTable.read(f);
            for (int r = 0; r < t.size(); r++) {
                if ((int) t.number(r, "hidden") == n) {
                    return t.number(r, "spectral_radius_mean");
                }
            }
            return Double.NaN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The crossing of {@code threshold} in the T = 40 000 check ({@link #LONG_T}), or null. */
    Crossing longRunCrossing(double threshold) {
        Path f = data.resolve(LONG_T).resolve("crossings.csv");
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            CsvTable c = CsvTable.read(f);
            for (int r = 0; r < c.size(); r++) {
                if (c.number(r, "threshold") == threshold) {
                    return new Crossing(c.text(r, "cell"), (int) c.number(r, "hidden"), threshold,
                            number(c, r, "mean_curve_gain"), number(c, r, "bootstrap_se"),
                            number(c, r, "per_network_mean"), number(c, r, "per_network_se"),
                            number(c, r, "mean_field_gain"));
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The command line of a recorded run, for the "reproduce" line under a figure. */
    String command(String run) {
        return RunManifest.command(data, run);
    }
}
