package org.rnngradients.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnngradients.analysis.cli.csv.CsvTable;
import org.rnngradients.analysis.plot.Chart;
import org.rnngradients.analysis.plot.Palette;
import org.rnngradients.analysis.plot.Style;

/**
 * The long-range part of the experiments chapter, generated from the recorded runs: the LSTM table against the
 * paper's, the success length of each cell, the diagnosis of the default LSTM on Hochreiter's form, the optimisers
 * on a vanilla RNN, and the Lyapunov spectrum during training. A part whose runs are not recorded yet says so in
 * one sentence and is otherwise left out.
 */
final class LongRangeSection {

    static final String LSTM = "long-lstm-";
    static final String DIAG = "diag-hochreiter-T100-";
    static final String OPTIMISER = "optimiser-rnn-tanh-";
    static final String SUCCESS = "success-";
    static final String[] SPECTRUM_DENSE = {"lyapunov-lstm-default-sum-T100", "lyapunov-lstm-chrono-sum-T100"};
    static final String[] SPECTRUM_FALLBACK = {"long-lstm-default-sum-T100-s1", "long-lstm-chrono-sum-T100-s1",
        "long-lstm-chrono-sum-T1000-s1"};
    /** Exponents drawn per panel of the training-spectrum figure (the leading ones). */
    static final int SHOWN_EXPONENTS = 6;

    private final LongRangeRuns runs;

    LongRangeSection(LongRangeRuns runs) {
        this.runs = runs;
    }

    /** Writes {@code experiments-long-range.adoc} under {@code gen}; adds figures and attributes. */
    void write(Path gen, Attributes a, Figures f) throws IOException {
        for (int b : new int[] {1, 3, 5}) {
            a.put("diag-memory-" + b, Formats.fixed(memorySteps(b), 0));
        }
        StringBuilder sb = new StringBuilder();
        lstmTable(sb, a);
        success(sb, f);
        diagnosis(sb, a);
        spectrum(sb, f);
        Files.writeString(gen.resolve("experiments-long-range.adoc"), sb.toString());
        Files.writeString(gen.resolve("experiments-optimisers.adoc"), optimisers(a));
    }

    /** The time scale 1/(1 − σ(b)) of a cell whose forget gate sits at σ(b). */
    static double memorySteps(double forgetBias) {
        return 1 / (1 - 1 / (1 + Math.exp(-forgetBias)));
    }

