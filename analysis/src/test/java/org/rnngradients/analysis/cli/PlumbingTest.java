package org.rnngradients.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnngradients.analysis.plot.Chart;

/** The CLI's building blocks: staging directory, CSV, JSON, SVG and the progress bar. */
class PlumbingTest {

    @TempDir
    Path tmp;

    private List<Path> listing() throws IOException {
        try (var files = Files.list(tmp)) {
            return files.sorted().toList();
        }
    }

    @Test
    void stagedDirectoryAppearsOnlyOnCommit() throws IOException {
        Path target = tmp.resolve("out");
        try (StagedDirectory s = StagedDirectory.open(target, false)) {
            Files.writeString(s.resolve("a.txt"), "a");
            assertFalse(Files.exists(target), "nothing at the target before commit");
            assertTrue(s.dir().getFileName().toString().startsWith(".out.partial-"));
            s.commit();
        }
        assertEquals(List.of(target), listing());
        assertEquals("a", Files.readString(target.resolve("a.txt")));
    }

    @Test
    void stagedDirectoryClosedWithoutCommitLeavesNothing() throws IOException {
        Path target = tmp.resolve("out");
        try (StagedDirectory s = StagedDirectory.open(target, false)) {
            Files.createDirectories(s.resolve("sub"));
            Files.writeString(s.resolve("sub/b.txt"), "b");
        }
        assertEquals(List.of(), listing());
    }

    @Test
    void abortedDirectoryCannotBeCommitted() throws IOException {
        Path target = tmp.resolve("out");
        try (StagedDirectory s = StagedDirectory.open(target, false)) {
            s.abort();
            assertThrows(IOException.class, s::commit);
        }
        assertEquals(List.of(), listing());
    }

    @Test
    void forceReplacesAnEarlierRunCompletely() throws IOException {
        Path target = Files.createDirectory(tmp.resolve("out"));
        Files.writeString(target.resolve("old.txt"), "old");
        Files.writeString(target.resolve(Manifest.FILE), "{\n  \"tool\": \"rnn-gradients\",\n  \"files\": {\n"
                + "    \"old.txt\": \"sha256:0\"\n  }\n}\n");
        assertThrows(IllegalArgumentException.class, () -> StagedDirectory.open(target, false));
        try (StagedDirectory s = StagedDirectory.open(target, true)) {
            Files.writeString(s.resolve("new.txt"), "new");
            assertTrue(Files.exists(target.resolve("old.txt")), "the earlier run stays whole until the commit");
            s.commit();
        }
        assertEquals(List.of(target), listing());
        assertFalse(Files.exists(target.resolve("old.txt")));
        assertTrue(Files.exists(target.resolve("new.txt")));
    }

    @Test
    void stagingRemovesTheParentDirectoriesItCreatedUnlessCommitted() throws IOException {
        try (StagedDirectory s = StagedDirectory.open(tmp.resolve("a/b/out"), false)) {
            assertTrue(Files.isDirectory(tmp.resolve("a/b")));
        }
        assertEquals(List.of(), listing(), "a/ and a/b/ are gone");
        Files.createDirectory(tmp.resolve("kept"));
        try (StagedDirectory s = StagedDirectory.open(tmp.resolve("kept/new/out"), false)) {
            s.commit();
        }
        assertTrue(Files.isDirectory(tmp.resolve("kept/new/out")), "a committed run keeps its parents");
    }

    @Test
    void outThatIsAFileIsRefusedEvenWithForce() throws IOException {
        Path file = Files.writeString(tmp.resolve("f"), "x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StagedDirectory.check(file, true));
        assertTrue(e.getMessage().contains("not a directory"), e.getMessage());
    }

    @Test
    void jsonEscapesAndKeepsOrder() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", "say \"hi\"\n");
        m.put("a", List.of(1, 2.5, true));
        m.put("nan", Double.NaN);
        m.put("empty", Map.of());
        assertEquals("{\n  \"b\": \"say \\\"hi\\\"\\n\",\n  \"a\": [\n    1,\n    2.5,\n    true\n  ],\n"
                + "  \"nan\": \"NaN\",\n  \"empty\": {}\n}\n", Json.write(m));
    }

    @Test
    void chartIsDeterministicWithItsFileNameAsDefsPrefix(@TempDir Path dir) throws IOException {
        double[] x = {1, 2, 3, 4};
        double[] y = {0.5, Double.NaN, -1, 2};
        RunFiles.svg(dir, "a.svg", new Chart("‖∂L/∂hₜ‖", "y").line("s", x, y));
        RunFiles.svg(dir, "b.svg", new Chart("‖∂L/∂hₜ‖", "y").line("s", x, y));
        String a = Files.readString(dir.resolve("a.svg"));
        assertEquals(a.replace("rnn-gradients-a-", "rnn-gradients-b-"), Files.readString(dir.resolve("b.svg")),
                "only the name-derived prefix differs");
        assertTrue(a.contains("id='rnn-gradients-a-clip-0'"), a.substring(0, 400));
        assertTrue(a.startsWith("<?xml") && a.contains("‖∂L/∂hₜ‖"), "an SVG document with the Unicode label");
        RunFiles.svg(dir, "c.svg", new Chart("‖∂L/∂hₜ‖", "y").line("s", x, new double[] {0.5, 1, -1, 2}));
        assertNotEquals(a.replace("rnn-gradients-a-", "rnn-gradients-c-"), Files.readString(dir.resolve("c.svg")),
                "the data reach the drawing");
    }

    @Test
    void chartFileNameMustEndInSvg() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunFiles.defsPrefix("plot.png"));
        assertTrue(e.getMessage().contains("plot.png"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RunFiles.defsPrefix(".svg"));
        assertEquals("rnn-gradients-lyapunov-vs-gain", RunFiles.defsPrefix("lyapunov-vs-gain.svg"));
    }

    @Test
    void progressBarShowsPercentageAndEta() {
        assertEquals("run [###############...............]  50% 5/10 ETA 0:10",
                Progress.render("run", 5, 10, 10_000_000_000L));
        assertEquals("run [##############################] 100% 10/10 done in 1:01:01",
                Progress.render("run", 10, 10, 3_661_000_000_000L));
        assertEquals("run [..............................]   0% 0/10 ETA --:--", Progress.render("run", 0, 10, 5));
    }

    @Test
    void progressRedrawsAtMostTenTimesASecondAndEndsTheLine() {
        StringWriter text = new StringWriter();
        AtomicLong now = new AtomicLong();
        Progress p = new Progress(new PrintWriter(text), "run", 4, true, now::get);
        p.advance(1);
        p.advance(1);                       // same instant: no redraw
        now.addAndGet(200_000_000L);
        p.advance(1);
        p.advance(1);                       // complete: always drawn
        p.finish();
        String s = text.toString();
        assertEquals(3, s.chars().filter(c -> c == '\r').count(), s);
        assertTrue(s.endsWith("100% 4/4 done in 0:00\n"), s);
    }

    @Test
    void quietProgressPrintsNothing() {
        StringWriter text = new StringWriter();
        Progress p = Progress.of(new PrintWriter(text), "run", 3, false);
        p.advance(3);
        p.finish();
        assertEquals("", text.toString());
    }
}
