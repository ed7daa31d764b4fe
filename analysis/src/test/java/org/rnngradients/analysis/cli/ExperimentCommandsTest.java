package org.rnngradients.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnngradients.analysis.cli.csv.CsvTable;
import org.rnngradients.bptt.AdjointProfiler;
import org.rnngradients.bptt.FullBptt;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.clip.GradientClipper;
import org.rnngradients.bptt.clip.NonFinitePolicy;
import org.rnngradients.bptt.optim.Adam;
import org.rnngradients.bptt.tasks.AddingProblem;
import org.rnngradients.bptt.tasks.AgreementTask;
import org.rnngradients.bptt.train.Trainer;
import org.rnngradients.bptt.train.TrainingConfig;
import org.rnngradients.bptt.train.TrainingProgress;
import org.rnngradients.bptt.train.TrainingResult;
import org.rnngradients.cells.CellKind;
import org.rnngradients.linalg.RandomSource;

/**
 * The commands that record the book's training experiments (adding, clipping, profiles, truncation,
 * checkpoint-memory) on small sizes: their tables have the documented shape, agree with the library computing the
 * same thing directly, and hold the properties the book reads from them.
 */
class ExperimentCommandsTest {

    @TempDir
    Path tmp;

    private CsvTable run(String file, String... args) throws IOException {
        Path out = tmp.resolve(args[0]);
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--quiet", "--out", out.toString()));
        CliRun run = CliRun.of(all.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.readString(out.resolve("manifest.json")).contains("\"" + file + "\": \"sha256:"));
        return CsvTable.read(out.resolve(file));
    }

    @Test
    void addingCurvesAreTheTrainersHistoryOfTheSameSeededRun() throws IOException {
        CsvTable curve = run("curves.csv", "adding", "--cell", "rnn-tanh", "--hidden", "4", "--steps", "6",
                "--iterations", "20", "--eval-every", "10", "--curve-every", "5", "--lr", "0.003", "--test-size", "8");
        AddingProblem task = AddingProblem.sumForm(6);
        RnnModel model = ExperimentModels.create(CellKind.RNN_TANH, ExperimentModels.Init.pytorch, 1, 2, 4, 1, task.loss(),
                1, 1, 1);
        TrainingResult direct = Trainer.train(model, task, new TrainingConfig(20, 16, 1, new FullBptt(), new Adam(0.003),
                GradientClipper.globalNorm(1.0, NonFinitePolicy.THROW)), p -> true);
        assertEquals(4, curve.size(), "steps 5, 10, 15, 20");
        for (int r = 0; r < curve.size(); r++) {
            TrainingProgress p = direct.history().get((int) curve.number(r, "step") - 1);
            assertEquals(Double.toString(p.loss()), curve.text(r, "train_mse"));
            assertEquals(Double.toString(p.gradientNorm()), curve.text(r, "gradient_norm"));
            assertEquals(p.action().name(), curve.text(r, "clip_action"));
        }
        assertTrue(curve.text(0, "test_mse").isEmpty(), "no evaluation at step 5");
        assertFalse(curve.text(1, "test_mse").isEmpty(), "evaluated at step 10");
    }

    @Test
    void addingSweepWritesOneSummaryRowPerLengthAgainstTheBaseline() throws IOException {
        CsvTable summary = run("summary.csv", "adding", "--cell", "rnn-tanh", "--hidden", "3", "--steps", "5,8",
                "--iterations", "4", "--eval-every", "2", "--test-size", "10");
        assertEquals(2, summary.size());
        assertEquals("5", summary.text(0, "T"));
        assertEquals("8", summary.text(1, "T"));
        assertEquals("", summary.text(0, "forget_bias"), "no forget gate in a vanilla RNN");
        for (int r = 0; r < 2; r++) {
            assertEquals(1.0 / 6, summary.number(r, "baseline_mse"));
            assertEquals(summary.number(r, "test_mse") / (1.0 / 6), summary.number(r, "test_over_baseline"));
            assertTrue(summary.number(r, "best_test_mse") <= summary.number(r, "test_mse"));
        }
    }

    @Test
    void addingStopsAtTheFirstEvaluationBelowTheTarget() throws IOException {
        CsvTable summary = run("summary.csv", "adding", "--cell", "lstm", "--hidden", "3", "--steps", "10",
                "--adding-form", "hochreiter", "--iterations", "50", "--eval-every", "5", "--target", "10",
                "--test-size", "10");
        assertEquals("5", summary.text(0, "steps"), "a target of 10 is met at the first evaluation");
        assertEquals("1.0", summary.text(0, "forget_bias"));
        assertEquals("predict 0.5: MSE on the test set", summary.text(0, "baseline"));
    }

    @Test
    void clippingRecordsTheUnclippedFailureAndClipsEveryLargeNorm() throws IOException {
        Path out = tmp.resolve("clipping");
        CliRun cli = CliRun.of("clipping", "--iterations", "30", "--steps", "10", "--hidden", "8", "--gain", "3",
                "--test-size", "10", "--quiet", "--out", out.toString());
        assertEquals(0, cli.exitCode(), cli.err());
        CsvTable summary = CsvTable.read(out.resolve("summary.csv"));
        CsvTable curve = CsvTable.read(out.resolve("curves.csv"));
        assertEquals(List.of("no-clipping", "global-norm", "global-norm+rescue"),
                List.of(summary.text(0, "variant"), summary.text(1, "variant"), summary.text(2, "variant")));
        for (int r = 0; r < curve.size(); r++) {
            String action = curve.text(r, "clip_action");
            if (curve.text(r, "variant").equals("global-norm") && !action.equals("FAILED")) {
                assertEquals(curve.number(r, "gradient_norm") > 1.0 ? "CLIPPED" : "NONE", action, "row " + r);
            }
        }
        assertEquals("30", summary.text(1, "completed_steps"), "clipping keeps the run finite");
        assertEquals("false", summary.text(1, "failed"));
    }

