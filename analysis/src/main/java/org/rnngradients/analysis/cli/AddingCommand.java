package org.rnngradients.analysis.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rnngradients.analysis.cli.csv.CsvWriter;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.tasks.AddingProblem;
import org.rnngradients.cells.CellKind;
import org.rnngradients.linalg.RandomSource;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code adding}: train a cell on the adding problem at one or more lengths T and compare it with the baseline. */
@Command(name = "adding", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Adding problem: for each length T of --steps, train a fresh cell and linear readout (Adam or"
                + " SGD, global-norm clipping, full BPTT) for --iterations steps or a --budget of training sequences,"
                + " evaluate on held-out sequences every --eval-every steps, and stop early once the test MSE falls"
                + " below --target, or by Hochreiter and Schmidhuber's rule (--stop-window: the most recent training"
                + " sequences all within 0.04 and their MSE below --stop-mse). The readout bias starts at the baseline"
                + " prediction (1 for the sum form, 0.5 for Hochreiter and Schmidhuber's form).",
            "Writes summary.csv (one row per T: test MSE against the baseline, fraction within 0.04, sequences used,"
                + " how the run stopped), curves.csv (every --curve-every steps: batch MSE, gradient norm, clipping"
                + " action, the recent training sequences' MSE and fraction correct; the test MSE at evaluations) and"
                + " manifest.json; with --diagnostics-every also lyapunov.csv (the cell's Lyapunov spectrum on task"
                + " sequences during training), signal.csv (how much the gradient depends on the earliest marked value)"
                + " and profiles.csv (adjoint norms ‖∂L/∂h_t‖ at initialisation and at the end)."})
final class AddingCommand extends ExperimentCommand<List<AddingProblem>> {
    private static final List<String> SUMMARY = List.of("cell", "init", "form", "T", "hidden", "forget_bias", "max_steps",
            "steps", "batch", "learning_rate", "clip_theta", "seed", "target_test_mse", "seconds", "train_mse_last100",
            "test_mse", "best_test_mse", "baseline_mse", "baseline", "test_over_baseline", "fraction_within_0.04",
            "optimiser", "momentum", "input_bias", "chrono_max", "budget_sequences", "sequences", "stop_window",
            "stop_mse", "stopped_by", "solved", "test_size", "test_wrong", "recent_mse", "recent_fraction_within_0.04");
    private static final List<String> CURVE = List.of("cell", "T", "step", "train_mse", "gradient_norm", "clip_action",
            "test_mse", "sequences", "recent_mse", "recent_fraction_within_0.04");

    @Option(names = "--cell", defaultValue = "rnn-tanh", converter = CellKindConverter.class,
            completionCandidates = CellKindConverter.Names.class, paramLabel = "KIND", description = "Cell: ${COMPLETION-CANDIDATES}.")
    CellKind cell;

    @Option(names = "--init", defaultValue = "pytorch", paramLabel = "SCHEME",
            description = "Cell weights: ${COMPLETION-CANDIDATES} (pytorch: U[±1/√H] everywhere; orthogonal: W_hh"
                    + " Haar-orthogonal times --gain, W_ih Xavier, biases zero).")
    ExperimentModels.Init init;

    @Option(names = "--gain", defaultValue = "1.0", paramLabel = "G", description = "Gain of the orthogonal W_hh.")
    double gain;

    @Option(names = "--forget-bias", defaultValue = "1.0", paramLabel = "B", description = "LSTM forget-gate bias.")
    double forgetBias;

    @Option(names = "--input-bias", paramLabel = "B",
            description = "LSTM input-gate bias (default: as drawn); Hochreiter and Schmidhuber start input gates"
                    + " closed (-3, -6) against state drift.")
    Double inputBias;

    @Option(names = "--chrono", defaultValue = "0", paramLabel = "TMAX",
            description = "Chrono initialisation (Tallec and Ollivier 2018), 0 = off: memory-gate biases ln U[1, TMAX-1]"
                    + " (LSTM: forget gate, input gate the negative; GRU: update gate). Replaces --forget-bias.")
    double chronoMax;

