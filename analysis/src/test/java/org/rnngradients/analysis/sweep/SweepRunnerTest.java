package org.rnngradients.analysis.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnngradients.cells.CellKind;

/** Thread-count independence, interruption and resume, torn rows, and the checks on grid and journal. */
class SweepRunnerTest {
    private static final LyapunovTask TASK = new LyapunovTask(40, 120, 2, false);

    @TempDir
    Path tmp;

    /** Two sizes of every cell kind the study uses, three gains either side of 1, two seeds: 36 points. */
    static List<SweepPoint> grid() {
        List<SweepPoint> grid = new ArrayList<>();
        for (CellKind cell : List.of(CellKind.RNN_TANH, CellKind.GRU, CellKind.LSTM)) {
            for (int n : new int[] {4, 7}) {
                for (double g : new double[] {0.8, 1.5, 2.5}) {
                    for (long seed : new long[] {11, 12}) {
                        grid.add(new SweepPoint(cell, n, g, seed));
                    }
                }
            }
        }
        return grid;
    }

    private byte[] sweep(Path file, PointTask task, int threads) throws Exception {
        try (SweepJournal journal = SweepJournal.open(file, task)) {
            new SweepRunner(task, threads).run(grid(), journal, SweepRunner.SILENT);
        }
        return Files.readAllBytes(file);
    }

    /** The real task, failing (like a crash) once {@code budget} points have been evaluated. */
    private static PointTask failingAfter(int budget, AtomicInteger calls) {
        return new PointTask() {
            @Override
            public SweepResult evaluate(SweepPoint point) {
                if (calls.incrementAndGet() > budget) {
                    throw new IllegalStateException("simulated crash");
                }
                return TASK.evaluate(point);
            }

            @Override
            public Map<String, Long> settings() {
                return TASK.settings();
            }

            @Override
            public boolean computesSpectralRadius() {
                return false;
            }
        };
    }

    @Test
    void resultsAreTheSameBytesWhateverTheThreadCount() throws Exception {
        byte[] one = sweep(tmp.resolve("one.csv"), TASK, 1);
        byte[] four = sweep(tmp.resolve("four.csv"), TASK, 4);
        assertArrayEquals(one, four);
        List<String> lines = Files.readAllLines(tmp.resolve("one.csv"));
        assertEquals(1 + grid().size(), lines.size());
        assertEquals("cell,hidden,gain,seed,warm_up,steps,interval,lambda_1,lambda_1_half,activity", lines.get(0));
        assertTrue(lines.get(1).startsWith("rnn-tanh,4,0.8,11,40,120,2,"), "grid order: " + lines.get(1));
    }

    @Test
    void anInterruptedSweepResumesToTheSameBytesAndSkipsWhatIsDone() throws Exception {
        byte[] reference = sweep(tmp.resolve("reference.csv"), TASK, 3);
        Path file = tmp.resolve("interrupted.csv");
        AtomicInteger calls = new AtomicInteger();
        IllegalStateException crash = assertThrows(IllegalStateException.class,
                () -> sweep(file, failingAfter(13, calls), 3));
        assertTrue(crash.getMessage().contains("simulated crash"), crash.getMessage());
        int kept = Files.readAllLines(file).size() - 1;
        assertTrue(kept >= 1 && kept <= 13, "whole rows of finished points only, was " + kept);

        AtomicInteger resumed = new AtomicInteger();
        assertArrayEquals(reference, sweep(file, failingAfter(Integer.MAX_VALUE, resumed), 2));
        assertEquals(grid().size() - kept, resumed.get(), "only the missing points are computed again");
    }