    @Test
    void profilesAreTheMeanOfTheProfilersLogNormsOverTheSameSequences() throws IOException {
        CsvTable t = run("profiles.csv", "profiles", "--task", "agreement", "--steps", "12", "--hidden", "4",
                "--samples", "3", "--cells", "gru,lstm");
        assertEquals(24, t.size(), "2 cells × T = 12 rows");
        AgreementTask task = new AgreementTask(10, 10);
        RnnModel gru = ExperimentModels.create(CellKind.GRU, ExperimentModels.Init.pytorch, 1, task.inputSize(), 4,
                task.outputSize(), task.loss(), 1, 0, 1);
        RandomSource data = RandomSource.seeded(1).fork("profile-sequences");
        double[][] logs = new double[3][];
        for (int s = 0; s < 3; s++) {
            logs[s] = new AdjointProfiler().profile(gru, task.sample(data), null).log10Norms();
        }
        for (int r = 0; r < 12; r++) {
            double mean = (logs[0][r] + logs[1][r] + logs[2][r]) / 3;
            assertEquals(mean, t.number(r, "mean_log10_norm"), 1e-15 * Math.abs(mean), "t = " + (r + 1));
            assertTrue(t.number(r, "min_log10_norm") <= t.number(r, "mean_log10_norm"));
            assertTrue(t.number(r, "mean_log10_norm") <= t.number(r, "max_log10_norm"));
            assertEquals(12 - (r + 1), (int) t.number(r, "steps_before_loss"));
        }
    }

    @Test
    void truncationAtTheFullWindowHasNoBias() throws IOException {
        CsvTable t = run("truncation.csv", "truncation", "--steps", "20", "--hidden", "4", "--samples", "2");
        assertEquals(10, t.size(), "k2 = 1, 2, 5, 10, 20 for each of two cells");
        for (int r = 0; r < t.size(); r++) {
            if (t.text(r, "k2").equals("20")) {
                assertEquals(0.0, t.number(r, "mean_relative_bias"), "BPTT(T, T) is full BPTT");
                assertEquals(1.0, t.number(r, "mean_cosine"), 1e-15);
            } else {
                assertTrue(t.number(r, "mean_relative_bias") > 0, "row " + r);
            }
        }
    }

    @Test
    void truncationWindowBeyondTheSequenceIsABadOption() {
        Path out = tmp.resolve("bad");
        CliRun cli = CliRun.of("truncation", "--steps", "20", "--k2", "5,21", "--out", out.toString());
        assertEquals(2, cli.exitCode());
        assertTrue(cli.err().contains("--k2 must be in [1, 20] (--steps), was 21"), cli.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void checkpointedAndFullBpttGiveTheSameLossAndCheckpointingStoresAboutTwoRootT() throws IOException {
        CsvTable c = run("memory.csv", "checkpoint-memory", "--engine", "checkpointed", "--steps", "16,100",
                "--hidden", "4");
        Path full = tmp.resolve("full");
        assertEquals(0, CliRun.of("checkpoint-memory", "--engine", "full", "--steps", "16,100", "--hidden", "4",
                "--quiet", "--out", full.toString()).exitCode());
        CsvTable f = CsvTable.read(full.resolve("memory.csv"));
        assertEquals(List.of("4", "10"), List.of(c.text(0, "segment_length"), c.text(1, "segment_length")), "⌈√T⌉");
        for (int r = 0; r < 2; r++) {
            assertEquals(f.text(r, "loss"), c.text(r, "loss"), "the same computation, to the last bit");
            assertEquals(f.text(r, "stored_activation_bytes"), c.text(r, "full_storage_bytes"));
            assertTrue(c.number(r, "stored_activation_bytes") < f.number(r, "stored_activation_bytes"));
        }
        assertEquals(101, (int) f.number(1, "stored_states"), "full BPTT holds T + 1 states");
    }

    @ParameterizedTest
    @ValueSource(strings = {"adding", "clipping", "profiles", "truncation", "checkpoint-memory"})
    void everyExperimentCommandHasHelpWithDefaults(String command) {
        CliRun run = CliRun.of(command, "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("Usage: rnn-gradients " + command), run.out());
        assertTrue(run.out().contains("Default:"), run.out());
        assertTrue(run.out().contains("manifest.json"), run.out());
        assertFalse(run.out().contains("${"), "every variable expanded");
    }

    @Test
    void addingWithATooShortSequenceIsABadOption() {
        CliRun cli = CliRun.of("adding", "--steps", "1", "--out", tmp.resolve("x").toString());
        assertEquals(2, cli.exitCode());
        assertTrue(cli.err().contains("--steps 1: "), cli.err());
        assertEquals(1, cli.err().strip().lines().count());
    }

}
