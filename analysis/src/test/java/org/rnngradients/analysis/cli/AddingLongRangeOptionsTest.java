package org.rnngradients.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rnngradients.analysis.cli.csv.CsvTable;
import org.rnngradients.bptt.FullBptt;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.clip.GradientClipper;
import org.rnngradients.bptt.clip.NonFinitePolicy;
import org.rnngradients.bptt.optim.Sgd;
import org.rnngradients.bptt.tasks.AddingProblem;
import org.rnngradients.bptt.train.Trainer;
import org.rnngradients.bptt.train.TrainingConfig;
import org.rnngradients.bptt.train.TrainingResult;
import org.rnngradients.cells.CellKind;

/**
 * The adding command's long-range options: a budget in sequences, SGD, Hochreiter and Schmidhuber's stopping rule,
 * gate biases, and the diagnostics (Lyapunov spectra, gradient signal, profiles), which observe a run without
 * changing it.
 */
class AddingLongRangeOptionsTest {

    @TempDir
    Path tmp;

    private Path run(String name, String... args) {
        Path out = tmp.resolve(name);
        List<String> all = new ArrayList<>(List.of("adding"));
        all.addAll(List.of(args));
        all.addAll(List.of("--quiet", "--out", out.toString()));
        CliRun run = CliRun.of(all.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        return out;
    }

    private static CsvTable table(Path dir, String file) throws IOException {
        return CsvTable.read(dir.resolve(file));
    }

    @Test
    void aBudgetOfSequencesBecomesCeilingOfBudgetOverBatchStepsOfTheChosenOptimiser() throws IOException {
        Path out = run("sgd", "--cell", "rnn-tanh", "--hidden", "3", "--steps", "6", "--budget", "50", "--batch", "8",
                "--optimiser", "sgd", "--momentum", "0.9", "--lr", "0.05", "--test-size", "5", "--curve-every", "1");
        CsvTable s = table(out, "summary.csv");
        assertEquals("7", s.text(0, "max_steps"), "⌈50 / 8⌉");
        assertEquals("7", s.text(0, "steps"));
        assertEquals("56", s.text(0, "sequences"));
        assertEquals("budget", s.text(0, "stopped_by"));
        assertEquals("", s.text(0, "solved"), "no stopping rule, no verdict");
        assertEquals("sgd", s.text(0, "optimiser"));
        RnnModel model = ExperimentModels.create(CellKind.RNN_TANH, ExperimentModels.Init.pytorch, 1, 2, 3, 1,
                AddingProblem.sumForm(6).loss(), 1, 1, 1);
        TrainingResult direct = Trainer.train(model, AddingProblem.sumForm(6), new TrainingConfig(7, 8, 1,
                new FullBptt(), new Sgd(0.05, 0.9), GradientClipper.globalNorm(1, NonFinitePolicy.THROW)), p -> true);
        CsvTable curve = table(out, "curves.csv");
        for (int r = 0; r < curve.size(); r++) {
            assertEquals(Double.toString(direct.history().get(r).loss()), curve.text(r, "train_mse"), "step " + (r + 1));
            assertEquals(Long.toString(8L * (r + 1)), curve.text(r, "sequences"));
        }
    }

    @Test
    void hochreitersRuleStopsOnceTheWindowOfRecentSequencesIsAllCorrect() throws IOException {
        // a window of one sequence and a loose MSE bound: the first training sequence within 0.04 ends the run
        Path out = run("st3", "--cell", "lstm", "--hidden", "3", "--steps", "4", "--budget", "4000", "--batch", "1",
                "--stop-window", "1", "--stop-mse", "1", "--test-size", "5", "--curve-every", "1000");
        CsvTable s = table(out, "summary.csv");
        assertEquals("st3", s.text(0, "stopped_by"));
        assertEquals("true", s.text(0, "solved"));
        assertTrue(s.number(0, "steps") < 4000);
        assertEquals(1.0, s.number(0, "recent_fraction_within_0.04"));
        CsvTable curve = table(out, "curves.csv");
        assertEquals(s.text(0, "steps"), curve.text(curve.size() - 1, "step"), "the stopping step has a curve row");
        assertTrue(curve.number(curve.size() - 1, "recent_mse") < 0.04 * 0.04);
    }

    @Test
    void diagnosticsObserveTheRunWithoutChangingIt() throws IOException {
        String[] base = {"--cell", "lstm", "--hidden", "3", "--steps", "12", "--adding-form", "hochreiter",
            "--iterations", "6", "--chrono", "12", "--input-bias", "-2", "--test-size", "4", "--curve-every", "1"};
        Path plain = run("plain", base);
        List<String> args = new ArrayList<>(List.of(base));
        args.addAll(List.of("--diagnostics-every", "4", "--diagnostic-sequences", "2", "--lyapunov-exponents", "5"));
        Path observed = run("observed", args.toArray(String[]::new));
        assertEquals(Files.readString(plain.resolve("curves.csv")), Files.readString(observed.resolve("curves.csv")));
        assertFalse(Files.exists(plain.resolve("lyapunov.csv")));
        CsvTable lyapunov = table(observed, "lyapunov.csv");
        assertEquals(3 * 5, lyapunov.size(), "steps 0, 4 and the end (6), five exponents each");
        for (int r = 0; r < lyapunov.size(); r++) {
            assertTrue(lyapunov.number(r, "exponent_min") <= lyapunov.number(r, "exponent_mean"));
            assertTrue(lyapunov.number(r, "exponent_mean") <= lyapunov.number(r, "exponent_max"));
            double gate = lyapunov.number(r, "mean_memory_gate");
            assertTrue(gate > 0 && gate < 1);
        }
        for (int r = 1; r < 5; r++) {
            assertTrue(lyapunov.number(r, "exponent_mean") <= lyapunov.number(r - 1, "exponent_mean") + 1e-12,
                    "exponents in descending order");
        }
        CsvTable signal = table(observed, "signal.csv");
        assertEquals(List.of("0", "4", "6"), List.of(signal.text(0, "step"), signal.text(1, "step"), signal.text(2, "step")));
        CsvTable profiles = table(observed, "profiles.csv");
        assertEquals("0", profiles.text(0, "step"));
        assertEquals("6", profiles.text(profiles.size() - 1, "step"));
        assertEquals(0, profiles.size() % 2, "the same rows at initialisation and at the end");
        CsvTable s = table(observed, "summary.csv");
        assertEquals("", s.text(0, "forget_bias"), "chrono replaces the forget bias");
        assertEquals("12.0", s.text(0, "chrono_max"));
        assertEquals("-2.0", s.text(0, "input_bias"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--budget 10 --iterations 5|--budget and --iterations exclude each other",
        "--momentum 0.5|--momentum needs --optimiser sgd",
        "--optimiser sgd --momentum 1|--momentum must be in [0, 1)",
        "--chrono 50|--chrono needs --cell lstm or gru",
        "--cell lstm --chrono 2|--chrono must be 0 (off) or finite and > 2",
        "--cell lstm --chrono 50 --forget-bias 2|it excludes --forget-bias",
        "--cell gru --input-bias -3|--input-bias needs --cell lstm",
        "--cell lstm --hidden 4 --lyapunov-exponents 9|--lyapunov-exponents must be <= the state size 8",
        "--stop-window -1|--stop-window must be >= 0",
        "--budget -5|--budget must be >= 0"})
    void inconsistentLongRangeOptionsAreOneLineErrorsNamingTheOption(String options, String message) {
        List<String> args = new ArrayList<>(List.of("adding"));
        args.addAll(List.of(options.split(" ")));
        args.addAll(List.of("--out", tmp.resolve("x").toString()));
        CliRun cli = CliRun.of(args.toArray(String[]::new));
        assertEquals(2, cli.exitCode(), cli.err());
        assertTrue(cli.err().contains(message), cli.err());
        assertEquals(1, cli.err().strip().lines().count(), cli.err());
        assertFalse(Files.exists(tmp.resolve("x")));
    }
}
