package org.rnngradients.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnngradients.analysis.io.Npy;
import org.rnngradients.analysis.io.StateDictIO;
import org.rnngradients.cells.CellParameters;

/** The train command on each task: files, history, reproducibility and option errors. */
class TrainCommandTest {

    @TempDir
    Path tmp;

    private CliRun train(Path out, String... extra) {
        return CliRun.of(List.of("train", "--cell", "gru", "--hidden", "4", "--steps", "12", "--iterations", "6",
                "--batch", "3", "--test-size", "5", "--quiet", "--out", out.toString()), extra);
    }

    @ParameterizedTest
    @ValueSource(strings = {"adding", "agreement", "memory"})
    void everyTaskTrainsAndWritesItsHistory(String task) throws IOException {
        Path out = tmp.resolve(task);
        CliRun run = train(out, "--task", task);
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(out.resolve("training.csv"));
        assertEquals("step,loss,gradient_norm,clip_action,clip_events", lines.get(0));
        assertEquals(7, lines.size());
        for (String f : List.of("training.svg", "weight_hh_l0.npy", "readout.weight.npy", "initial/weight_hh_l0.npy",
                "test_inputs.npy", "test_lengths.npy", "test_targets.npy", "test_target_steps.npy", "initial_state.npy",
                "loss.txt", "manifest.json")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        assertArrayEquals(new int[] {5}, Npy.read(out.resolve("test_lengths.npy")).shape());
        assertTrue(Files.readString(out.resolve("manifest.json")).contains("\"train.testLossAfter\""));
    }

    @Test
    void trainingChangesTheParametersAndKeepsTheInitialOnes() throws IOException {
        Path out = tmp.resolve("run");
        assertEquals(0, train(out).exitCode());
        CellParameters trained = StateDictIO.load(out, 3);
        CellParameters initial = StateDictIO.load(out.resolve("initial"), 3);
        assertNotEquals(trained.weightHh().get(0, 0), initial.weightHh().get(0, 0));
        assertEquals(2, trained.weightIh().numCols, "the adding problem's (value, marker) input");
    }

    @Test
    void sameSeedGivesTheSameHistory() throws IOException {
        assertEquals(0, train(tmp.resolve("a")).exitCode());
        assertEquals(0, train(tmp.resolve("b")).exitCode());
        assertEquals(Files.readString(tmp.resolve("a/training.csv")), Files.readString(tmp.resolve("b/training.csv")));
        assertEquals(0, train(tmp.resolve("c"), "--seed", "2").exitCode());
        assertNotEquals(Files.readString(tmp.resolve("a/training.csv")), Files.readString(tmp.resolve("c/training.csv")));
    }

    @Test
    void sequenceTooShortForTheTaskNamesTheOptions() {
        Path out = tmp.resolve("run");
        CliRun run = train(out, "--task", "memory", "--copy-length", "6");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--task memory cannot run with --steps 12"), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void negativeLearningRateIsABadOption() {
        CliRun run = train(tmp.resolve("run"), "--lr", "-1");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--lr must be finite and > 0, was -1.0"), run.err());
    }
}
