package org.rnngradients.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sweep's --force follows the rule of every other command (issue 13): it replaces only an earlier run (its
 * manifest.json, every file listed) or an unfinished sweep (sweep.csv alone), never the working directory or an
 * ancestor of it, and the new run is written beside the old one and swapped in only when it is complete.
 */
class SweepForceTest {
    private static final List<String> TINY = List.of("sweep", "--cells", "rnn-tanh", "--hidden", "3", "--gains",
            "0.5,1.5", "--seeds", "1", "--warm-up", "4", "--steps", "8", "--bootstrap", "5", "--quiet");

    @TempDir
    Path tmp;

    /** TINY with --steps 16 instead of 8, then {@code extra}. */
    private static String[] longer(String... extra) {
        List<String> args = new ArrayList<>(TINY);
        args.set(args.indexOf("8"), "16");
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    private static String[] sweep(String... extra) {
        List<String> args = new ArrayList<>(TINY);
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    private Path finishedSweep(String name) {
        Path out = tmp.resolve(name);
        CliRun run = CliRun.of(sweep("--out", out.toString()));
        assertEquals(0, run.exitCode(), run.err());
        return out;
    }

    private void assertRefused(String expected, String... args) {
        Map<String, String> before = Tree.of(tmp);
        CliRun run = CliRun.of(args);
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(expected), run.err());
        assertEquals(before, Tree.of(tmp), "nothing created or deleted");
    }

    @Test
    void forceReplacesAFinishedSweepAndLeavesNoStagingOrOldCopy() throws IOException {
        Path out = finishedSweep("s");
        CliRun again = CliRun.of(longer("--force", "--out", out.toString()));
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(Files.readAllLines(out.resolve("sweep.csv")).get(1).contains(",4,16,1,"), "the new settings");
        assertEquals(List.of("s"), Files.list(tmp).map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void forceReplacesAnUnfinishedSweepHoldingOnlyItsJournal() throws IOException {
        Path out = finishedSweep("s");
        String header = Files.readAllLines(out.resolve("sweep.csv")).get(0);
        try (var files = Files.list(out)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.writeString(out.resolve("sweep.csv"), header + "\n");      // killed before the first point
        CliRun again = CliRun.of(longer("--force", "--out", out.toString()));
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(3, Files.readAllLines(out.resolve("sweep.csv")).size());
    }

    @Test
    void forceRefusesADirectoryThatIsNotAnEarlierRun() throws IOException {
        Path mine = Files.createDirectory(tmp.resolve("mine"));
        Files.writeString(mine.resolve("notes.txt"), "keep me");
        assertRefused("--out " + mine + " is not an earlier run of this tool", sweep("--force", "--out", mine.toString()));
    }

    @Test
    void forceRefusesAJournalWithAnotherFileBesideIt() throws IOException {
        Path out = finishedSweep("s");
        Files.delete(out.resolve(Manifest.FILE));
        Files.writeString(out.resolve("notes.txt"), "keep me");
        assertRefused("is not an earlier run of this tool", sweep("--force", "--out", out.toString()));
    }

    @Test
    void forceRefusesAFileNamedSweepCsvThatIsNotAJournal() throws IOException {
        Path mine = Files.createDirectory(tmp.resolve("mine"));
        Files.writeString(mine.resolve("sweep.csv"), "my,own,table\n1,2,3\n");
        assertRefused("is not an earlier run of this tool", sweep("--force", "--out", mine.toString()));
    }

    @Test
    void forceRefusesAFinishedSweepThatHoldsAnotherFile() throws IOException {
        Path out = finishedSweep("s");
        Files.writeString(out.resolve("notes.txt"), "keep me");
        assertRefused("holds notes.txt, which its manifest.json does not list", sweep("--force", "--out",
                out.toString()));
    }

    @Test
    void forceRefusesTheWorkingDirectoryAndItsAncestors() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("home/user"));
        Files.writeString(work.resolve("thesis.tex"), "years of work");
        Files.writeString(work.resolve("sweep.csv"), "cell,hidden,gain,seed,warm_up\n");
        Map<String, String> before = Tree.of(tmp);
        for (String out : List.of(".", "..", work.toString(), "../..")) {
            for (boolean force : List.of(true, false)) {
                List<String> args = new ArrayList<>(List.of(sweep("--out", out)));
                if (force) {
                    args.add("--force");
                }
                CliRun run = inDirectory(work, args.toArray(String[]::new));
                assertEquals(2, run.exitCode(), run.err());
                assertTrue(run.err().contains("is the working directory or one of its ancestors"), run.err());
            }
        }
        assertEquals(before, Tree.of(tmp), "nothing created or deleted");
    }

    /** {@code args} in a separate JVM whose working directory is {@code dir}. */
    private static CliRun inDirectory(Path dir, String... args) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Djava.awt.headless=true", "-cp",
                System.getProperty("java.class.path"), RnnGradients.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the run ends");
        return new CliRun(p.exitValue(), new String(p.getInputStream().readAllBytes()),
                new String(p.getErrorStream().readAllBytes()));
    }
}