    @Option(names = "--hidden", defaultValue = "32", paramLabel = "H", description = "Hidden size H.")
    int hidden;

    @Option(names = "--steps", split = ",", defaultValue = "100", paramLabel = "T",
            description = "Sequence lengths T, comma-separated: one training run per length.")
    List<Integer> lengths;

    @Option(names = "--adding-form", defaultValue = "sum", paramLabel = "FORM",
            description = "Form of the adding problem: ${COMPLETION-CANDIDATES}.")
    TaskOptions.AddingForm form;

    @Option(names = "--iterations", defaultValue = "3000", paramLabel = "N", description = "Optimiser steps per length.")
    long iterations;

    @Option(names = "--budget", defaultValue = "0", paramLabel = "SEQUENCES",
            description = "Training sequences per length, 0 = use --iterations: the run takes ⌈SEQUENCES / --batch⌉"
                    + " steps at most (not together with --iterations).")
    long budget;

    @Option(names = "--batch", defaultValue = "16", paramLabel = "B", description = "Sequences per step.")
    int batch;

    @Option(names = "--optimiser", defaultValue = "adam", paramLabel = "NAME",
            description = "Optimiser: ${COMPLETION-CANDIDATES}.")
    OptimiserKind optimiser;

    @Option(names = "--lr", defaultValue = "0.01", paramLabel = "RATE", description = "Learning rate.")
    double learningRate;

    @Option(names = "--momentum", defaultValue = "0", paramLabel = "MU", description = "SGD momentum in [0, 1).")
    double momentum;

    @Option(names = "--clip", defaultValue = "1.0", paramLabel = "THETA",
            description = "Global-norm clipping threshold (0 = no clipping); a non-finite gradient stops the run.")
    double clip;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Seed of the weights, batches and test set.")
    long seed;

    @Option(names = "--target", defaultValue = "0", paramLabel = "MSE",
            description = "Stop at the first evaluation whose test MSE is below MSE (0 = no target).")
    double target;

    @Option(names = "--stop-window", defaultValue = "0", paramLabel = "W",
            description = "Hochreiter and Schmidhuber's rule ST3 (0 = off; they use 2000): stop once the W most recent"
                    + " training sequences, each scored before the update it joined, all have |error| < 0.04 and"
                    + " their MSE is below --stop-mse.")
    int stopWindow;

    @Option(names = "--stop-mse", defaultValue = "0.01", paramLabel = "BETA", description = "The MSE bound of --stop-window.")
    double stopMse;

    @Option(names = "--eval-every", defaultValue = "250", paramLabel = "N", description = "Steps between test evaluations.")
    int evalEvery;

    @Option(names = "--curve-every", defaultValue = "10", paramLabel = "N", description = "Steps between curve rows.")
    int curveEvery;

    @Option(names = "--test-size", defaultValue = "1000", paramLabel = "N", description = "Held-out test sequences.")
    int testSize;

    @Option(names = "--diagnostics-every", defaultValue = "0", paramLabel = "N",
            description = "Steps between diagnostics (0 = none): Lyapunov spectrum, gradient signal; also at step 0"
                    + " and at the end, with the adjoint profiles.")
    int diagnosticsEvery;

    @Option(names = "--diagnostic-sequences", defaultValue = "4", paramLabel = "K",
            description = "Task sequences the diagnostics run on (fixed for the run).")
    int diagnosticSequences;

    @Option(names = "--lyapunov-exponents", defaultValue = "0", paramLabel = "K",
            description = "Lyapunov exponents per diagnostic (0 = the full state: 2H for an LSTM, H otherwise).")
    int lyapunovExponents;

    @Override
    long seed() {
        return seed;
    }

    /** The largest number of steps of a run: --iterations, or ⌈--budget / --batch⌉. */
    long maxSteps() {
        return budget > 0 ? (budget + batch - 1) / batch : iterations;
    }

