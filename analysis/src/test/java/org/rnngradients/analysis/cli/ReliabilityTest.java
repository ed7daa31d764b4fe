package org.rnngradients.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rnngradients.analysis.cli.csv.CsvTable;

/**
 * Issue 13's reliability rules, each in its own temporary directory: --force replaces only an earlier run and never
 * an input or the working directory, sizes are checked before allocating, a failed run leaves nothing behind (not
 * even the parent directories it created), and every refusal is exit code 2 with one line on stderr.
 */
class ReliabilityTest {

    @TempDir
    Path tmp;

    private static final List<String> SMALL = List.of("--cell", "rnn-tanh", "--hidden", "3", "--steps", "5", "--quiet");

    /** Runs {@code args} and asserts a refusal: exit 2, one stderr line containing {@code expected}, and {@code tmp} unchanged. */
    private void assertRefused(String expected, String... args) {
        Map<String, String> before = Tree.of(tmp);
        CliRun run = CliRun.of(args);
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(expected), run.err());
        assertEquals("", run.out());
        assertEquals(before, Tree.of(tmp), "nothing created or deleted");
    }

    private Path earlierRun(String name, String seed) {
        Path out = tmp.resolve(name);
        CliRun run = CliRun.of(profile("--seed", seed, "--out", out.toString()));
        assertEquals(0, run.exitCode(), run.err());
        return out;
    }

    /** {@code profile} with the small options, then {@code extra}. */
    private static String[] profile(String... extra) {
        List<String> all = new ArrayList<>(List.of("profile"));
        all.addAll(SMALL);
        all.addAll(List.of(extra));
        return all.toArray(String[]::new);
    }

    @Test
    void forceReplacesAnEarlierRunAndLeavesNoStagingOrOldCopy() throws IOException {
        Path out = earlierRun("run", "1");
        String first = Files.readString(out.resolve("profile.csv"));
        CliRun again = CliRun.of(profile("--seed", "2", "--force", "--out", out.toString()));
        assertEquals(0, again.exitCode(), again.err());
        assertNotEquals(first, Files.readString(out.resolve("profile.csv")), "the new run's results");
        assertTrue(Files.readString(out.resolve("manifest.json")).contains("\"seed\": 2"));
        assertEquals(List.of("run"), Tree.of(tmp).keySet().stream().filter(k -> !k.contains("/") && !k.isEmpty()).toList());
    }

    @Test
    void forceRefusesADirectoryThatIsNotAnEarlierRun() throws IOException {
        Path mine = Files.createDirectory(tmp.resolve("mine"));
        Files.writeString(mine.resolve("notes.txt"), "keep me");
        assertRefused("--out " + mine + " is not an earlier run of this tool",
                profile("--force", "--out", mine.toString()));
    }

    @Test
    void forceRefusesAnEarlierRunThatHoldsAnotherFile() throws IOException {
        Path out = earlierRun("run", "1");
        Files.writeString(out.resolve("notes.txt"), "keep me");
        assertRefused("holds notes.txt, which its manifest.json does not list",
                profile("--force", "--out", out.toString()));
    }

    @Test
    void forceRefusesAnEarlierRunThatHoldsAnEmptyDirectory() throws IOException {
        Path out = earlierRun("run", "1");
        Files.createDirectory(out.resolve("extra"));
        assertRefused("holds extra, which its manifest.json does not list",
                profile("--force", "--out", out.toString()));
    }

    @Test
    void forceRefusesAnOutputThatHoldsTheCommandsInputWeights() {
        Path out = earlierRun("run", "1");   // holds weight_*.npy and bias_*.npy, listed in its manifest
        assertRefused("holds the input " + out, "analyse", "--cell", "rnn-tanh", "--weights", out.toString(),
                "--analyses", "profile", "--quiet", "--force", "--out", out.toString());
    }

    @Test
    void forceRefusesAnOutputAboveTheInputWeights() throws IOException {
        Path out = earlierRun("run", "1");
        Path weights = Files.createDirectory(out.resolve("weights"));
        for (String f : List.of("weight_ih_l0.npy", "weight_hh_l0.npy", "bias_ih_l0.npy", "bias_hh_l0.npy")) {
            Files.copy(out.resolve(f), weights.resolve(f));
        }
        assertRefused("holds the input " + weights, "analyse", "--cell", "rnn-tanh", "--weights", weights.toString(),
                "--quiet", "--force", "--out", out.toString());
    }

    @Test
    void emptyOutIsNamed() {
        assertRefused("--out must name a directory, was empty", profile("--out", ""));
    }

    @Test
    void existingOutWithoutForceIsRefused() {
        Path out = earlierRun("run", "1");
        assertRefused("--out " + out + " already exists (add --force", profile("--out", out.toString()));
    }

    @Test
    void weightsThatIsARegularFileIsBadInput() throws IOException {
        Path file = Files.writeString(tmp.resolve("weights.npy"), "not a directory");
        assertRefused("--weights " + file + " is not a directory", "analyse", "--cell", "lstm", "--weights",
                file.toString(), "--out", tmp.resolve("out").toString());
    }

    @Test
    void missingWeightsDirectoryIsBadInput() {
        Path missing = tmp.resolve("nowhere");
        assertRefused("--weights " + missing + " does not exist", "analyse", "--cell", "lstm", "--weights",
                missing.toString(), "--out", tmp.resolve("out").toString());
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "profile  | --hidden | 40000      | --hidden 40000: the cell's weights and one working copy need about 23.8 GiB",
        "profile  | --hidden | 2147483647 | --hidden 2147483647: W_hh (H × H) would have 4.61e+18 entries, more than one Java array holds",
        "profile  | --hidden | 100000     | --hidden 100000: W_hh (H × H) would have 1.00e+10 entries",
        "profile  | --steps  | 2147483647 | --steps 2147483647: the inputs (T × I) would have 2.15e+09 entries",
        "spectrum | --steps  | 2147483647 | --steps 2147483647: the inputs (T × I) would have 2.15e+09 entries",
        "lyapunov | --steps  | 2147483647 | --steps 2147483647 plus --warm-up 100 is 2147483747 steps, more than 2147483647",
        "train    | --hidden | 40000      | --hidden 40000: the cell's weights and one working copy need about",
        "train    | --steps  | 2147483647 | --steps 2147483647 --batch 16 --test-size 256 --hidden 32: the batch's stored states",
        "adding   | --hidden | 100000     | --hidden 100000: W_hh (H × H) would have 1.00e+10 entries",
        "profiles | --hidden | 2147483647 | --hidden 2147483647: W_hh (3H × H) would have"
    })
    void sizesThatCannotFitAreRefusedBeforeAllocating(String command, String option, String value, String expected) {
        List<String> a = new ArrayList<>(List.of(command, option, value, "--quiet", "--out",
                tmp.resolve("a/b/out").toString()));
        if (command.equals("profiles")) {
            a.addAll(List.of("--cells", "gru"));
        }
        assertRefused(expected, a.toArray(String[]::new));
    }

    @Test
    void spectrumThatCannotStoreItsJacobiansNamesTheMemoryNeeded() {
        assertRefused("--steps 1000 --hidden 4000: the 1000 stored step Jacobians (4000 × 4000 each) need about 119 GiB",
                "spectrum", "--hidden", "4000", "--steps", "1000", "--out", tmp.resolve("out").toString());
    }

    @Test
    void runThatFailsPartWayLeavesNoParentDirectories() {
        // a ReLU network with gain 10 grows about tenfold per step and overflows double range within a few hundred
        // steps: the failure comes after the staging directory exists
        assertRefused("pre-activations must be finite", "lyapunov", "--cell", "rnn-relu", "--hidden", "8", "--gain", "10",
                "--steps", "2000", "--warm-up", "0", "--quiet", "--out", tmp.resolve("a/b/out").toString());
    }

    @Test
    void intervalOneGivesFiniteExponentsWhereALongIntervalIsRefused() throws IOException {
        Path out = tmp.resolve("m1");
        CliRun run = CliRun.of("lyapunov", "--hidden", "8", "--gain", "3", "--input", "none", "--steps", "2000",
                "--warm-up", "0", "--quiet", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        CsvTable t = CsvTable.read(out.resolve("lyapunov.csv"));
        for (int r = 0; r < t.size(); r++) {
            assertTrue(Double.isFinite(t.number(r, "exponent")), "λ_" + (r + 1) + " = " + t.text(r, "exponent"));
        }
    }

    @Test
    void lyapunovCsvIsSortedInDescendingOrder() throws IOException {
        Path out = tmp.resolve("l");
        CliRun run = CliRun.of("lyapunov", "--hidden", "8", "--gain", "2", "--steps", "1000", "--quiet", "--out",
                out.toString());
        assertEquals(0, run.exitCode(), run.err());
        CsvTable t = CsvTable.read(out.resolve("lyapunov.csv"));
        assertEquals(8, t.size());
        for (int r = 1; r < t.size(); r++) {
            assertTrue(t.number(r, "exponent") <= t.number(r - 1, "exponent"), "λ_" + r + " ≥ λ_" + (r + 1));
        }
        assertTrue(CliRun.of("lyapunov", "--help").out().contains("sorted in descending order"));
    }

    @Test
    void descendingKeepsEveryValueAndRefusesNaNAndPlusInfinity() {
        double[] e = {-1, 0.5, Double.NEGATIVE_INFINITY, 0};
        for (int m : new int[] {1, 10}) {
            assertEquals(List.of(0.5, 0.0, -1.0, Double.NEGATIVE_INFINITY),
                    java.util.Arrays.stream(LyapunovCommand.descending(e, m)).boxed().toList(),
                    "-∞ is an exactly zero derivative and is kept at M = " + m);
        }
        IllegalArgumentException x = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LyapunovCommand.descending(new double[] {0, Double.NaN}, 10));
        assertTrue(x.getMessage().startsWith("--interval 10: exponent 2 came out NaN"), x.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LyapunovCommand.descending(new double[] {Double.POSITIVE_INFINITY}, 1));
    }

    @Test
    void saturatingArithmeticNeverOverflows() {
        assertEquals(Long.MAX_VALUE, ResourceLimits.times(Integer.MAX_VALUE, Integer.MAX_VALUE, 8));
        assertEquals(Long.MAX_VALUE, ResourceLimits.plus(Long.MAX_VALUE, 1));
        assertEquals(6L * Integer.MAX_VALUE, ResourceLimits.times(2, 3, Integer.MAX_VALUE));
        assertEquals("more than 8 EiB", ResourceLimits.size(Long.MAX_VALUE));
        assertEquals("1.50 GiB", ResourceLimits.size(3L << 29));
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

    @Test
    void forceRefusesTheWorkingDirectoryAndItsAncestors() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("home/user"));
        Files.writeString(work.resolve("thesis.tex"), "years of work");
        Map<String, String> before = Tree.of(tmp);
        for (String out : List.of(".", "..", work.toString(), "../..")) {
            CliRun run = inDirectory(work, "profile", "--hidden", "3", "--steps", "5", "--quiet", "--force", "--out", out);
            assertEquals(2, run.exitCode(), run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().contains("is the working directory or one of its ancestors"), run.err());
        }
        assertEquals(before, Tree.of(tmp), "nothing created or deleted");
    }
}
