package org.rnngradients.docs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnngradients.analysis.cli.csv.CsvTable;
import org.rnngradients.analysis.plot.Chart;
import org.rnngradients.analysis.plot.Palette;
import org.rnngradients.analysis.plot.Style;
import org.rnngradients.bptt.floss.FlossingVerdict;

/**
 * The numbers and figures of the gradient-flossing chapter, from the CLI's {@code floss} runs under
 * {@code docs/src/data/flossing-adding*}: the options of the main run, per set-up and length the successes, the
 * median test MSE, the median λ₁ at the start and end of training and the adjoint decay, the variants, the verdicts
 * by {@link FlossingVerdict}, and three figures. Each statement of the chapter's prose that depends on the data is
 * checked here with {@link #require}, so the build fails when a rerun contradicts it.
 */
final class FlossingChapter {

    static final String MAIN = "flossing-adding";
    static final String[] SETUPS = {"none", "clipping", "orthogonal", "flossing"};

    private final Path data;
    private final Attributes a;

    FlossingChapter(Path data, Attributes a) {
        this.data = data;
        this.a = a;
    }

    /** Adds every attribute and figure of the chapter. */
    void contribute(Figures f) throws IOException {
        options();
        CsvTable summary = table(MAIN, "summary.csv");
        CsvTable runs = table(MAIN, "runs.csv");
        CsvTable profiles = table(MAIN, "profiles.csv");
        List<Integer> lengths = new ArrayList<>();
        for (int r = 0; r < summary.size(); r++) {
            int t = (int) summary.number(r, "T");
            if (!lengths.contains(t)) {
                lengths.add(t);
            }
            String key = "floss-" + summary.text(r, "setup") + "-t" + t;
            a.put(key + "-successes", (int) summary.number(r, "successes") + " of " + (int) summary.number(r, "runs"));
            a.putAdoc(key + "-median-mse", Formats.adoc(summary.number(r, "median_test_mse"), 3));
            a.put(key + "-seconds", Formats.fixed(summary.number(r, "mean_seconds"), 0));
            String setup = summary.text(r, "setup");
            a.put(key + "-lambda1-start", Formats.fixed(median(runs, setup, t, "lambda1_train_start"), 3));
            a.put(key + "-lambda1-end", Formats.fixed(median(runs, setup, t, "lambda1_end"), 3));
            a.put(key + "-lambda1-init", Formats.fixed(median(runs, setup, t, "lambda1_init"), 3));
            a.put(key + "-decay", Formats.fixed(decay(profiles, setup, t), 1));
        }
        prefloss();
        verdicts(summary, runs, profiles, lengths);
        variants();
        figures(f, lengths);
        claims(summary, runs, profiles, lengths);
    }

    private CsvTable table(String run, String file) throws IOException {
        return CsvTable.read(data.resolve(run).resolve(file));
    }

    private void options() {
        String[][] names = {{"steps", "--iterations"}, {"hidden", "--hidden"}, {"batch", "--batch"}, {"lr", "--lr"},
            {"clip", "--clip"}, {"k", "--exponents"}, {"horizon", "--floss-horizon"}, {"warm-up", "--floss-warm-up"},
            {"prefloss", "--prefloss"}, {"interval", "--floss-interval"}, {"weight", "--floss-weight"}, {"seeds", "--seeds"}};
        for (String[] n : names) {
            a.put("floss-" + n[0], RunManifest.option(data, MAIN, n[1]));
        }
    }