    @Override
    List<AddingProblem> prepare() {
        var cl = spec.commandLine();
        OptionChecks.positive(cl, hidden, "--hidden");
        OptionChecks.positive(cl, gain, "--gain");
        OptionChecks.positive(cl, iterations, "--iterations");
        OptionChecks.nonNegative(cl, budget, "--budget");
        OptionChecks.positive(cl, batch, "--batch");
        OptionChecks.positive(cl, learningRate, "--lr");
        OptionChecks.nonNegative(cl, clip, "--clip");
        OptionChecks.nonNegative(cl, target, "--target");
        OptionChecks.nonNegative(cl, stopWindow, "--stop-window");
        OptionChecks.positive(cl, stopMse, "--stop-mse");
        OptionChecks.positive(cl, evalEvery, "--eval-every");
        OptionChecks.positive(cl, curveEvery, "--curve-every");
        OptionChecks.positive(cl, testSize, "--test-size");
        OptionChecks.nonNegative(cl, diagnosticsEvery, "--diagnostics-every");
        OptionChecks.positive(cl, diagnosticSequences, "--diagnostic-sequences");
        OptionChecks.nonNegative(cl, lyapunovExponents, "--lyapunov-exponents");
        checkCombinations();
        List<AddingProblem> tasks = new ArrayList<>();
        for (int length : lengths) {
            tasks.add(task(length));
        }
        ResourceLimits.training(cl, cell, 2, hidden, tasks.stream().mapToInt(AddingProblem::length).max().orElse(1),
                batch, testSize);
        return tasks;
    }

    /** The options that only make sense together (or apart). */
    private void checkCombinations() {
        var cl = spec.commandLine();
        boolean given = cl.getParseResult() != null && cl.getParseResult().hasMatchedOption("--iterations");
        require(budget == 0 || !given, "--budget and --iterations exclude each other: give one");
        require(momentum >= 0 && momentum < 1, "--momentum must be in [0, 1), was " + momentum);
        require(momentum == 0 || optimiser == OptimiserKind.sgd, "--momentum needs --optimiser sgd");
        require(chronoMax == 0 || chronoMax > 2 && Double.isFinite(chronoMax),
                "--chrono must be 0 (off) or finite and > 2, was " + chronoMax);
        require(chronoMax == 0 || cell == CellKind.LSTM || cell == CellKind.GRU, "--chrono needs --cell lstm or gru");
        require(chronoMax == 0 || cl.getParseResult() == null || !cl.getParseResult().hasMatchedOption("--forget-bias"),
                "--chrono sets the forget-gate bias: it excludes --forget-bias");
        require(inputBias == null || cell == CellKind.LSTM, "--input-bias needs --cell lstm");
        require(inputBias == null || Double.isFinite(inputBias), "--input-bias must be finite, was " + inputBias);
        int state = cell == CellKind.LSTM ? 2 * hidden : hidden;
        require(lyapunovExponents <= state, "--lyapunov-exponents must be <= the state size " + state + ", was "
                + lyapunovExponents);
    }

    private void require(boolean holds, String message) {
        if (!holds) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }

    private AddingProblem task(int length) {
        try {
            return form == TaskOptions.AddingForm.sum ? AddingProblem.sumForm(length) : AddingProblem.hochreiter(length);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--steps " + length + ": " + e.getMessage());
        }
    }

    @Override
    Map<String, Object> execute(List<AddingProblem> tasks, Path out) throws IOException {
        Map<String, Object> results = new LinkedHashMap<>();
        Progress progress = progress("adding", maxSteps() * tasks.size());
        try (CsvWriter summary = CsvWriter.create(out.resolve("summary.csv"), SUMMARY);
             CsvWriter curve = CsvWriter.create(out.resolve("curves.csv"), CURVE);
             DiagnosticFiles files = diagnosticsEvery > 0 ? DiagnosticFiles.open(out) : null) {
            for (AddingProblem task : tasks) {
                AddingRun.Outcome o = new AddingRun(this, task, curve, diagnostics(task, files))
                        .train(model(task), () -> progress.advance(1));
                summaryRow(summary, task, o);
                results.put("adding.T" + task.length() + ".testOverBaseline", o.testMse() / o.baselineMse());
                results.put("adding.T" + task.length() + ".sequences", o.sequences());
                results.put("adding.T" + task.length() + ".stoppedBy", o.stoppedBy().name());
            }
        }
        progress.finish();
        return results;
    }