    private static String sequences(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n).replace(',', '\u2009');
    }

    private void lstmTable(StringBuilder sb, Attributes a) {
        List<LongRangeRuns.Run> rows = runs.runs(LSTM);
        if (rows.isEmpty()) {
            sb.append("No long-range LSTM run was recorded when this book was built.\n\n");
            a.put("long-budget", "none");
            return;
        }
        sb.append("[[table-long-range]]\n.LSTM (H = 32) on the adding problem until ST3 or the budget of ")
          .append(sequences(rows.get(0).budget())).append(" training sequences, one row per seed\n")
          .append("[cols=\"2,1,2,1,2,2,1,2,2\",options=\"header\"]\n|===\n")
          .append("| form | T | initialisation | seed | sequences used | stopped by | solved | test MSE | test sequences within 0.04\n");
        for (LongRangeRuns.Run r : rows) {
            sb.append("| ").append(r.form()).append(" | ").append(r.length()).append(" | ").append(r.initialisation())
              .append(" | ").append(r.seed()).append(" | ").append(sequences(r.sequences())).append(" | ")
              .append(r.solved() ? "ST3" : "budget").append(" | ").append(r.solved() ? "yes" : "no").append(" | ")
              .append(Formats.adoc(r.testMse(), 2)).append(" | ").append(Formats.fixed(100 * r.withinTolerance(), 1))
              .append(" %\n");
        }
        sb.append("|===\n\n");
        sb.append(dataLine(rows.stream().map(LongRangeRuns.Run::dir).distinct().toList()));
        a.put("long-budget", sequences(rows.get(0).budget()));
        a.put("long-runs", Integer.toString(rows.size()));
        a.put("long-solved", Long.toString(rows.stream().filter(LongRangeRuns.Run::solved).count()));
        for (String form : new String[] {"sum", "hochreiter"}) {
            List<LongRangeRuns.Run> t1000 = rows.stream()
                    .filter(r -> r.form().equals(form) && r.length() == 1000 && r.initialisation().equals("chrono")).toList();
            if (!t1000.isEmpty()) {
                a.put("long-" + form + "-t1000-min", sequences(t1000.stream().mapToLong(LongRangeRuns.Run::sequences).min().getAsLong()));
                a.put("long-" + form + "-t1000-max", sequences(t1000.stream().mapToLong(LongRangeRuns.Run::sequences).max().getAsLong()));
                a.put("long-" + form + "-t1000-solved", t1000.stream().filter(LongRangeRuns.Run::solved).count() + " of " + t1000.size());
            }
        }
    }

    /** "Recorded in …; reproduce: …" for a list of run directories (the first one's command stands for the pattern). */
    private String dataLine(List<String> dirs) {
        StringBuilder sb = new StringBuilder("[.figure-source]\nRecorded runs: ");
        for (int i = 0; i < dirs.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append("link:").append(RunManifest.href(dirs.get(i), "summary.csv"))
              .append("[`").append(dirs.get(i)).append("`]");
        }
        sb.append(". Reproduce the first: `").append(runs.command(dirs.get(0)))
          .append("`; `docs/src/data/reproduce.sh` lists every command.\n\n");
        return sb.toString();
    }

    private void success(StringBuilder sb, Figures f) {
        List<LongRangeRuns.Run> rows = runs.runs(SUCCESS);
        if (rows.isEmpty()) {
            sb.append("[[experiments-success-length]]\n=== The success length of each cell\n\n")
              .append("The runs that measure how far each cell gets on the sum form (`success-rnn-tanh-sum`, ")
              .append("`success-gru-sum`, `success-lstm-sum`) had not been recorded when this book was built.\n\n");
            return;
        }
        Map<String, List<LongRangeRuns.Run>> byCell = new LinkedHashMap<>();
        rows.forEach(r -> byCell.computeIfAbsent(r.cell(), k -> new ArrayList<>()).add(r));
        Chart chart = new Chart("log₁₀ T", "log₁₀ (test MSE / baseline)")
                .horizontal("solved: a tenth of the baseline", Math.log10(AddingResults.SOLVED), Style.dashed(Palette.BLACK))
                .horizontal("baseline", 0, Style.dashed(Palette.GREY));
        int colour = 0;
        StringBuilder lengths = new StringBuilder();
        for (var e : byCell.entrySet()) {
            List<LongRangeRuns.Run> c = e.getValue().stream().sorted(java.util.Comparator.comparingInt(LongRangeRuns.Run::length)).toList();
            chart.line(e.getKey(), c.stream().mapToDouble(r -> Math.log10(r.length())).toArray(),
                    c.stream().mapToDouble(r -> Math.log10(r.testOverBaseline())).toArray(), Style.solid(colour++).withMarkers());
            int longest = c.stream().filter(r -> r.testOverBaseline() < AddingResults.SOLVED).mapToInt(LongRangeRuns.Run::length).max().orElse(0);
            lengths.append(lengths.length() == 0 ? "" : "; ").append(e.getKey()).append(": ")
                   .append(longest == 0 ? "none" : "T = " + longest);
        }
        String dir = rows.get(0).dir();
        Figure fig = f.chart(LongRangeSection.class, "adding-success-length", "Test error against length per cell", chart)
                .data(dir + "/summary.csv", RunManifest.href(dir, "summary.csv")).reproduce(runs.command(dir));
        sb.append("[[experiments-success-length]]\n=== The success length of each cell\n\n")
          .append("Each cell with PyTorch's default initialisation, trained on the sum form at every length until ST3 or ")
          .append(sequences(rows.get(0).budget())).append(" sequences. The longest length whose test MSE ends below a ")
          .append("tenth of the baseline: ").append(lengths).append(".\n\n")
          .append("[[fig-adding-success-length]]\n.Final test MSE over the baseline against the length, per cell (log scales); ")
          .append("below the black line counts as solved.\n").append(fig.include()).append('\n');
    }

    private void diagnosis(StringBuilder sb, Attributes a) {
        List<LongRangeRuns.Run> rows = new ArrayList<>(runs.runs(DIAG));
        String defaultRun = "long-lstm-default-hochreiter-T100-s1";
        boolean haveDefault = runs.finished(defaultRun);
        sb.append("[[experiments-why-default-fails]]\n=== Why the default LSTM fails Hochreiter's form\n\n");
        if (rows.isEmpty()) {
            sb.append("The diagnostic runs (`diag-hochreiter-T100-*`) had not been recorded when this book was built.\n\n");
            return;
        }
        if (haveDefault) {
            rows.addAll(0, runs.read(defaultRun));
        }
        sb.append("One factor changed at a time from the default LSTM (forget-gate bias 1, Adam, learning rate 0.01, ")
          .append("batch 16) on Hochreiter's form at T = 100, with a budget of ")
          .append(sequences(rows.get(rows.size() - 1).budget())).append(" sequences")
          .append(haveDefault ? "" : " (the default itself, `" + defaultRun + "`, was not recorded yet)").append(".\n\n")
          .append("[cols=\"3,2,2,1,2,2\",options=\"header\"]\n|===\n")
          .append("| change from the default | sequences used | stopped by | solved | test MSE / baseline | within 0.04\n");
        for (LongRangeRuns.Run r : rows) {
            sb.append("| ").append(change(r)).append(" | ").append(sequences(r.sequences())).append(" | ")
              .append(r.solved() ? "ST3" : "budget").append(" | ").append(r.solved() ? "yes" : "no").append(" | ")
              .append(Formats.adoc(r.testOverBaseline(), 2)).append(" | ")
              .append(Formats.fixed(100 * r.withinTolerance(), 1)).append(" %\n");
        }
        sb.append("|===\n\n").append(dataLine(rows.stream().map(LongRangeRuns.Run::dir).distinct().toList()));
        sb.append("Met ST3 within the budget: ").append(list(rows, true)).append(". Not met: ").append(list(rows, false))
          .append(".\n\n");
        requireDiagnosis(rows);
        sb.append(MECHANISM).append("\n\n");
        a.put("diag-runs", Integer.toString(rows.size()));
        a.put("diag-solved", Long.toString(rows.stream().filter(LongRangeRuns.Run::solved).count()));
    }

    /** The explanation printed under the diagnosis table; {@link #requireDiagnosis} checks what it says. */
    static final String MECHANISM = "The diagnosis comes down to the gate biases. A forget-gate bias latexmath:[b_f] starts the cell with" +
            " latexmath:[f = \\sigma(b_f)], a memory that fades by a factor latexmath:[f] per step and so lasts " +
            "about latexmath:[1/(1 - f)] steps: {diag-memory-1} steps for the default latexmath:[b_f = 1], {diag-" +
            "memory-3} for 3, {diag-memory-5} for 5. Hochreiter's form places both markers early, in the first " +
            "ten steps and the first half of the sequence, so the cell has to carry them across most of the " +
            "latexmath:[T = 100] steps; with the default bias the gradient that would teach it to do so fades as " +
            "fast as the memory. A learning rate or an orthogonal recurrent matrix does not change that time " +
            "scale; a larger forget bias does, and a negative input-gate bias, which keeps the cell from " +
            "overwriting what it holds, helps it further.";

    /**
     * The facts {@link #MECHANISM} states, checked against every recorded diagnostic run: changing the learning rate
     * or initialising W_hh orthogonally does not solve the task, and some run with a forget bias of 3 or more does.
     */
    static void requireDiagnosis(List<LongRangeRuns.Run> rows) {
        boolean biasSolves = false;
        for (LongRangeRuns.Run r : rows) {
            String d = r.dir();
            if ((d.contains("-adam-lr") || d.endsWith("-orthogonal")) && r.solved()) {
                throw new IllegalStateException(d + " met ST3, but the diagnosis says the learning rate and orthogonal W_hh do not help");
            }
            biasSolves |= d.matches(".*-fb([3-9]|\\d\\d).*") && r.solved();
        }
        if (!biasSolves) {
            throw new IllegalStateException("no run with forget bias >= 3 met ST3, but the diagnosis says a larger forget bias helps");
        }
    }

    /** The changes of the runs that did ({@code solved}) or did not meet ST3, or "none". */
    private static String list(List<LongRangeRuns.Run> rows, boolean solved) {
        List<String> c = rows.stream().filter(r -> r.solved() == solved).map(LongRangeSection::change).toList();
        return c.isEmpty() ? "none" : String.join("; ", c);
    }

    /** The factor a diagnostic run changes, from its directory name. */
    static String change(LongRangeRuns.Run r) {
        String name = r.dir();
        if (!name.startsWith(DIAG)) {
            return "none (the default)";
        }
        String s = name.substring(DIAG.length());
        List<String> parts = new ArrayList<>();
        java.util.regex.Matcher fb = java.util.regex.Pattern.compile("fb(\\d+)").matcher(s);
        if (fb.find()) {
            parts.add("forget bias " + fb.group(1));
        }
        if (s.contains("ib3")) {
            parts.add("input bias −3");
        }
        if (s.contains("orthogonal")) {
            parts.add("orthogonal W~hh~");
        }
        java.util.regex.Matcher lr = java.util.regex.Pattern.compile("(adam|sgd)-lr([0-9.]+)").matcher(s);
        if (lr.find()) {
            parts.add((lr.group(1).equals("sgd") ? "SGD" : "Adam") + ", learning rate " + lr.group(2));
        }
        if (s.endsWith("-b1")) {
            parts.add("batch 1");
        }
        return parts.isEmpty() ? s : String.join(", ", parts);
    }

    private String optimisers(Attributes a) {
        List<LongRangeRuns.Run> rows = runs.runs(OPTIMISER);
        if (rows.isEmpty()) {
            return "The optimiser runs (`optimiser-rnn-tanh-*`) had not been recorded when this book was built.\n\n";
        }
        List<Integer> lengths = rows.stream().map(LongRangeRuns.Run::length).distinct().sorted().toList();
        StringBuilder sb = new StringBuilder("[[table-optimisers]]\n.Vanilla tanh RNN (H = 32, PyTorch default) on the sum form: ")
                .append("test MSE / baseline after ST3 or ").append(sequences(rows.get(0).budget())).append(" sequences\n")
                .append("[%autowidth,options=\"header\"]\n|===\n| optimiser");
        lengths.forEach(t -> sb.append(" | T = ").append(t));
        sb.append('\n');
        for (String dir : rows.stream().map(LongRangeRuns.Run::dir).distinct().toList()) {
            LongRangeRuns.Run first = rows.stream().filter(r -> r.dir().equals(dir)).findFirst().orElseThrow();
            sb.append("| ").append(first.optimiser().equals("sgd") ? "SGD" : "Adam").append(", learning rate ")
              .append(first.learningRate())
              .append(Double.isFinite(first.momentum()) && first.momentum() > 0 ? ", momentum " + first.momentum() : "");
            for (int t : lengths) {
                sb.append(" | ").append(rows.stream().filter(r -> r.dir().equals(dir) && r.length() == t)
                        .map(r -> Formats.adoc(r.testOverBaseline(), 2) + (r.solved() ? " (ST3)" : "")).findFirst().orElse("–"));
            }
            sb.append('\n');
        }
        sb.append("|===\n\n").append(dataLine(rows.stream().map(LongRangeRuns.Run::dir).distinct().toList()));
        a.put("optimiser-runs", Long.toString(rows.stream().map(LongRangeRuns.Run::dir).distinct().count()));
        return sb.toString();
    }

    private void spectrum(StringBuilder sb, Figures f) {
        List<String> dirs = new ArrayList<>();
        for (String d : SPECTRUM_DENSE) {
            if (runs.finished(d)) {
                dirs.add(d);
            }
        }
        if (dirs.isEmpty()) {
            for (String d : SPECTRUM_FALLBACK) {
                if (runs.finished(d)) {
                    dirs.add(d);
                }
            }
        }
        sb.append("[[experiments-spectrum-during-training]]\n=== The Lyapunov spectrum during training\n\n");
        if (dirs.isEmpty()) {
            sb.append("No run with a recorded spectrum was there when this book was built.\n\n");
            return;
        }
        List<Chart> panels = new ArrayList<>();
        for (String d : dirs) {
            panels.add(spectrumPanel(d));
        }
        Figure fig = f.grid(LongRangeSection.class, "adding-spectrum-during-training",
                "Lyapunov exponents of the LSTM during training", Math.min(3, panels.size()), 300, 300, panels)
                .data(dirs.get(0) + "/lyapunov.csv", RunManifest.href(dirs.get(0), "lyapunov.csv"))
                .reproduce(runs.command(dirs.get(0)));
        sb.append("While it trains, each run measures the Lyapunov spectrum of the whole cell state latexmath:[(h, c)] ")
          .append("driven by held-out task sequences (the QR method of <<lyapunov>>, one spectrum per sequence, averaged). ")
          .append("The panels show the ").append(SHOWN_EXPONENTS).append(" leading exponents against the number of ")
          .append("training sequences seen, for ").append(String.join(", ", dirs.stream().map(d -> "`" + d + "`").toList()))
          .append(".\n\n[[fig-adding-spectrum-during-training]]\n.The leading Lyapunov exponents (nats per step) of ")
          .append("the LSTM's state during training on the adding problem, one panel per run (λ₁ on top; the panels have their own scales).\n")
          .append(fig.include()).append('\n');
    }

    private Chart spectrumPanel(String dir) {
        Map<Integer, List<double[]>> byIndex = new LinkedHashMap<>();
        try {
            CsvTable t = CsvTable.read(runs.data().resolve(dir).resolve("lyapunov.csv"));
            for (int r = 0; r < t.size(); r++) {
                int i = (int) t.number(r, "index");
                if (i <= SHOWN_EXPONENTS) {
                    byIndex.computeIfAbsent(i, k -> new ArrayList<>())
                           .add(new double[] {t.number(r, "sequences") / 1000, t.number(r, "exponent_mean")});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Chart chart = new Chart("training sequences (thousands)", "λᵢ").title(dir.replace("lyapunov-", "").replace("long-", ""))
                .noLegend();
        byIndex.forEach((i, pts) -> chart.line("λ" + i, pts.stream().mapToDouble(p -> p[0]).toArray(),
                pts.stream().mapToDouble(p -> p[1]).toArray(), Style.solid((i - 1) % (Palette.size() - 1))));
        return chart.horizontal("λ = 0", 0, Style.dashed(Palette.BLACK));
    }
}
