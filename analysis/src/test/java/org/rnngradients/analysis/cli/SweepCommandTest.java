package org.rnngradients.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sweep end to end: its files, agreement with the lyapunov command, resumption, thread counts, bad input. */
class SweepCommandTest {
    private static final List<String> SMALL = List.of("sweep", "--cells", "rnn-tanh,gru", "--hidden", "4,6",
            "--gains", "0.6:1.8:0.6", "--seeds", "1:3", "--warm-up", "30", "--steps", "80", "--bootstrap", "50",
            "--quiet");

    @TempDir
    Path tmp;

    private CliRun sweep(Path out, String... extra) {
        List<String> args = new ArrayList<>(SMALL);
        args.addAll(List.of(extra));
        args.add("--out");
        args.add(out.toString());
        return CliRun.of(args.toArray(String[]::new));
    }

    /** SMALL with {@code option} set to {@code value} (replacing its value, or added; a flag when value is null). */
    private CliRun sweepWith(Path out, String option, String value) {
        List<String> args = new ArrayList<>(SMALL);
        int at = args.indexOf(option);
        if (at >= 0 && value != null) {
            args.set(at + 1, value);
        } else {
            args.add(option);
            if (value != null) {
                args.add(value);
            }
        }
        args.addAll(List.of("--out", out.toString()));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static byte[] bytes(Path dir, String file) throws IOException {
        return Files.readAllBytes(dir.resolve(file));
    }

    @Test
    void aFinishedSweepHoldsResultsSummaryCrossingsChartAndManifest() throws IOException {
        Path out = tmp.resolve("s");
        CliRun run = sweep(out);
        assertEquals(0, run.exitCode(), run.err());
        List<String> rows = Files.readAllLines(out.resolve("sweep.csv"));
        assertEquals(1 + 2 * 2 * 3 * 3, rows.size());
        assertEquals("rnn-tanh,4,0.6,1,30,80,1,", rows.get(1).substring(0, 25));
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals(1 + 2 * 2 * 3, summary.size());
        assertTrue(summary.get(0).startsWith("cell,hidden,gain,networks,lambda_1_mean,lambda_1_se"), summary.get(0));
        String[] tanhBelowOne = summary.get(1).split(",", -1);
        assertEquals(Double.toString(Math.log(0.6)), tanhBelowOne[12], "the theory's ln g for rnn-tanh at g = 0.6");
        String[] gru = summary.get(7).split(",", -1);
        assertEquals("gru", gru[0]);
        assertEquals("", gru[12], "no theory for a gated cell");
        List<String> crossings = Files.readAllLines(out.resolve("crossings.csv"));
        assertEquals(1 + 2 * 4, crossings.size(), "thresholds 0 and epsilon for each cell and size");
        assertTrue(crossings.get(1).startsWith("rnn-tanh,4,0.0,3,") && crossings.get(1).endsWith(",1.0"),
                "the theory crosses 0 at g = 1: " + crossings.get(1));
        assertTrue(Files.readString(out.resolve("lyapunov-vs-gain.svg")).contains("mean-field theory"));
        String manifest = Files.readString(out.resolve("manifest.json"));
        assertTrue(manifest.contains("\"command\": \"sweep\"") && manifest.contains("\"sweep.csv\": \"sha256:")
                && manifest.contains("\"zero_crossing.gru.N6\""), manifest);
    }

    @Test
    void aSweepPointIsExactlyTheLyapunovCommandsExponent() throws IOException {
        Path s = tmp.resolve("s");
        Path l = tmp.resolve("l");
        assertEquals(0, CliRun.of("sweep", "--cells", "lstm", "--hidden", "5", "--gains", "1.7", "--seeds", "3",
                "--warm-up", "20", "--steps", "60", "--quiet", "--out", s.toString()).exitCode());
        CliRun lyapunov = CliRun.of("lyapunov", "--cell", "lstm", "--hidden", "5", "--init", "gaussian", "--gain", "1.7",
                "--seed", "3", "--input", "none", "--h0", "gaussian", "--warm-up", "20", "--steps", "60", "--interval", "1",
                "--exponents", "1", "--quiet", "--out", l.toString());
        assertEquals(0, lyapunov.exitCode(), lyapunov.err());
        String fromSweep = Files.readAllLines(s.resolve("sweep.csv")).get(1).split(",")[7];
        String fromLyapunov = Files.readAllLines(l.resolve("lyapunov.csv")).get(1).split(",")[1];
        assertEquals(fromLyapunov, fromSweep, "the same network, trajectory and frame, to the last digit");
    }

    @Test
    void theThreadCountChangesNoResultFile() throws IOException {
        Path one = tmp.resolve("one");
        Path three = tmp.resolve("three");
        assertEquals(0, sweep(one, "--threads", "1").exitCode());
        assertEquals(0, sweep(three, "--threads", "3").exitCode());
        for (String f : List.of("sweep.csv", "summary.csv", "crossings.csv", "lyapunov-vs-gain.svg")) {
            assertArrayEquals(bytes(one, f), bytes(three, f), f);
        }
    }

    @Test
    void rerunningComputesNothingAndExtendingComputesOnlyTheNewPoints() throws IOException {
        Path out = tmp.resolve("s");
        assertEquals(0, sweep(out).exitCode());
        byte[] manifest = bytes(out, "manifest.json");
        assertEquals(0, sweep(out).exitCode());
        assertArrayEquals(manifest, bytes(out, "manifest.json"), "an equal run gives an equal manifest");
        List<String> again = new ArrayList<>(SMALL);
        again.remove("--quiet");
        again.addAll(List.of("--out", out.toString()));
        CliRun rerun = CliRun.of(again.toArray(String[]::new));
        assertEquals(0, rerun.exitCode(), rerun.err());
        assertTrue(rerun.err().contains("36 points, 36 already in"), rerun.err());

        List<String> more = new ArrayList<>(again);
        more.set(more.indexOf("1:3"), "1:4");
        CliRun extended = CliRun.of(more.toArray(String[]::new));
        assertEquals(0, extended.exitCode(), extended.err());
        assertTrue(extended.err().contains("48 points, 36 already in"), extended.err());
        Path fresh = tmp.resolve("fresh");
        more.set(more.size() - 1, fresh.toString());
        assertEquals(0, CliRun.of(more.toArray(String[]::new)).exitCode());
        assertArrayEquals(bytes(fresh, "sweep.csv"), bytes(out, "sweep.csv"));
    }

    @Test
    void aKilledSweepResumesToTheSameBytes() throws Exception {
        List<String> args = List.of("sweep", "--hidden", "16", "--gains", "0.5:3.4:0.05", "--seeds", "1:2",
                "--warm-up", "200", "--steps", "2000", "--threads", "2", "--quiet", "--out");
        Path killed = tmp.resolve("killed");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Djava.awt.headless=true", "-Xmx256m", "-cp",
                System.getProperty("java.class.path")));
        // the child computes on this JVM's backend and thread count, or its rows could not match the resumed ones
        for (String key : new String[] {"rnngradients.backend", "rnngradients.threads"}) {
            if (System.getProperty(key) != null) {
                command.add(command.size() - 2, "-D" + key + "=" + System.getProperty(key));
            }
        }
        command.add(RnnGradients.class.getName());
        command.addAll(args);
        command.add(killed.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Path csv = killed.resolve("sweep.csv");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (p.isAlive() && System.nanoTime() < deadline && (!Files.exists(csv) || Files.readAllLines(csv).size() < 4)) {
                Thread.sleep(5);
            }
            p.destroyForcibly();                                     // SIGKILL: no shutdown hook, no cleanup
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly();
        }
        int kept = Files.readAllLines(csv).size() - 1;
        assertTrue(kept >= 3 && kept < 120, "killed part-way, with whole rows kept: " + kept);
        assertFalse(Files.exists(killed.resolve("manifest.json")), "an unfinished sweep has no manifest");