    /** Median over seeds of {@code column} in runs.csv for one set-up and length. */
    static double median(CsvTable runs, String setup, int t, String column) {
        List<Double> v = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            if (runs.text(r, "setup").equals(setup) && (int) runs.number(r, "T") == t) {
                v.add(runs.number(r, column));
            }
        }
        return median(v);
    }

    static double median(List<Double> v) {
        if (v.isEmpty()) {
            throw new IllegalArgumentException("no values for a median");
        }
        double[] s = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }

    /** Median over seeds of the decades the final adjoint loses from t = T (the loss) back to t = 1. */
    static double decay(CsvTable profiles, String setup, int t) {
        Map<String, double[]> ends = new LinkedHashMap<>();
        for (int r = 0; r < profiles.size(); r++) {
            if (!profiles.text(r, "setup").equals(setup) || (int) profiles.number(r, "T") != t) {
                continue;
            }
            double[] e = ends.computeIfAbsent(profiles.text(r, "seed"), k -> new double[2]);
            int step = (int) profiles.number(r, "t");
            if (step == 1) {
                e[0] = profiles.number(r, "mean_log10_adjoint_norm");
            } else if (step == t) {
                e[1] = profiles.number(r, "mean_log10_adjoint_norm");
            }
        }
        return median(ends.values().stream().map(e -> e[1] - e[0]).toList());
    }

    private void prefloss() throws IOException {
        CsvTable p = table(MAIN, "preflossing.csv");
        Map<String, double[]> firstLast = new LinkedHashMap<>();
        for (int r = 0; r < p.size(); r++) {
            double[] e = firstLast.computeIfAbsent(p.text(r, "T") + "/" + p.text(r, "seed"), k -> new double[] {Double.NaN, 0});
            if (Double.isNaN(e[0])) {
                e[0] = p.number(r, "sum_of_squares");
            }
            e[1] = p.number(r, "sum_of_squares");
        }
        a.put("floss-prefloss-sumsq-first", Formats.fixed(median(firstLast.values().stream().map(e -> e[0]).toList()), 2));
        a.putAdoc("floss-prefloss-sumsq-last", Formats.adoc(median(firstLast.values().stream().map(e -> e[1]).toList()), 2));
    }

    private static int successes(CsvTable summary, String setup, int t) {
        for (int r = 0; r < summary.size(); r++) {
            if (summary.text(r, "setup").equals(setup) && (int) summary.number(r, "T") == t) {
                return (int) summary.number(r, "successes");
            }
        }
        throw new IllegalArgumentException("no summary row for " + setup + " at T = " + t);
    }

    private static int runsOf(CsvTable summary, String setup, int t) {
        for (int r = 0; r < summary.size(); r++) {
            if (summary.text(r, "setup").equals(setup) && (int) summary.number(r, "T") == t) {
                return (int) summary.number(r, "runs");
            }
        }
        throw new IllegalArgumentException("no summary row for " + setup + " at T = " + t);
    }

    private void verdicts(CsvTable summary, CsvTable runs, CsvTable profiles, List<Integer> lengths) {
        for (int t : lengths) {
            int fl = successes(summary, "flossing", t);
            int cl = successes(summary, "clipping", t);
            int n = runsOf(summary, "flossing", t);
            int m = runsOf(summary, "clipping", t);
            a.put("floss-verdict-t" + t, FlossingVerdict.verdict(fl, n, cl, m));
            a.put("floss-fisher-t" + t, Formats.fixed(FlossingVerdict.fisherOneSided(fl, n, cl, m), 2));
            boolean flatter = decay(profiles, "flossing", t) <= decay(profiles, "clipping", t) - 1;
            a.put("floss-decay-verdict-t" + t, flatter ? "holds" : "not supported");
        }
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < runs.size(); r++) {
            if (runs.text(r, "setup").equals("orthogonal") && (int) runs.number(r, "T") == 40) {
                best = Math.min(best, runs.number(r, "test_mse"));
            }
        }
        a.putAdoc("floss-orthogonal-t40-best-mse", Formats.adoc(best, 3));
    }

    private void variants() throws IOException {
        for (String v : new String[] {"phase-only", "k32"}) {
            String run = MAIN + "-" + v;
            CsvTable s = table(run, "summary.csv");
            a.put("floss-" + v + "-successes", (int) s.number(0, "successes") + " of " + (int) s.number(0, "runs"));
            a.putAdoc("floss-" + v + "-median-mse", Formats.adoc(s.number(0, "median_test_mse"), 3));
            int t = (int) s.number(0, "T");
            a.put("floss-" + v + "-lambda1-end", Formats.fixed(median(table(run, "runs.csv"), "flossing", t, "lambda1_end"), 3));
            a.put("floss-" + v + "-decay", Formats.fixed(decay(table(run, "profiles.csv"), "flossing", t), 1));
        }
        String run = MAIN + "-long";
        CsvTable s = table(run, "summary.csv");
        for (int r = 0; r < s.size(); r++) {
            String key = "floss-long-" + s.text(r, "setup");
            a.put(key + "-successes", (int) s.number(r, "successes") + " of " + (int) s.number(r, "runs"));
            a.putAdoc(key + "-median-mse", Formats.adoc(s.number(r, "median_test_mse"), 3));
        }
        a.put("floss-long-steps", RunManifest.option(data, run, "--iterations"));
        int t = (int) s.number(0, "T");
        a.put("floss-verdict-long", FlossingVerdict.verdict(successes(s, "flossing", t), runsOf(s, "flossing", t),
                successes(s, "clipping", t), runsOf(s, "clipping", t)));
    }

    /** One polyline per set-up with a gap between seeds: {x, y}. */
    private static double[][] perSeed(CsvTable t, String setup, int length, String x, String y) {
        List<double[]> pts = new ArrayList<>();
        String seed = null;
        for (int r = 0; r < t.size(); r++) {
            if (!t.text(r, "setup").equals(setup) || (int) t.number(r, "T") != length) {
                continue;
            }
            if (seed != null && !seed.equals(t.text(r, "seed"))) {
                pts.add(new double[] {pts.get(pts.size() - 1)[0], Double.NaN});
            }
            seed = t.text(r, "seed");
            pts.add(new double[] {t.number(r, x), t.number(r, y)});
        }
        return new double[][] {pts.stream().mapToDouble(p -> p[0]).toArray(), pts.stream().mapToDouble(p -> p[1]).toArray()};
    }

    private void figures(Figures f, List<Integer> lengths) throws IOException {
        CsvTable lyap = table(MAIN, "lyapunov.csv");
        CsvTable profiles = table(MAIN, "profiles.csv");
        List<Chart> lambda = new ArrayList<>();
        List<Chart> mse = new ArrayList<>();
        List<Chart> prof = new ArrayList<>();
        for (int t : lengths) {
            Chart l = new Chart("training step", "λ₁ (nats per step)").title("T = " + t);
            Chart m = new Chart("training step", "test MSE").title("T = " + t);
            Chart p = new Chart("time step t", "log₁₀ ‖∂L/∂hₜ‖").title("T = " + t);
            for (int s = 0; s < SETUPS.length; s++) {
                double[][] xl = perSeed(lyap, SETUPS[s], t, "step", "lambda_1");
                l.line(SETUPS[s], xl[0], xl[1], Style.solid(s).withWidth(0.8f));
                double[][] xm = perSeed(lyap, SETUPS[s], t, "step", "test_mse");
                m.line(SETUPS[s], xm[0], xm[1], Style.solid(s).withWidth(0.8f));
                p.line(SETUPS[s], steps(t), medianProfile(profiles, SETUPS[s], t), Style.solid(s));
            }
            l.horizontal("λ₁ = 0", 0, Style.dashed(Palette.BLACK));
            m.horizontal("baseline 1/6", 1.0 / 6, Style.dashed(Palette.BLACK))
             .horizontal("success 1/60", 1.0 / 60, Style.dashed(Palette.GREY));
            lambda.add(l);
            mse.add(m);
            prof.add(p);
        }
        String cmd = RunManifest.command(data, MAIN);
        f.grid(FlossingChapter.class, "flossing-lambda1", "Largest exponent during training per set-up", 2, 360, 420, lambda)
         .data("lyapunov.csv", RunManifest.href(MAIN, "lyapunov.csv")).reproduce(cmd);
        f.grid(FlossingChapter.class, "flossing-test-mse", "Test MSE during training per set-up", 2, 360, 420, mse)
         .data("lyapunov.csv", RunManifest.href(MAIN, "lyapunov.csv")).reproduce(cmd);
        f.grid(FlossingChapter.class, "flossing-profiles", "Final adjoint profiles per set-up", 2, 360, 420, prof)
         .data("profiles.csv", RunManifest.href(MAIN, "profiles.csv")).reproduce(cmd);
    }

    private static double[] steps(int t) {
        double[] x = new double[t];
        Arrays.setAll(x, i -> i + 1);
        return x;
    }

    /** Per t, the median over seeds of the final mean log10 adjoint norm. */
    static double[] medianProfile(CsvTable profiles, String setup, int t) {
        List<List<Double>> at = new ArrayList<>();
        for (int i = 0; i < t; i++) {
            at.add(new ArrayList<>());
        }
        for (int r = 0; r < profiles.size(); r++) {
            if (profiles.text(r, "setup").equals(setup) && (int) profiles.number(r, "T") == t) {
                at.get((int) profiles.number(r, "t") - 1).add(profiles.number(r, "mean_log10_adjoint_norm"));
            }
        }
        return at.stream().mapToDouble(FlossingChapter::median).toArray();
    }

    private static void require(boolean fact, String what) {
        if (!fact) {
            throw new IllegalStateException("flossing chapter: its text says " + what + ", which the recorded runs no longer show");
        }
    }

    /** The statements of the prose that depend on the data. */
    private void claims(CsvTable summary, CsvTable runs, CsvTable profiles, List<Integer> lengths) throws IOException {
        for (int r = 0; r < summary.size(); r++) {
            require(summary.number(r, "successes") == 0, "no run of the main experiment succeeds");
        }
        for (int r = 0; r < runs.size(); r++) {
            if (runs.text(r, "setup").equals("flossing")) {
                require(Math.abs(runs.number(r, "lambda1_end")) < 0.01, "every flossing run ends with |λ₁| < 0.01");
            }
        }
        int longest = lengths.get(lengths.size() - 1);
        require(decay(profiles, "flossing", longest) < 1, "flossing's profile is flat within a decade");
        require(decay(profiles, "clipping", longest) > 10, "clipping's profile loses more than ten decades");
        require(decay(profiles, "orthogonal", longest) < decay(profiles, "clipping", longest), "orthogonal decays less than clipping");
        CsvTable phase = table(MAIN + "-phase-only", "runs.csv");
        require(median(phase, "flossing", 40, "lambda1_end") < -0.05, "the phase-only runs end with λ₁ < −0.05");
        require(decay(table(MAIN + "-phase-only", "profiles.csv"), "flossing", 40) > 1, "the phase-only profile decays again");
        CsvTable lng = table(MAIN + "-long", "summary.csv");
        require(successes(lng, "orthogonal", 40) > successes(lng, "flossing", 40), "orthogonal succeeds more often in the long runs");
        CsvTable lngRuns = table(MAIN + "-long", "runs.csv");
        require(median(lngRuns, "orthogonal", 40, "lambda1_end") < 0, "orthogonal's λ₁ ends negative in the long runs");
        require(decay(table(MAIN + "-long", "profiles.csv"), "orthogonal", 40) > 1, "orthogonal's long profile decays by over a decade");
        double noneEnd = median(runs, "none", longest, "lambda1_end");
        double clipEnd = median(runs, "clipping", longest, "lambda1_end");
        a.put("floss-unflossed-end-t" + longest, Formats.fixed(Math.max(noneEnd, clipEnd), 3));
    }
}