    @Test
    void aTornFinalRowIsDroppedAndRecomputed() throws Exception {
        byte[] reference = sweep(tmp.resolve("reference.csv"), TASK, 2);
        Path file = tmp.resolve("torn.csv");
        assertThrows(IllegalStateException.class, () -> sweep(file, failingAfter(5, new AtomicInteger()), 1));
        List<String> before = Files.readAllLines(file);
        Files.writeString(file, "lstm,7,2.5,12,40,12", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (SweepJournal journal = SweepJournal.open(file, TASK)) {
            assertEquals(before.size() - 1, journal.completed().size());
        }
        assertEquals(before, Files.readAllLines(file), "the torn row is cut off on opening");
        assertArrayEquals(reference, sweep(file, TASK, 2));
    }

    @Test
    void aFileWithATornHeaderStartsAgain() throws Exception {
        Path file = tmp.resolve("header.csv");
        Files.writeString(file, "cell,hid");
        try (SweepJournal journal = SweepJournal.open(file, TASK)) {
            assertTrue(journal.completed().isEmpty());
        }
        assertEquals(List.of("cell,hidden,gain,seed,warm_up,steps,interval,lambda_1,lambda_1_half,activity"),
                Files.readAllLines(file));
    }

    @Test
    void rowsReadBackToTheResultsThatWereWritten() throws Exception {
        SweepPoint p = new SweepPoint(CellKind.GRU, 3, 1.25, -7);
        SweepResult r = new SweepResult(p, Double.NEGATIVE_INFINITY, -0.1234567890123, 0.5, Double.NaN);
        Path file = tmp.resolve("roundtrip.csv");
        try (SweepJournal journal = SweepJournal.open(file, TASK)) {
            journal.append(r);
        }
        try (SweepJournal journal = SweepJournal.open(file, TASK)) {
            assertEquals(r, journal.completed().get(p));
        }
    }

    @Test
    void rowsWithASpectralRadiusReadBackToTheResultsThatWereWritten() throws Exception {
        LyapunovTask withRadius = new LyapunovTask(40, 120, 2, true);
        SweepPoint p = new SweepPoint(CellKind.RNN_TANH, 3, 1.25, 5);
        SweepResult r = new SweepResult(p, 0.0625, -0.125, 0.5, 1.375);
        Path file = tmp.resolve("radius.csv");
        try (SweepJournal journal = SweepJournal.open(file, withRadius)) {
            journal.append(r);
        }
        try (SweepJournal journal = SweepJournal.open(file, withRadius)) {
            assertEquals(r, journal.completed().get(p), "ρ is the column after the activity");
        }
    }

    @Test
    void pointsAreComputedOnDaemonThreads() throws Exception {
        // a Ctrl-C or an error on the calling thread must not wait for a long point to finish
        List<Boolean> daemon = java.util.Collections.synchronizedList(new ArrayList<>());
        PointTask recording = new PointTask() {
            @Override
            public SweepResult evaluate(SweepPoint point) {
                daemon.add(Thread.currentThread().isDaemon());
                return new SweepResult(point, 0, 0, 0, Double.NaN);
            }

            @Override
            public Map<String, Long> settings() {
                return TASK.settings();
            }

            @Override
            public boolean computesSpectralRadius() {
                return false;
            }
        };
        try (SweepJournal journal = SweepJournal.open(tmp.resolve("daemon.csv"), recording)) {
            new SweepRunner(recording, 2).run(grid().subList(0, 4), journal, SweepRunner.SILENT);
        }
        assertEquals(List.of(true, true, true, true), daemon);
    }

    /** The number of file descriptors this process has open (Linux: the entries of /proc/self/fd). */
    private static long openDescriptors() throws IOException {
        try (java.util.stream.Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    @Test
    void aClosedJournalHoldsNoOpenFile() throws Exception {
        // a journal per run; a descriptor leaked per journal would in the end exhaust the process's limit
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "Linux only");
        Path file = tmp.resolve("closed.csv");
        SweepJournal.open(file, TASK).close();                     // the file exists from here on
        long before = openDescriptors();
        for (int i = 0; i < 20; i++) {
            SweepJournal journal = SweepJournal.open(file, TASK);
            journal.close();
            journal.close();                                       // closing twice is harmless
        }
        long after = openDescriptors();
        assertTrue(after - before < 20, "20 journals opened and closed: " + before + " → " + after + " descriptors");
    }

    @Test
    void aJournalFromOtherSettingsOrColumnsIsRefusedByName() throws Exception {
        Path file = tmp.resolve("other.csv");
        try (SweepJournal journal = SweepJournal.open(file, TASK)) {
            journal.append(TASK.evaluate(grid().get(0)));
        }
        IllegalArgumentException steps = assertThrows(IllegalArgumentException.class,
                () -> SweepJournal.open(file, new LyapunovTask(40, 240, 2, false)));
        assertTrue(steps.getMessage().contains("other.csv:2") && steps.getMessage().contains("steps = 120"),
                steps.getMessage());
        IllegalArgumentException header = assertThrows(IllegalArgumentException.class,
                () -> SweepJournal.open(file, new LyapunovTask(40, 120, 2, true)));
        assertTrue(header.getMessage().contains("header"), header.getMessage());
    }

    @Test
    void malformedOrRepeatedRowsAreRefusedWithTheirLine() throws Exception {
        Path file = tmp.resolve("bad.csv");
        String header = "cell,hidden,gain,seed,warm_up,steps,interval,lambda_1,lambda_1_half,activity\n";
        String row = "rnn-tanh,4,0.8,11,40,120,2,-0.3,-0.3,0.0\n";
        Files.writeString(file, header + row + "rnn-tanh,4,zero,11,40,120,2,-0.3,-0.3,0.0\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SweepJournal.open(file, TASK));
        assertTrue(e.getMessage().contains("bad.csv:3") && e.getMessage().contains("zero"), e.getMessage());
        Files.writeString(file, header + row + row);
        e = assertThrows(IllegalArgumentException.class, () -> SweepJournal.open(file, TASK));
        assertTrue(e.getMessage().contains("bad.csv:3") && e.getMessage().contains("twice"), e.getMessage());
    }

    @Test
    void theGridAndTheJournalAreChecked() throws Exception {
        SweepRunner runner = new SweepRunner(TASK, 1);
        SweepPoint p = grid().get(0);
        try (SweepJournal journal = SweepJournal.open(tmp.resolve("g.csv"), TASK)) {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> runner.run(List.of(), journal, SweepRunner.SILENT))
                    .getMessage().contains("empty"));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> runner.run(List.of(p, p), journal,
                    SweepRunner.SILENT)).getMessage().contains("repeated " + p));
            journal.append(TASK.evaluate(p));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> runner.run(List.of(grid().get(1)), journal,
                    SweepRunner.SILENT)).getMessage().contains("outside this grid, e.g. " + p));
        }
        assertThrows(IllegalArgumentException.class, () -> new SweepRunner(TASK, 0));
    }

    @Test
    void aFailingPointIsNamed() throws Exception {
        PointTask radiusOnGru = new LyapunovTask(40, 120, 2, true);
        SweepPoint gru = new SweepPoint(CellKind.GRU, 3, 1.0, 1);
        try (SweepJournal journal = SweepJournal.open(tmp.resolve("f.csv"), radiusOnGru)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> new SweepRunner(radiusOnGru, 2).run(List.of(gru), journal, SweepRunner.SILENT));
            assertTrue(e.getMessage().contains(gru.toString()) && e.getMessage().contains("vanilla cells only"),
                    e.getMessage());
        }
    }

    @Test
    void theListenerHearsTheSizeAndEveryResult() throws Exception {
        List<SweepResult> heard = new ArrayList<>();
        int[] started = new int[2];
        SweepRunner.Listener listener = new SweepRunner.Listener() {
            @Override
            public void started(int points, int alreadyDone) {
                started[0] = points;
                started[1] = alreadyDone;
            }

            @Override
            public void completed(SweepResult result) {
                heard.add(result);
            }
        };
        List<SweepPoint> grid = grid().subList(0, 6);
        try (SweepJournal journal = SweepJournal.open(tmp.resolve("l.csv"), TASK)) {
            journal.append(TASK.evaluate(grid.get(2)));
            List<SweepResult> all = new SweepRunner(TASK, 2).run(grid, journal, listener);
            assertEquals(grid, all.stream().map(SweepResult::point).toList());
        }
        assertArrayEquals(new int[] {6, 1}, started);
        assertEquals(5, heard.size());
    }

    @Test
    void appendingAfterFinishingIsAnError() throws IOException {
        Path file = tmp.resolve("closed.csv");
        SweepJournal journal = SweepJournal.open(file, TASK);
        journal.finish(List.of());
        assertThrows(IllegalStateException.class, () -> journal.append(TASK.evaluate(grid().get(0))));
    }
}