        List<String> resume = new ArrayList<>(args);
        resume.add(killed.toString());
        assertEquals(0, CliRun.of(resume.toArray(String[]::new)).exitCode());
        Path fresh = tmp.resolve("fresh");
        resume.set(resume.size() - 1, fresh.toString());
        assertEquals(0, CliRun.of(resume.toArray(String[]::new)).exitCode());
        assertArrayEquals(bytes(fresh, "sweep.csv"), bytes(killed, "sweep.csv"));
        assertArrayEquals(bytes(fresh, "summary.csv"), bytes(killed, "summary.csv"));
    }

    @Test
    void badOptionsAreNamedAndNothingIsWritten() throws IOException {
        String[][] cases = {
            {"--gains", "1.5:0.5:0.1", "--gains"},
            {"--gains", "0.5,x", "'x'"},
            {"--gains", "0.5,0.50", "repeats"},
            {"--seeds", "3:1", "--seeds"},
            {"--cells", "rnn-tanh,foo", "'foo'"},
            {"--hidden", "0", "--hidden"},
            {"--steps", "81", "--steps must be a multiple of 2"},
            {"--radius", null, "--radius needs vanilla cells"},
            {"--threads", "-1", "--threads"},
        };
        for (String[] c : cases) {
            Path out = tmp.resolve("bad");
            CliRun run = sweepWith(out, c[0], c[1]);
            assertEquals(RnnGradients.BAD_INPUT, run.exitCode(), String.join(" ", c));
            assertTrue(run.err().contains(c[2]), run.err());
            assertFalse(Files.exists(out), "nothing written for " + String.join(" ", c));
        }
    }

    @Test
    void anOutputThatIsNotASweepOrHasOtherSettingsIsRefused() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertEquals(RnnGradients.BAD_INPUT, sweep(file).exitCode());
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("notes.txt"), "keep me");
        CliRun refused = sweep(other);
        assertEquals(RnnGradients.BAD_INPUT, refused.exitCode());
        assertTrue(refused.err().contains("holds no sweep.csv") && refused.err().contains("--force"), refused.err());
        assertEquals("keep me", Files.readString(other.resolve("notes.txt")));

        Path out = tmp.resolve("s");
        assertEquals(0, sweep(out).exitCode());
        byte[] before = bytes(out, "sweep.csv");
        List<String> args = new ArrayList<>(SMALL);
        args.set(args.indexOf("80"), "160");
        args.addAll(List.of("--out", out.toString()));
        CliRun clash = CliRun.of(args.toArray(String[]::new));
        assertEquals(RnnGradients.BAD_INPUT, clash.exitCode());
        assertTrue(clash.err().contains("sweep.csv:2") && clash.err().contains("steps = 80"), clash.err());
        assertArrayEquals(before, bytes(out, "sweep.csv"), "the results are kept");

        args.add("--force");
        assertEquals(0, CliRun.of(args.toArray(String[]::new)).exitCode());
        assertTrue(Files.readAllLines(out.resolve("sweep.csv")).get(1).contains(",30,160,1,"), "started over");
    }
}