    private void summaryRow(CsvWriter summary, AddingProblem task, AddingRun.Outcome o) {
        boolean rule = stopWindow > 0 || target > 0;
        summary.row(cell.cliName(), init.name(), form.name(), task.length(), hidden,
                cell == CellKind.LSTM && chronoMax == 0 ? (Object) forgetBias : "", maxSteps(), o.steps(), batch,
                learningRate, clip, seed, target, o.seconds(), o.trainMse(), o.testMse(), o.bestTestMse(),
                o.baselineMse(), o.baseline(), o.testMse() / o.baselineMse(), o.fractionCorrect(), optimiser.name(),
                momentum, inputBias == null ? "" : (Object) inputBias, chronoMax == 0 ? "" : (Object) chronoMax,
                budget, o.sequences(), stopWindow, stopWindow > 0 ? (Object) stopMse : "", o.stoppedBy().name(),
                rule ? (Object) (o.stoppedBy() != AddingRun.Stop.budget) : "", testSize, o.testWrong(), o.recentMse(),
                o.recentFractionCorrect());
    }

    /** A fresh model for {@code task}, with the gate biases of the options. */
    private RnnModel model(AddingProblem task) {
        boolean sum = task.form() == AddingProblem.Form.SUM;
        RnnModel model = ExperimentModels.create(cell, init, gain, 2, hidden, 1, task.loss(), forgetBias,
                sum ? 1.0 : 0.5, seed);
        ExperimentModels.applyGateBiases(model.cell(),
                new ExperimentModels.GateBiases(inputBias == null ? Double.NaN : inputBias, chronoMax), seed);
        return model;
    }

    /** The diagnostics of a run on {@code task}, or null when they are off. */
    private AddingRun.Diagnostics diagnostics(AddingProblem task, DiagnosticFiles files) {
        if (files == null) {
            return null;
        }
        RandomSource random = RandomSource.seeded(seed);
        var sequences = task.batch(diagnosticSequences, random.fork("diagnostics"));
        RandomSource values = random.fork("diagnostic-values");
        boolean sum = task.form() == AddingProblem.Form.SUM;
        int state = cell == CellKind.LSTM ? 2 * hidden : hidden;
        return new AddingRun.Diagnostics(
                new TrainingSpectra(cell.cliName(), task.length(), sequences,
                        lyapunovExponents == 0 ? state : lyapunovExponents, files.lyapunov()),
                new GradientSignal(cell.cliName(), task.length(), sequences,
                        () -> sum ? values.uniform() : values.uniform(-1, 1), files.signal(), files.profiles()),
                diagnosticsEvery);
    }

    /** The three diagnostic tables, closed together. */
    record DiagnosticFiles(CsvWriter lyapunov, CsvWriter signal, CsvWriter profiles) implements AutoCloseable {
        static DiagnosticFiles open(Path out) throws IOException {
            return new DiagnosticFiles(CsvWriter.create(out.resolve("lyapunov.csv"), TrainingSpectra.HEADER),
                    CsvWriter.create(out.resolve("signal.csv"), GradientSignal.HEADER),
                    CsvWriter.create(out.resolve("profiles.csv"), GradientSignal.PROFILE_HEADER));
        }

        @Override
        public void close() throws IOException {
            try (lyapunov; signal; profiles) {
                // closes all three, the first failure thrown with the others suppressed
            }
        }
    }

    /** The mean of the last min(filled, ring length) losses, kept in a ring indexed by step. */
    static double meanOfRing(double[] ring, long filled) {
        double s = 0;
        for (double v : ring) {
            s += v;
        }
        return s / Math.min(filled, ring.length);
    }
}
