package org.rnngradients.analysis.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rnngradients.analysis.cli.csv.CsvWriter;
import org.rnngradients.bptt.floss.FlossingExperiment.Outcome;
import org.rnngradients.bptt.floss.FlossingExperiment.Sample;
import org.rnngradients.bptt.floss.FlossingPhase;
import org.rnngradients.bptt.tasks.AddingProblem;

/** The CSV tables and headline numbers of the {@code floss} command, from its runs in order. */
final class FlossTables {
    private FlossTables() {
    }

    /**
     * One row per run; λ_1 on the held-out stream at initialisation (before any flossing phase), at the start of
     * training and at the end. {@code seconds} is the wall time of the flossing phase and training, evaluations included.
     */
    static StringBuilder runs(List<Outcome> outcomes) {
        StringBuilder text = new StringBuilder();
        CsvWriter t = new CsvWriter(text, List.of("setup", "T", "seed", "seconds", "test_mse", "test_over_baseline", "success",
                "clip_events", "lambda1_init", "lambda1_train_start", "lambda1_end"));
        for (Outcome o : outcomes) {
            List<Sample> s = o.samples();
            double atStart = s.stream().filter(x -> x.step() == 0).findFirst().orElseThrow().exponents()[0];
            t.row(o.setup().cliName(), o.length(), o.seed(), o.seconds(), o.testMse(),
                    o.testMse() / AddingProblem.SUM_FORM_BASELINE_MSE, o.success() ? 1 : 0, o.clipEvents(),
                    s.get(0).exponents()[0], atStart, s.get(s.size() - 1).exponents()[0]);
        }
        return text;
    }

    /** Per set-up and length: runs, successes, their rate, the median test MSE and the mean time. */
    static StringBuilder summary(List<Outcome> outcomes) {
        StringBuilder text = new StringBuilder();
        CsvWriter t = new CsvWriter(text, List.of("setup", "T", "runs", "successes", "success_rate", "median_test_mse",
                "mean_seconds"));
        for (List<Outcome> group : groups(outcomes)) {
            Outcome first = group.get(0);
            long wins = group.stream().filter(Outcome::success).count();
            double seconds = group.stream().mapToDouble(Outcome::seconds).sum() / group.size();
            t.row(first.setup().cliName(), first.length(), group.size(), (int) wins, (double) wins / group.size(),
                    median(group.stream().mapToDouble(Outcome::testMse).toArray()), seconds);
        }
        return text;
    }

    /** Every recorded sample: step, test MSE and λ_1..λ_k on the held-out stream. */
    static StringBuilder lyapunov(List<Outcome> outcomes, int k) {
        List<String> header = new ArrayList<>(List.of("setup", "T", "seed", "step", "test_mse"));
        for (int i = 1; i <= k; i++) {
            header.add("lambda_" + i);
        }
        StringBuilder text = new StringBuilder();
        CsvWriter t = new CsvWriter(text, header);
        for (Outcome o : outcomes) {
            for (Sample s : o.samples()) {
                Object[] row = new Object[5 + k];
                row[0] = o.setup().cliName();
                row[1] = o.length();
                row[2] = o.seed();
                row[3] = s.step();
                row[4] = s.testMse();
                for (int i = 0; i < k; i++) {
                    row[5 + i] = s.exponents()[i];
                }
                t.row(row);
            }
        }
        return text;
    }

    /** The final adjoint profiles: mean log₁₀‖∂L/∂h_t‖ for t = 1..T. */
    static StringBuilder profiles(List<Outcome> outcomes) {
        StringBuilder text = new StringBuilder();
        CsvWriter t = new CsvWriter(text, List.of("setup", "T", "seed", "t", "mean_log10_adjoint_norm"));
        for (Outcome o : outcomes) {
            for (int s = 0; s < o.profile().length; s++) {
                t.row(o.setup().cliName(), o.length(), o.seed(), s + 1, o.profile()[s]);
            }
        }
        return text;
    }

    /** The flossing phases: Σλ² and λ_1 on each phase step's own input stream. */
    static StringBuilder preflossing(List<Outcome> outcomes) {
        StringBuilder text = new StringBuilder();
        CsvWriter t = new CsvWriter(text, List.of("T", "seed", "step", "sum_of_squares", "lambda_1"));
        for (Outcome o : outcomes) {
            for (FlossingPhase.Step s : o.preflossing()) {
                t.row(o.length(), o.seed(), s.step(), s.sumOfSquares(), s.largestExponent());
            }
        }
        return text;
    }

    /** floss.&lt;setup&gt;.T&lt;T&gt;.successes and .medianTestMse for the manifest. */
    static Map<String, Object> headline(List<Outcome> outcomes) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (List<Outcome> group : groups(outcomes)) {
            String key = "floss." + group.get(0).setup().cliName() + ".T" + group.get(0).length();
            m.put(key + ".successes", group.stream().filter(Outcome::success).count() + " of " + group.size());
            m.put(key + ".medianTestMse", median(group.stream().mapToDouble(Outcome::testMse).toArray()));
        }
        return m;
    }

    /** The outcomes grouped by (set-up, length), groups in order of first appearance. */
    static List<List<Outcome>> groups(List<Outcome> outcomes) {
        Map<String, List<Outcome>> groups = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            groups.computeIfAbsent(o.setup().cliName() + "/" + o.length(), g -> new ArrayList<>()).add(o);
        }
        return new ArrayList<>(groups.values());
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
