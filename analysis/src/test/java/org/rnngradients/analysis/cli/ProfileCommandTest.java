package org.rnngradients.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnngradients.analysis.io.Npy;
import org.rnngradients.analysis.io.StateDictIO;
import org.rnngradients.cells.CellKind;
import org.rnngradients.cells.RecurrentCell;

/** The profile command end to end, in process, into a temporary directory. */
class ProfileCommandTest {

    @TempDir
    Path tmp;

    private CliRun profile(Path out, String... extra) {
        return CliRun.of(List.of("profile", "--cell", "rnn-tanh", "--hidden", "6", "--steps", "30", "--seed", "5",
                "--quiet", "--out", out.toString()), extra);
    }

    @Test
    void writesEveryFileNeededToReproduceTheRun() throws IOException {
        Path out = tmp.resolve("run");
        CliRun run = profile(out);
        assertEquals(0, run.exitCode(), run.err());
        for (String f : List.of("profile.csv", "profile.svg", "weight_ih_l0.npy", "weight_hh_l0.npy", "bias_ih_l0.npy",
                "bias_hh_l0.npy", "inputs.npy", "initial_state.npy", "target.npy", "loss.txt", "manifest.json")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertArrayEquals(new int[] {30, 1}, Npy.read(out.resolve("inputs.npy")).shape());
        assertArrayEquals(new int[] {6}, Npy.read(out.resolve("initial_state.npy")).shape());
        assertArrayEquals(new int[] {6, 6}, Npy.read(out.resolve("weight_hh_l0.npy")).shape());
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(out), files.toList(), "no staging directory left behind");
        }
    }

    @Test
    void csvHasAHeaderAndOneRowPerStepAtFullPrecision() throws IOException {
        Path out = tmp.resolve("run");
        assertEquals(0, profile(out).exitCode());
        List<String> lines = Files.readAllLines(out.resolve("profile.csv"));
        assertEquals("t,log_norm,log10_norm,norm", lines.get(0));
        assertEquals(31, lines.size());
        String[] last = lines.get(30).split(",");
        assertEquals("30", last[0]);
        assertEquals(0.0, Double.parseDouble(last[1]), 1e-12, "‖∂L/∂h_T‖ = ‖u‖ = 1");
        for (String line : lines.subList(1, 31)) {
            double logNorm = Double.parseDouble(line.split(",")[1]);
            assertEquals(line.split(",")[1], Double.toString(logNorm), "round-trip text");
        }
    }

    @Test
    void sameSeedGivesIdenticalBytes() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertEquals(0, profile(a).exitCode());
        assertEquals(0, profile(b).exitCode());
        for (String f : List.of("profile.csv", "profile.svg", "weight_hh_l0.npy", "inputs.npy")) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
    }

    @Test
    void manifestRecordsCommandLineSeedAndVersions() throws IOException {
        Path out = tmp.resolve("run");
        assertEquals(0, profile(out).exitCode());
        String manifest = Files.readString(out.resolve("manifest.json"));
        assertTrue(manifest.contains("\"command\": \"profile\""), manifest);
        assertTrue(manifest.contains("\"commandLine\": \"rnn-gradients profile --cell rnn-tanh --hidden 6"), manifest);
        assertTrue(manifest.contains("\"seed\": 5"), manifest);
        assertTrue(manifest.contains("\"--init\": \"gaussian\""), manifest);
        assertTrue(manifest.contains("\"java\": \"" + System.getProperty("java.version") + "\""), manifest);
        assertTrue(manifest.contains("\"rnn-gradients\": \""), manifest);
        assertTrue(manifest.contains("\"profile.csv\": \"sha256:"), manifest);
    }

    @Test
    void existingOutputIsRefusedWithoutForce() throws IOException {
        Path out = tmp.resolve("run");
        assertEquals(0, profile(out).exitCode());
        CliRun run = profile(out);
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--out " + out + " already exists"), run.err());
        assertEquals(0, profile(out, "--force").exitCode());
        assertTrue(Files.exists(out.resolve("profile.csv")));
    }

    @Test
    void unknownOptionIsOneLineAndExitCodeTwo() {
        Path out = tmp.resolve("run");
        CliRun run = profile(out, "--bogus");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("'--bogus'"), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void unknownOptionIsNamedEvenWhenOutIsMissing() {
        CliRun run = CliRun.of("profile", "--bogus");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Unknown option or argument: '--bogus'"), run.err());
    }

    @Test
    void outWhereNothingCanBeCreatedIsBadInput() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        CliRun run = profile(file.resolve("run"));
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--out " + file.resolve("run")), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void badOptionValueNamesTheOption() {
        Path out = tmp.resolve("run");
        CliRun cell = profile(out, "--cell", "elman");
        assertEquals(2, cell.exitCode());
        assertTrue(cell.err().contains("--cell"), cell.err());
        CliRun hidden = CliRun.of("profile", "--hidden", "0", "--out", out.toString());
        assertEquals(2, hidden.exitCode());
        assertTrue(hidden.err().contains("--hidden must be > 0, was 0"), hidden.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void helpShowsDefaults() {
        CliRun run = CliRun.of("profile", "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("--hidden=H"), run.out());
        assertTrue(run.out().contains("Default: 32"), run.out());
        assertTrue(run.out().contains("Default: rnn-tanh"), run.out());
    }

    @Test
    void taskInputDifferentiatesTheTasksLossOfTheReadout() throws IOException {
        Path out = tmp.resolve("run");
        CliRun run = profile(out, "--input", "task", "--task", "adding");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.readString(out.resolve("loss.txt")).contains("MSE(y_t, target_t), the loss of the task adding"));
        assertFalse(Files.exists(out.resolve("target.npy")), "no projection vector for a task loss");
        DMatrixRMaj xs = Npy.readMatrix(out.resolve("inputs.npy"));
        assertArrayEquals(Npy.read(out.resolve("inputs.npy")).data(), Npy.read(out.resolve("task_inputs.npy")).data());
        assertEquals(30, xs.numRows);
        double[] where = Npy.read(out.resolve("task_target_steps.npy")).data();
        assertArrayEquals(new double[] {0, 30}, where, "one target, at the last step");
        assertEquals(expectedLastNorm(out, xs), lastNorm(out), 1e-12 * lastNorm(out));
    }

    @Test
    void taskProfileRunsOverTheWholeSequenceWhenTheTaskLengthensIt() throws IOException {
        Path out = tmp.resolve("run");
        CliRun run = CliRun.of("profile", "--cell", "rnn-tanh", "--hidden", "6", "--steps", "30", "--seed", "2", "--quiet",
                "--input", "task", "--task", "adding", "--adding-form", "hochreiter", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        int length = (int) Npy.read(out.resolve("task_lengths.npy")).data()[0];
        assertTrue(length > 30 && length <= 33, "seed 2 draws a length in (T, T + T/10], was " + length);
        assertEquals(length, Npy.readMatrix(out.resolve("inputs.npy")).numRows);
        assertEquals(length + 1, Files.readAllLines(out.resolve("profile.csv")).size());
        assertArrayEquals(new double[] {0, length}, Npy.read(out.resolve("task_target_steps.npy")).data());
    }

    /** ‖∂L/∂h_T‖ = |2(ŷ_T − y)|·‖w‖ for L = (ŷ_T − y)², ŷ_T = w·h_T + b, recomputed from the written files. */
    private static double expectedLastNorm(Path out, DMatrixRMaj xs) throws IOException {
        RecurrentCell cell = CellKind.RNN_TANH.create(xs.numCols, 6);
        cell.setParameters(StateDictIO.load(out, 1));
        DMatrixRMaj state = Npy.readMatrix(out.resolve("initial_state.npy"));
        state.reshape(6, 1, true);
        for (int t = 0; t < xs.numRows; t++) {
            DMatrixRMaj x = new DMatrixRMaj(xs.numCols, 1, true, xs.data[2 * t], xs.data[2 * t + 1]);
            cell.forward(state, x, cell.newCache(), state);
        }
        double[] w = Npy.read(out.resolve("readout.weight.npy")).data();
        double y = Npy.read(out.resolve("readout.bias.npy")).data()[0];
        double wNorm = 0;
        for (int i = 0; i < w.length; i++) {
            y += w[i] * state.data[i];
            wNorm += w[i] * w[i];
        }
        double target = Npy.read(out.resolve("task_targets.npy")).data()[0];
        return Math.abs(2 * (y - target)) * Math.sqrt(wNorm);
    }

    private static double lastNorm(Path out) throws IOException {
        List<String> lines = Files.readAllLines(out.resolve("profile.csv"));
        return Double.parseDouble(lines.get(lines.size() - 1).split(",")[3]);
    }
}
